#pragma once
// Strong scaling of one training request on a design: the best plan's throughput and time to
// train when the job gets n of the design's GPUs, for a sequence of n up to all of them. Each
// point is the plain projection on the same cluster with its GPU count lowered to n, so the point
// at the design's full count is exactly project_training's figure. The GPUs keep the design's
// scale-up domain and per-GPU scale-out bandwidth (a job on part of a fabric sees the same links).

#include <optional>
#include <string>
#include <vector>

#include "training/training_report.h"

namespace cf {

struct ScalingPoint {
  int gpus = 0;        // offered to the job
  int plan_gpus = 0;   // used by the best plan (the batch may not divide over all of them)
  std::optional<double> tokens_per_s, step_time_s, mfu;  // empty: no plan fits on n GPUs
  std::optional<double> goodput, time_to_train_s;        // empty also when unknown
  std::string infeasible_reason;
};

struct ScalingCurve {
  std::vector<ScalingPoint> points;  // ascending GPU counts
  double elapsed_s = 0;
};

// Powers of two from one scale-up domain (or 1 when a domain is larger than the design) up to
// the design's GPU count, which always ends the sequence.
std::vector<int> scaling_gpu_counts(const TrainingCluster& cluster);

ScalingCurve scaling_curve(const Design& design, const TrainingCluster& cluster,
                           const ReliabilityReport& reliability, const TrainingRequest& request,
                           const std::vector<int>& gpu_counts);

}  // namespace cf
