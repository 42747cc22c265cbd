// Speed of comparing designs (what the Compare view recomputes when the open design changes):
// the reports are given, so this is the row building and the bills of materials.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/design_comparison.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"

namespace {

const std::filesystem::path kSource = CF_SOURCE_DIR;

const cf::Catalog& catalog() {
  static const cf::Catalog c = cf::load_catalog({kSource / "resources" / "catalog"});
  return c;
}

struct Analysed {
  cf::Design design;
  cf::DesignReport report;
};

void compare_twice(benchmark::State& state, const Analysed& a) {
  const std::vector<cf::ComparedDesign> designs{{"a", &a.design, &a.report, nullptr},
                                                {"b", &a.design, &a.report, nullptr}};
  for (auto _ : state) benchmark::DoNotOptimize(cf::compare_designs(designs, catalog()));
}

// What the Compare view does on an edit: the bills of materials are kept, the rows rebuilt.
void compare_twice_with_boms(benchmark::State& state, const Analysed& a) {
  const cf::Bom bom = cf::build_bom(a.design, catalog());
  const std::vector<cf::ComparedDesign> designs{{"a", &a.design, &a.report, nullptr, &bom},
                                                {"b", &a.design, &a.report, nullptr, &bom}};
  for (auto _ : state) benchmark::DoNotOptimize(cf::compare_designs(designs, catalog()));
}

const Analysed& superpod() {
  static const Analysed a = [] {
    cf::Design d = cf::load_design(kSource / "samples" / "dgx-h100-superpod-4su.cluster.json");
    cf::DesignReport r = cf::analyze_design(d, catalog());
    return Analysed{std::move(d), std::move(r)};
  }();
  return a;
}

const Analysed& gpus_100k() {
  static const Analysed a = [] {
    cf::ClusterRequest req;
    req.gpus = 100000;
    req.server_id = "nvidia-dgx-b300";
    req.switch_id = "nvidia-q3400-ra";
    req.cooling = cf::CoolingChoice::Liquid;
    cf::Design d = cf::generate_cluster(req, catalog()).design;
    cf::DesignReport r = cf::analyze_design(d, catalog());
    return Analysed{std::move(d), std::move(r)};
  }();
  return a;
}

void BM_CompareSuperPodSampleWithItself(benchmark::State& state) { compare_twice(state, superpod()); }
BENCHMARK(BM_CompareSuperPodSampleWithItself)->Unit(benchmark::kMillisecond);

void BM_Compare100kGpusWithItself(benchmark::State& state) { compare_twice(state, gpus_100k()); }
BENCHMARK(BM_Compare100kGpusWithItself)->Unit(benchmark::kMillisecond);

void BM_Compare100kGpusWithItsBom(benchmark::State& state) { compare_twice_with_boms(state, gpus_100k()); }
BENCHMARK(BM_Compare100kGpusWithItsBom)->Unit(benchmark::kMillisecond);

}  // namespace
