#pragma once
// The published training runs of tests/data/training-measurements.json (a copy of
// ../shared/reference), each turned into what the projection needs: the model, a cluster built
// from a generated design like the one measured, the plan fields the source states, and the
// measured iteration time. Shared by the validation test and the calibration tool.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "training/plan_search.h"

namespace cf::test {

struct MeasuredRun {
  std::string id, source;
  ModelSpec model;
  TrainingCluster cluster;
  TrainingJob job;
  PlanConstraints plan;  // what the source states; the rest (micro-batch, vpp) is searched
  double measured_iteration_s = 0;
};

std::vector<MeasuredRun> measured_runs(const std::filesystem::path& file, const Catalog& catalog);

// The projected iteration time of a run: the best plan within its stated constraints, on the
// framework the measurement used (Megatron-LM 2021-2022).
Projection project_run(const MeasuredRun& run, const Efficiency& efficiency);

}  // namespace cf::test
