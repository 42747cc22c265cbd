#pragma once
// A training projection of one model on one design, ready to show: the cluster the design
// offers, the plan search and its best plans, goodput from the design's reliability and the
// time to train (docs/methods.md, "Training projection"; JSON keys in docs/cli.md).

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "analysis/reliability.h"
#include "io/json_reader.h"
#include "training/plan_search.h"

namespace cf {

struct TrainingRequest {
  ModelSpec model;
  int global_batch = 0;  // sequences; 0: the model's published batch
  int seq_len = 0;       // 0: the model's
  Precision precision = Precision::Bf16;
  std::optional<double> tokens;  // to train, for time_to_train
  std::string framework = "megatron-core";
  SearchOptions search;
};

struct TrainingReport {
  TrainingCluster cluster;
  Framework framework;
  std::string model_id, model_name;
  double parameters = 0, active_parameters = 0;
  TrainingJob job;
  SearchResult search;
  std::string infeasible_reason;  // when no plan fits: why (of the fixed plan, or the closest)
  // From the design's reliability, scaled to the GPUs of the best plan (empty: unknown).
  std::optional<double> goodput, failures_per_day, checkpoint_interval_s;
  std::optional<double> tokens, time_to_train_s, time_to_train_no_failures_s;
  std::vector<std::string> notes;

  const Projection* best() const { return search.best.empty() ? nullptr : &search.best.front(); }
  Json to_json() const;
  std::string to_text() const;
};

// Throws std::invalid_argument on a request that cannot be projected (no global batch, unknown
// framework, no GPU server in the design).
TrainingReport project_training(const Design& design, const Catalog& catalog, const TrainingRequest& request);
// The same from analyses already made (the GUI's DesignReport): `cluster` from training_cluster()
// and `reliability` from analyze_reliability() of `design` (its assumptions give the checkpoint).
TrainingReport project_training(const Design& design, const TrainingCluster& cluster,
                                const ReliabilityReport& reliability, const TrainingRequest& request);

Json plan_to_json(const ParallelPlan& p);
// One line for people: "tp 8 pp 4 dp 32 cp 1 ep 1 mbs 1 vpp 2 recompute full zero 1 sp".
std::string describe(const ParallelPlan& p);
Json projection_to_json(const Projection& p);

}  // namespace cf
