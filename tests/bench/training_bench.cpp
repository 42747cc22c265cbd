// Plan search speed: GPT-3 175B on a generated 4,096-GPU DGX H100 cluster, every plan the
// search enumerates (docs/performance.md). Counters: plans evaluated per second on one core.

#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/resources.h"
#include "training/plan_search.h"

namespace {

using namespace cf;

void search(benchmark::State& state, const std::string& model_id, int global_batch) {
  ModelSpec model = load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources/models" / (model_id + ".json"));
  StepModel sm(model, bench::h100_4096(), megatron_core(), {global_batch, model.seq_len, Precision::Bf16});
  long long evaluated = 0;
  for (auto _ : state) {
    SearchResult r = search_plans(sm, SearchOptions{});
    evaluated += r.evaluated;
    benchmark::DoNotOptimize(r.best.data());
  }
  state.counters["plans"] = static_cast<double>(evaluated) / state.iterations();
  state.counters["plans_per_s"] = benchmark::Counter(static_cast<double>(evaluated), benchmark::Counter::kIsRate);
}

void BM_PlanSearchGpt3On4096H100(benchmark::State& state) { search(state, "gpt3-175b", 1536); }
BENCHMARK(BM_PlanSearchGpt3On4096H100)->Unit(benchmark::kMillisecond);

void BM_PlanSearchDeepSeekV3On4096H100(benchmark::State& state) { search(state, "deepseek-v3", 15360); }
BENCHMARK(BM_PlanSearchDeepSeekV3On4096H100)->Unit(benchmark::kMillisecond);

}  // namespace
