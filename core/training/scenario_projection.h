#pragma once
// The training projection of every scenario a design carries, from its DesignReport: the
// scenario's model loaded by id from the shipped models, its tokens and precision, the plan
// search on the design's cluster (project_training) and, optionally, the scaling curve. A
// scenario that cannot be projected keeps the reason instead of figures. What the report export
// and the CLI show for "the design's scenarios".

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/design_report.h"
#include "training/scaling_curve.h"
#include "training/training_report.h"

namespace cf {

struct ScenarioProjection {
  std::string scenario_id, scenario_name, model_id;
  std::string model_source;              // the model definition's published source, once loaded
  std::optional<TrainingReport> report;  // empty: not projected (see why)
  std::optional<ScalingCurve> curve;     // empty: not asked for, or not projected
  std::string why_not;                   // why there is no report (unknown model, no batch ...)
  double elapsed_s = 0;                  // projection and curve, wall clock
};

struct ScenarioProjectionOptions {
  std::filesystem::path models_dir;  // empty: resources_dir() / "models"
  // Sequences per step for scenarios whose model publishes no global batch (the file format has
  // no place for one yet); 0: such a scenario is not projected and says why.
  int default_global_batch = 0;
  bool scaling_curves = true;
};

// The request a scenario describes (model by id, tokens, precision; the model's sequence length
// and published batch). Throws std::invalid_argument (or LoadError) saying why there is none.
TrainingRequest scenario_request(const Scenario& scenario, const ScenarioProjectionOptions& options = {});

// One entry per scenario of `design`, in design order; `report` is analyze_design(design, catalog).
std::vector<ScenarioProjection> project_scenarios(const Design& design, const Catalog& catalog,
                                                  const DesignReport& report,
                                                  const ScenarioProjectionOptions& options = {});

}  // namespace cf
