// Scaling-curve speed: GPT-3 175B, the best plan on 8, 16, ... GPUs up to all of a DGX H100
// cluster's (the dashboard computes it off the GUI thread after each projection). The cluster is
// the generated 4,096-GPU one, its GPU count raised for the 98,304-GPU case (same per-GPU links).

#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/resources.h"
#include "training/scaling_curve.h"

namespace {

using namespace cf;

void curve(benchmark::State& state, int gpus) {
  TrainingCluster cluster = bench::h100_4096();
  cluster.gpus = gpus;
  TrainingRequest req;
  req.model = load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources/models/gpt3-175b.json");
  const Design design;  // assumptions only: the defaults
  const ReliabilityReport reliability;
  const std::vector<int> counts = scaling_gpu_counts(cluster);
  for (auto _ : state) {
    ScalingCurve c = scaling_curve(design, cluster, reliability, req, counts);
    benchmark::DoNotOptimize(c.points.data());
  }
  state.counters["points"] = static_cast<double>(counts.size());
}

void BM_ScalingCurveGpt3On4096H100(benchmark::State& state) { curve(state, 4096); }
BENCHMARK(BM_ScalingCurveGpt3On4096H100)->Unit(benchmark::kMillisecond);

void BM_ScalingCurveGpt3On98304H100(benchmark::State& state) { curve(state, 98304); }
BENCHMARK(BM_ScalingCurveGpt3On98304H100)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
