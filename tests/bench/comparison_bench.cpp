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

void BM_CompareSuperPodSampleWithItself(benchmark::State& state) {
  static const Analysed a = [] {
    cf::Design d = cf::load_design(kSource / "samples" / "dgx-h100-superpod-4su.cluster.json");
    cf::DesignReport r = cf::analyze_design(d, catalog());
    return Analysed{std::move(d), std::move(r)};
  }();
  compare_twice(state, a);
}
BENCHMARK(BM_CompareSuperPodSampleWithItself)->Unit(benchmark::kMillisecond);

void BM_Compare100kGpusWithItself(benchmark::State& state) {
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
  compare_twice(state, a);
}
BENCHMARK(BM_Compare100kGpusWithItself)->Unit(benchmark::kMillisecond);

}  // namespace
