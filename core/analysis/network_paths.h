#pragma once
// Shortest paths between GPU endpoints over a fabric's switch graph: hop counts and the number of
// equal-cost (ECMP) paths. A hop is one link: GPU → leaf → GPU is 2 hops, GPU → leaf → spine →
// leaf → GPU is 4 (switches traversed = hops − 1).

#include "analysis/network_graph.h"

namespace cf {

struct PathCount {
  int hops = -1;     // GPU-to-GPU links on a shortest path; -1 when unreachable
  double paths = 0;  // shortest paths, parallel links counted separately (ECMP hashes over links)
};

// Between an endpoint on leaf_a and one on leaf_b (BFS path counting, Brandes 2001).
PathCount leaf_paths(const NetworkGraph& graph, int leaf_a, int leaf_b);

// The largest shortest-path hop count between any two GPU endpoints; -1 when some cannot reach
// each other, 0 with fewer than two endpoints. Computed over leaves: one BFS per class of leaves
// with the same neighbours (they are at the same distance from everything else).
int diameter_hops(const NetworkGraph& graph);

}  // namespace cf
