#include "training/scenario_projection.h"

#include <chrono>
#include <stdexcept>

#include "catalog/enum_names.h"
#include "io/resources.h"
#include "training/cluster.h"
#include "training/model.h"

namespace cf {

TrainingRequest scenario_request(const Scenario& s, const ScenarioProjectionOptions& options) {
  const std::filesystem::path dir = options.models_dir.empty() ? resources_dir() / "models" : options.models_dir;
  const auto file = model_file(dir, s.model);
  if (!file) throw std::invalid_argument("model \"" + s.model + "\" is not a shipped model (resources/models)");
  TrainingRequest req;
  req.model = load_model(*file);
  // The step model knows the BF16/FP16 and FP8 tensor-core paths only (docs/methods.md, "Step time").
  if (s.precision != Precision::Bf16 && s.precision != Precision::Fp16 && s.precision != Precision::Fp8)
    throw std::invalid_argument("precision " + enum_name(s.precision, precision_names()) +
                                " is not modelled for training (bf16, fp16 or fp8)");
  req.precision = s.precision;
  if (s.tokens > 0) req.tokens = s.tokens;
  if (req.model.global_batch <= 0) {
    if (options.default_global_batch <= 0)
      throw std::invalid_argument(req.model.name + " has no published global batch and the scenario cannot give "
                                  "one: set a global batch to project it");
    req.global_batch = options.default_global_batch;
  }
  return req;
}

std::vector<ScenarioProjection> project_scenarios(const Design& design, const Catalog& catalog,
                                                  const DesignReport& report,
                                                  const ScenarioProjectionOptions& options) {
  std::vector<ScenarioProjection> out;
  std::optional<TrainingCluster> cluster;
  std::string no_cluster;
  if (!design.scenarios.empty()) {
    try {
      cluster = training_cluster(catalog, report.network, report.scale_up);
    } catch (const std::exception& e) {
      no_cluster = e.what();
    }
  }
  for (const Scenario& s : design.scenarios) {
    const auto start = std::chrono::steady_clock::now();
    ScenarioProjection p;
    p.scenario_id = s.id;
    p.scenario_name = s.name.empty() ? s.id : s.name;
    p.model_id = s.model;
    try {
      if (!cluster) throw std::invalid_argument(no_cluster);
      const TrainingRequest req = scenario_request(s, options);
      p.model_source = req.model.source;
      p.report = project_training(design, *cluster, report.reliability, req);
      if (options.scaling_curves && p.report->best())
        p.curve = scaling_curve(design, *cluster, report.reliability, req, scaling_gpu_counts(*cluster));
    } catch (const std::exception& e) {
      // Only the request and the projection throw (a curve is the same projection at fewer GPUs).
      p.report.reset();
      p.curve.reset();
      p.why_not = e.what();
    }
    p.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace cf
