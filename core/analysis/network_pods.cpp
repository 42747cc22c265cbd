#include "analysis/network_pods.h"

#include <algorithm>
#include <map>

namespace cf {

LeafPods find_leaf_pods(const NetworkGraph& g) {
  LeafPods pods;
  pods.pod_of_switch.assign(g.switches.size(), -1);
  std::map<std::vector<int>, int> pod_of_spines;
  for (std::size_t s = 0; s < g.switches.size(); ++s) {
    if (g.switches[s].tier != 1) continue;
    std::vector<int> spines;
    for (int t : g.switches[s].trunks) {
      int n = g.trunks[t].other(static_cast<int>(s));
      if (g.switches[n].tier == 2) spines.push_back(n);
    }
    std::sort(spines.begin(), spines.end());
    // A leaf without spines is a pod of its own.
    if (spines.empty()) spines.push_back(-1 - static_cast<int>(s));
    auto [it, added] = pod_of_spines.try_emplace(spines, pods.count);
    if (added) ++pods.count;
    pods.pod_of_switch[s] = it->second;
  }
  return pods;
}

}  // namespace cf
