#include "analysis/network_paths.h"

#include <algorithm>
#include <deque>
#include <map>

namespace cf {

namespace {

// Switch-to-switch distances (and path counts when `counts` is given) from `from`.
std::vector<int> bfs(const NetworkGraph& g, int from, std::vector<double>* counts) {
  std::vector<int> dist(g.switches.size(), -1);
  if (counts) counts->assign(g.switches.size(), 0.0);
  std::deque<int> queue{from};
  dist[from] = 0;
  if (counts) (*counts)[from] = 1;
  while (!queue.empty()) {
    int s = queue.front();
    queue.pop_front();
    for (int t : g.switches[s].trunks) {
      int n = g.trunks[t].other(s);
      if (dist[n] < 0) {
        dist[n] = dist[s] + 1;
        queue.push_back(n);
      }
      if (counts && dist[n] == dist[s] + 1)
        (*counts)[n] += (*counts)[s] * static_cast<double>(g.trunks[t].links.size());
    }
  }
  return dist;
}

}  // namespace

PathCount leaf_paths(const NetworkGraph& g, int leaf_a, int leaf_b) {
  if (leaf_a < 0 || leaf_b < 0) return {};
  if (leaf_a == leaf_b) return {2, 1};
  std::vector<double> counts;
  std::vector<int> dist = bfs(g, leaf_a, &counts);
  if (dist[leaf_b] < 0) return {};
  return {dist[leaf_b] + 2, counts[leaf_b]};
}

int diameter_hops(const NetworkGraph& g) {
  if (g.endpoints.size() < 2) return 0;
  std::vector<int> leaves;
  for (std::size_t s = 0; s < g.switches.size(); ++s)
    if (!g.switches[s].endpoints.empty()) leaves.push_back(static_cast<int>(s));
  int worst = 0;  // switch-to-switch distance between two leaves
  std::map<std::vector<int>, int> class_size;
  std::vector<int> representatives;
  for (int leaf : leaves) {
    std::vector<int> neighbours;
    for (int t : g.switches[leaf].trunks) neighbours.push_back(g.trunks[t].other(leaf));
    std::sort(neighbours.begin(), neighbours.end());
    if (neighbours.empty()) neighbours.push_back(-1 - leaf);  // an island is its own class
    if (++class_size[neighbours] == 1)
      representatives.push_back(leaf);
    else
      worst = std::max(worst, 2);  // two leaves sharing their neighbours
  }
  for (int rep : representatives) {
    std::vector<int> dist = bfs(g, rep, nullptr);
    for (int leaf : leaves) {
      if (dist[leaf] < 0) return -1;
      worst = std::max(worst, dist[leaf]);
    }
  }
  return worst + 2;
}

}  // namespace cf
