#include "fuzz_entries.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/design_report.h"
#include "catalog/catalog_loader.h"
#include "cli_args.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "training/cluster.h"
#include "training/model.h"
#include "training/scenario_projection.h"
#include "training/training_report.h"

namespace cf::fuzz {

namespace {

// The shipped catalog only: a user catalog on the fuzzing machine would make findings depend on it.
const Catalog& shipped_catalog() {
  static const Catalog catalog = load_catalog({resources_dir() / "catalog"});
  return catalog;
}

// Where a fuzzed model is projected: the lab sample (32 GPUs, a quick plan search).
struct LabCluster {
  Design design;
  TrainingCluster cluster;
  ReliabilityReport reliability;
};

const LabCluster& lab() {
  static const LabCluster lab = [] {
    Design d = load_design(std::string(CF_SOURCE_DIR) + "/samples/lab-4x-dgx-h100.cluster.json");
    DesignReport r = analyze_design(d, shipped_catalog());
    return LabCluster{d, training_cluster(shipped_catalog(), r.network, r.scale_up), r.reliability};
  }();
  return lab;
}

// An invariant broken by an accepted input: escapes as a finding, with what broke.
[[noreturn]] void broken(const std::string& what) {
  throw std::logic_error("fuzz invariant: " + what);
}

}  // namespace

bool design_input(std::string_view text) {
  Design design;
  try {
    design = parse_design_text(text);
  } catch (const LoadError&) {
    return false;
  }
  // Saving and opening again gives the same design (the file format's round trip).
  if (parse_design_text(design_to_text(design)) != design)
    broken("design changed on a save/load round trip");

  const Catalog& catalog = shipped_catalog();
  DesignReport report = analyze_design(design, catalog);
  (void)report.to_json().dump();
  (void)report.to_text();
  Bom bom = build_bom(design, catalog);
  (void)bom_to_csv(bom);
  (void)bom_to_markdown(bom, design.name);
  (void)bom_to_json(bom).dump();
  ScenarioProjectionOptions options;
  options.scaling_curves = false;  // the same projection at fewer GPUs, many times: too slow here
  options.default_global_batch = 64;
  for (const ScenarioProjection& p : project_scenarios(design, catalog, report, options))
    if (p.report) (void)p.report->to_json().dump();
  return true;
}

bool catalog_input(std::string_view text) {
  Catalog catalog = shipped_catalog();
  try {
    parse_catalog_text(catalog, text, "fuzz.json");
  } catch (const LoadError&) {
    return false;
  }
  return true;
}

bool model_input(std::string_view text) {
  ModelSpec model;
  try {
    model = parse_model_text(text, "fuzz");
  } catch (const LoadError&) {
    return false;
  }
  TrainingRequest request;
  request.model = model;
  if (model.global_batch <= 0) request.global_batch = 64;
  request.search.top_k = 1;
  TrainingReport report = project_training(lab().design, lab().cluster, lab().reliability, request);
  (void)report.to_json().dump();
  (void)report.to_text();
  return true;
}

bool cli_args_input(std::string_view bytes) {
  std::vector<std::string> args{"clusterforge-cli"};
  std::size_t start = 0;
  while (!bytes.empty() && start <= bytes.size()) {
    std::size_t end = bytes.find('\0', start);
    if (end == std::string_view::npos) end = bytes.size();
    args.emplace_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);
  CliArgs parsed = parse_cli_args(static_cast<int>(args.size()), argv.data());
  if (parsed.options) return true;
  // docs/cli.md: a usage error exits 2 and says what was expected; help and version exit 0.
  if (parsed.exit_code == kExitUsage && parsed.err.empty())
    broken("a usage error without a message");
  if (parsed.exit_code == 0 && parsed.out.empty()) broken("help or version printed nothing");
  if (parsed.exit_code != 0 && parsed.exit_code != kExitUsage)
    broken("exit code " + std::to_string(parsed.exit_code));
  return false;
}

}  // namespace cf::fuzz
