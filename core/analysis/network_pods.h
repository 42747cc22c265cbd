#pragma once
// Pods (units) of a fabric found from its wiring: leaves that share exactly the same set of
// spines form one pod (Al-Fares et al. 2008, the fat-tree pod; an NVIDIA SuperPOD's SU when its
// spines are per SU).

#include <vector>

#include "analysis/network_graph.h"

namespace cf {

struct LeafPods {
  std::vector<int> pod_of_switch;  // per switch: pod index for leaves, -1 for other switches
  int count = 0;                   // pods, numbered in the order of their first leaf
};

LeafPods find_leaf_pods(const NetworkGraph& graph);

}  // namespace cf
