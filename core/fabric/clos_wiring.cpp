#include "fabric/clos_wiring.h"

#include "fabric/naming.h"

namespace cf {

ClosSwitches name_spines_and_cores(const ClosPlan& plan, const std::string& prefix,
                                   const std::string& suffix) {
  ClosSwitches s;
  for (int i = 0; i < plan.spines; ++i)
    s.spines.push_back(prefix +
                       (plan.tiers == 3 ? "pod" + padded(i / plan.spines_per_pod + 1, 2) + "-" : "") +
                       "spine-" + padded(i % plan.spines_per_pod + 1, 3) + suffix);
  for (int i = 0; i < plan.cores; ++i) s.cores.push_back(prefix + "core-" + padded(i + 1, 4) + suffix);
  return s;
}

std::string downlink_port(const std::string& group, int slot, int lanes) {
  if (lanes == 1) return group + std::to_string(slot + 1);
  return group + std::to_string(slot / lanes + 1) + "/" + std::to_string(slot % lanes + 1);
}

void wire_clos_switches(const ClosPlan& plan, int rails, const ClosSwitches& sw,
                        const std::string& group, double bps, const std::string& fabric,
                        SiteBuilder& site) {
  auto port = [&](int index) { return group + std::to_string(index); };
  for (int u = 0; u < plan.units; ++u) {
    int pod = u / plan.units_per_pod;
    for (int r = 0; r < rails; ++r) {
      int leaf_in_pod = (u % plan.units_per_pod) * rails + r;
      for (int j = 0; j < plan.leaf_up; ++j) {
        int spine_port = plan.tiers == 2
                             ? (u * rails + r) * plan.leaf_spine_links + j / plan.spines_per_pod
                             : leaf_in_pod;
        site.connect(sw.leaves[u][r], port(plan.leaf_down + j + 1),
                     sw.spines[pod * plan.spines_per_pod + j % plan.spines_per_pod],
                     port(spine_port + 1), bps, fabric);
      }
    }
  }
  for (int s = 0; s < (plan.tiers == 3 ? plan.spines : 0); ++s) {
    int pod = s / plan.spines_per_pod, group_index = s % plan.spines_per_pod;
    for (int i = 0; i < plan.spine_up; ++i) {
      int core = group_index * plan.cores_per_group + i % plan.cores_per_group;
      int core_port = pod * plan.spine_core_links + i / plan.cores_per_group;
      site.connect(sw.spines[s], port(plan.spine_down + i + 1), sw.cores[core],
                   port(core_port + 1), bps, fabric);
    }
  }
}

}  // namespace cf
