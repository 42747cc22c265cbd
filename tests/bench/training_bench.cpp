// Plan search speed: GPT-3 175B and DeepSeek-V3 on a generated 4,096-GPU DGX H100 cluster, and
// every shipped model on the generated 100,000-GPU DGX B300 design (issue 8: under 1 s on one
// core), plus what `train` does besides loading the file: the training cluster from the design
// (network analysis) and the reliability analysis (docs/performance.md). Counters: plans
// evaluated (costed) and pruned (skipped by a bound) per search, plans costed per second.

#include <benchmark/benchmark.h>

#include "analysis/reliability.h"
#include "bench_support.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/resources.h"
#include "training/plan_search.h"
#include "training/training_report.h"

namespace {

using namespace cf;

const Catalog& catalog() {
  static const Catalog c = load_catalog(catalog_folders(std::nullopt));
  return c;
}

// The 100k sample's design, generated in-process so that no benchmark here reads a file:
// 12,500 DGX B300 on a three-tier Quantum-X800 Q3400 fabric, with the service fabrics.
const Design& b300_100k_design() {
  static const Design design = [] {
    ClusterRequest req;
    req.gpus = 100000;
    req.server_id = "nvidia-dgx-b300";
    req.switch_id = "nvidia-q3400-ra";
    req.cooling = CoolingChoice::Liquid;
    return generate_cluster(req, catalog()).design;
  }();
  return design;
}

const TrainingCluster& b300_100k() {
  static const TrainingCluster cluster = training_cluster(b300_100k_design(), catalog());
  return cluster;
}

ModelSpec shipped_model(const std::string& id) {
  return load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources/models" / (id + ".json"));
}

void search(benchmark::State& state, const TrainingCluster& cluster, const ModelSpec& model, int global_batch) {
  StepModel sm(model, cluster, megatron_core(), {global_batch, model.seq_len, Precision::Bf16});
  long long evaluated = 0, pruned = 0;
  for (auto _ : state) {
    SearchResult r = search_plans(sm, SearchOptions{});
    evaluated += r.evaluated;
    pruned += r.pruned;
    benchmark::DoNotOptimize(r.best.data());
  }
  state.counters["plans"] = static_cast<double>(evaluated) / state.iterations();
  state.counters["pruned"] = static_cast<double>(pruned) / state.iterations();
  state.counters["plans_per_s"] = benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
}

void BM_PlanSearchGpt3On4096H100(benchmark::State& state) {
  search(state, bench::h100_4096(), shipped_model("gpt3-175b"), 1536);
}
BENCHMARK(BM_PlanSearchGpt3On4096H100)->Unit(benchmark::kMillisecond);

void BM_PlanSearchDeepSeekV3On4096H100(benchmark::State& state) {
  search(state, bench::h100_4096(), shipped_model("deepseek-v3"), 15360);
}
BENCHMARK(BM_PlanSearchDeepSeekV3On4096H100)->Unit(benchmark::kMillisecond);

// Every shipped model on 100,000 B300 GPUs at its published global batch, 16,384 sequences
// where none is published (the figures of issue 8).
void BM_PlanSearchOn100kB300(benchmark::State& state, const char* model_id) {
  const ModelSpec model = shipped_model(model_id);
  search(state, b300_100k(), model, model.global_batch > 0 ? model.global_batch : 16384);
}
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, deepseek_v3, "deepseek-v3")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, dit_xl_2, "dit-xl-2")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, gpt3_175b, "gpt3-175b")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, llama3_405b, "llama3-405b")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, llama3_70b, "llama3-70b")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, llama3_8b, "llama3-8b")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, mixtral_8x7b, "mixtral-8x7b")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PlanSearchOn100kB300, vit_l_16, "vit-l-16")->Unit(benchmark::kMillisecond);

// What `train` computes from the design before the search: the training cluster (scale-up
// domains and the compute fabric's network analysis) and the reliability analysis for goodput.
void BM_TrainingClusterOf100kB300(benchmark::State& state) {
  const Design& design = b300_100k_design();
  for (auto _ : state) benchmark::DoNotOptimize(training_cluster(design, catalog()));
}
BENCHMARK(BM_TrainingClusterOf100kB300)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReliabilityOf100kB300(benchmark::State& state) {
  const Design& design = b300_100k_design();
  for (auto _ : state) benchmark::DoNotOptimize(analyze_reliability(design, catalog()));
}
BENCHMARK(BM_ReliabilityOf100kB300)->Unit(benchmark::kMillisecond)->Iterations(3);

// All of `train` after loading: DeepSeek-V3 at its published batch on the 100k design.
void BM_ProjectTrainingDeepSeekV3On100kB300(benchmark::State& state) {
  const Design& design = b300_100k_design();
  TrainingRequest req;
  req.model = shipped_model("deepseek-v3");
  for (auto _ : state) benchmark::DoNotOptimize(project_training(design, catalog(), req));
}
BENCHMARK(BM_ProjectTrainingDeepSeekV3On100kB300)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
