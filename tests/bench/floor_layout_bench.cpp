// Speed of the floor plan's layout (what the GUI recomputes after every edit) on a generated
// 100,000-GPU design.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "analysis/design_report.h"
#include "analysis/floor_layout.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"

namespace {

struct Floor {
  cf::Catalog catalog;
  cf::Design design;
  cf::DesignReport report;
};

const Floor& floor_100k() {
  static const Floor f = [] {
    Floor f{cf::load_catalog({std::filesystem::path(CF_SOURCE_DIR) / "resources" / "catalog"}), {}, {}};
    cf::ClusterRequest r;
    r.gpus = 100000;
    r.server_id = "nvidia-dgx-b300";
    r.switch_id = "nvidia-q3400-ra";
    r.cooling = cf::CoolingChoice::Liquid;
    f.design = cf::generate_cluster(r, f.catalog).design;
    f.report = cf::analyze_design(f.design, f.catalog);
    return f;
  }();
  return f;
}

void BM_FloorLayout100kGpus(benchmark::State& state) {
  const Floor& f = floor_100k();
  for (auto _ : state) benchmark::DoNotOptimize(cf::floor_layout(f.design, f.catalog, f.report.power, f.report.cooling));
  state.counters["racks"] = static_cast<double>(f.design.racks.size());
}
BENCHMARK(BM_FloorLayout100kGpus)->Unit(benchmark::kMillisecond);

}  // namespace
