#include "training/scaling_curve.h"

#include <chrono>

namespace cf {

std::vector<int> scaling_gpu_counts(const TrainingCluster& cluster) {
  std::vector<int> counts;
  if (cluster.gpus <= 0) return counts;
  const int first = cluster.scale_up_gpus <= cluster.gpus ? cluster.scale_up_gpus : 1;
  for (long long n = first; n < cluster.gpus; n *= 2) counts.push_back(static_cast<int>(n));
  counts.push_back(cluster.gpus);
  return counts;
}

ScalingCurve scaling_curve(const Design& design, const TrainingCluster& cluster,
                           const ReliabilityReport& reliability, const TrainingRequest& request,
                           const std::vector<int>& gpu_counts) {
  const auto start = std::chrono::steady_clock::now();
  ScalingCurve curve;
  TrainingRequest req = request;
  req.search.top_k = 1;  // only the best plan is plotted; the search keeps the same best
  for (int n : gpu_counts) {
    TrainingCluster part = cluster;
    part.gpus = n;
    // The projection scales the interruption rate from the cluster's GPUs to the plan's: give it
    // the rate of the n GPUs (the full count keeps the design's figure untouched).
    ReliabilityReport rel = reliability;
    if (n != cluster.gpus) rel.failures_per_day = reliability.failures_per_day * n / cluster.gpus;
    const TrainingReport r = project_training(design, part, rel, req);
    ScalingPoint p;
    p.gpus = n;
    if (const Projection* best = r.best()) {
      p.plan_gpus = best->plan.gpus();
      p.tokens_per_s = best->tokens_per_s;
      p.step_time_s = best->step_time_s;
      p.mfu = best->mfu;
      p.goodput = r.goodput;
      p.time_to_train_s = r.time_to_train_s;
    } else {
      p.infeasible_reason = r.infeasible_reason;
    }
    curve.points.push_back(std::move(p));
  }
  curve.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return curve;
}

}  // namespace cf
