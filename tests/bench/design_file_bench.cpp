// Issue 8's targets on the 100,000-GPU sample as users open it (the file the build generates):
// load, load + full analysis (< 3 s on one core), save (< 1 s), and the bill of materials
// (docs/performance.md).

#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/design_report.h"
#include "catalog/catalog_loader.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/resources.h"

namespace {

const std::filesystem::path kSample = CF_SAMPLE_100K;

const cf::Catalog& catalog() {
  static const cf::Catalog c = cf::load_catalog(cf::catalog_folders(std::nullopt));
  return c;
}

const cf::Design& sample() {
  static const cf::Design d = cf::load_design(kSample);
  return d;
}

void BM_Load100kSample(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cf::load_design(kSample));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * std::filesystem::file_size(kSample)));
}
BENCHMARK(BM_Load100kSample)->Unit(benchmark::kMillisecond)->Iterations(3);

// What opening the sample costs before anything is shown: the file and every analysis.
void BM_LoadAndAnalyze100kSample(benchmark::State& state) {
  for (auto _ : state) {
    cf::Design d = cf::load_design(kSample);
    benchmark::DoNotOptimize(cf::analyze_design(d, catalog()));
  }
}
BENCHMARK(BM_LoadAndAnalyze100kSample)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Analyze100kSample(benchmark::State& state) {
  const cf::Design& d = sample();
  for (auto _ : state) benchmark::DoNotOptimize(cf::analyze_design(d, catalog()));
}
BENCHMARK(BM_Analyze100kSample)->Unit(benchmark::kMillisecond)->Iterations(3);

// An atomic save with its .bak, flushed to disk, as File > Save does.
void BM_Save100kSample(benchmark::State& state) {
  const cf::Design& d = sample();
  auto file = std::filesystem::temp_directory_path() / "cf-bench-save.cluster.json";
  for (auto _ : state) cf::save_design(d, file);
  std::filesystem::remove(file);
  std::filesystem::remove(file.string() + ".bak");
}
BENCHMARK(BM_Save100kSample)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Bom100kSample(benchmark::State& state) {
  const cf::Design& d = sample();
  for (auto _ : state) benchmark::DoNotOptimize(cf::build_bom(d, catalog()));
}
BENCHMARK(BM_Bom100kSample)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
