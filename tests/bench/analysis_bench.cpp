// Speed of everything after loading on the 100,000-GPU sample as users open it (issue 8: load +
// full analysis under 3 s on one core): the loader's structural check and each analysis of
// analyze_design. The design is loaded once from the built sample (CF_SAMPLE_100K); the loader's
// own speed is measured elsewhere.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>

#include "analysis/design_report.h"
#include "analysis/network.h"
#include "catalog/catalog_loader.h"
#include "design/design_index.h"
#include "design/structure.h"
#include "design/validation.h"
#include "io/design_file.h"

namespace {

const std::filesystem::path kSource = CF_SOURCE_DIR;
const std::filesystem::path kSample100k = CF_SAMPLE_100K;

const cf::Catalog& catalog() {
  static const cf::Catalog c = cf::load_catalog({kSource / "resources" / "catalog"});
  return c;
}

// The sample, or nullptr (and the benchmark skipped) when it has not been built.
const cf::Design* sample_100k(benchmark::State& state) {
  static const std::optional<cf::Design> d = []() -> std::optional<cf::Design> {
    if (!std::filesystem::exists(kSample100k)) return std::nullopt;
    return cf::load_design(kSample100k);
  }();
  if (!d) state.SkipWithError("the 100k sample is not built (target sample_100k)");
  return d ? &*d : nullptr;
}

template <class F>
void run_on_sample(benchmark::State& state, F&& analysis) {
  const cf::Design* d = sample_100k(state);
  if (!d) return;
  for (auto _ : state) benchmark::DoNotOptimize(analysis(*d));
}

void BM_Sample100kDesignIndex(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::DesignIndex(d); });
}
BENCHMARK(BM_Sample100kDesignIndex)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kCheckStructure(benchmark::State& state) {
  const cf::Design* d = sample_100k(state);
  if (!d) return;
  const cf::DesignIndex index(*d);
  for (auto _ : state) cf::check_structure(*d, index);
}
BENCHMARK(BM_Sample100kCheckStructure)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kSummarize(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::summarize(d, catalog()); });
}
BENCHMARK(BM_Sample100kSummarize)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kAnalyzePower(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::analyze_power(d, catalog()); });
}
BENCHMARK(BM_Sample100kAnalyzePower)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kAnalyzeCooling(benchmark::State& state) {
  const cf::Design* d = sample_100k(state);
  if (!d) return;
  const cf::PowerReport power = cf::analyze_power(*d, catalog());
  std::vector<double> heat;
  for (const auto& r : power.racks) heat.push_back(r.it_w);
  for (auto _ : state)
    benchmark::DoNotOptimize(cf::analyze_cooling(*d, catalog(), heat, power.gpu_utilization));
}
BENCHMARK(BM_Sample100kAnalyzeCooling)->Unit(benchmark::kMillisecond)->Iterations(5);

// The CapEx comes from the bill of materials (core/io/bom.cpp), built here in full.
void BM_Sample100kAnalyzeCost(benchmark::State& state) {
  run_on_sample(state,
                [](const cf::Design& d) { return cf::analyze_cost(d, catalog(), 1e8, 100000); });
}
BENCHMARK(BM_Sample100kAnalyzeCost)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kAnalyzeReliability(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::analyze_reliability(d, catalog()); });
}
BENCHMARK(BM_Sample100kAnalyzeReliability)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kAnalyzeNetwork(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::analyze_network(d, catalog()); });
}
BENCHMARK(BM_Sample100kAnalyzeNetwork)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Sample100kAnalyzeScaleUp(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::analyze_scale_up(d, catalog()); });
}
BENCHMARK(BM_Sample100kAnalyzeScaleUp)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Sample100kValidate(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::validate(d, catalog()); });
}
BENCHMARK(BM_Sample100kValidate)->Unit(benchmark::kMillisecond)->Iterations(3);

// What `analyze` and the GUI run after loading.
void BM_Sample100kAnalyzeDesign(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) { return cf::analyze_design(d, catalog()); });
}
BENCHMARK(BM_Sample100kAnalyzeDesign)->Unit(benchmark::kMillisecond)->Iterations(3);

// Issue 8's share after loading: the loader's index and structural check, then analyze_design.
void BM_Sample100kStructureAndAnalysis(benchmark::State& state) {
  run_on_sample(state, [](const cf::Design& d) {
    cf::check_structure(d, cf::DesignIndex(d));
    return cf::analyze_design(d, catalog());
  });
}
BENCHMARK(BM_Sample100kStructureAndAnalysis)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
