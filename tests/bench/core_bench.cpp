// Speed of the core on the shipped samples and on generated clusters up to 100,000 GPUs.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/network.h"
#include "analysis/summary.h"
#include "catalog/catalog_loader.h"
#include "design/validation.h"
#include "fabric/cluster_generator.h"
#include "io/bom.h"
#include "io/design_file.h"

namespace {

const std::filesystem::path kSource = CF_SOURCE_DIR;

const cf::Catalog& catalog() {
  static const cf::Catalog c = cf::load_catalog({kSource / "resources" / "catalog"});
  return c;
}

cf::ClusterRequest request(int gpus, const char* server, const char* sw) {
  cf::ClusterRequest r;
  r.gpus = gpus;
  r.server_id = server;
  r.switch_id = sw;
  r.cooling = cf::CoolingChoice::Liquid;
  return r;
}

const cf::Design& design_100k() {
  static const cf::Design d =
      cf::generate_cluster(request(100000, "nvidia-dgx-b300", "nvidia-q3400-ra"), catalog()).design;
  return d;
}

void BM_LoadCatalog(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cf::load_catalog({kSource / "resources" / "catalog"}));
}
BENCHMARK(BM_LoadCatalog)->Unit(benchmark::kMillisecond);

void BM_LoadSuperPodSample(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(cf::load_design(kSource / "samples" / "dgx-h100-superpod-4su.cluster.json"));
}
BENCHMARK(BM_LoadSuperPodSample)->Unit(benchmark::kMillisecond);

void BM_GenerateSuperPod4Su(benchmark::State& state) {
  auto req = request(1016, "nvidia-dgx-h100", "nvidia-qm9700");
  req.servers_per_rack = 4;
  for (auto _ : state) benchmark::DoNotOptimize(cf::generate_cluster(req, catalog()));
}
BENCHMARK(BM_GenerateSuperPod4Su)->Unit(benchmark::kMillisecond);

void BM_Generate100kGpusThreeTier(benchmark::State& state) {
  auto req = request(100000, "nvidia-dgx-b300", "nvidia-q3400-ra");
  for (auto _ : state) benchmark::DoNotOptimize(cf::generate_cluster(req, catalog()));
}
BENCHMARK(BM_Generate100kGpusThreeTier)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_AnalyzeNetworkSuperPod(benchmark::State& state) {
  cf::Design d = cf::load_design(kSource / "samples" / "dgx-h100-superpod-4su.cluster.json");
  for (auto _ : state) benchmark::DoNotOptimize(cf::analyze_network(d, catalog()));
}
BENCHMARK(BM_AnalyzeNetworkSuperPod)->Unit(benchmark::kMillisecond);

// Issue 3's target: generate and fully analyse (every candidate bisection) 100,000 GPUs.
void BM_GenerateAndAnalyze100k(benchmark::State& state) {
  auto req = request(100000, "nvidia-dgx-b300", "nvidia-q3400-ra");
  for (auto _ : state) {
    cf::GeneratedCluster g = cf::generate_cluster(req, catalog());
    benchmark::DoNotOptimize(cf::analyze_network(g.design, catalog()));
  }
}
BENCHMARK(BM_GenerateAndAnalyze100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_Validate100k(benchmark::State& state) {
  const cf::Design& d = design_100k();
  for (auto _ : state) benchmark::DoNotOptimize(cf::validate(d, catalog()));
}
BENCHMARK(BM_Validate100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SummaryAndBom100k(benchmark::State& state) {
  const cf::Design& d = design_100k();
  for (auto _ : state) {
    benchmark::DoNotOptimize(cf::summarize(d, catalog()));
    benchmark::DoNotOptimize(cf::build_bom(d, catalog()));
  }
}
BENCHMARK(BM_SummaryAndBom100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SerializeAndParse100k(benchmark::State& state) {
  const cf::Design& d = design_100k();
  for (auto _ : state) {
    std::string text = cf::design_to_text(d);
    benchmark::DoNotOptimize(cf::parse_design_text(text));
  }
}
BENCHMARK(BM_SerializeAndParse100k)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace
