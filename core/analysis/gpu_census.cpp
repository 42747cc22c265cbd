#include "analysis/gpu_census.h"

#include <algorithm>
#include <map>

namespace cf {

std::vector<GpuCount> gpu_census(const Design& design, const Catalog& catalog) {
  std::map<std::string, int> by_id;
  for (const auto& rack : design.racks)
    for (const auto& dev : rack.devices)
      if (const ServerSpec* s = catalog.server(dev.catalog_id); s && s->gpus > 0)
        by_id[s->gpu_id] += s->gpus;
  std::vector<GpuCount> out;
  for (const auto& [id, n] : by_id) {
    GpuCount g{id, {}, {}, n};
    if (const GpuSpec* spec = catalog.gpu(id)) g.vendor = spec->vendor, g.model = spec->model;
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const GpuCount& a, const GpuCount& b) { return a.gpus > b.gpus; });
  return out;
}

}  // namespace cf
