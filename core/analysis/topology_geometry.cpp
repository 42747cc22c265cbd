#include "analysis/topology_geometry.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cf {

TopologyGeometry place_topology(const TopologyLayout& layout) {
  TopologyGeometry g;
  g.nodes.resize(layout.nodes.size());
  std::size_t widest = 1;
  for (const TopologyTier& t : layout.tiers) widest = std::max(widest, t.nodes.size());
  const double nodes_width = static_cast<double>(widest) * (TopologyGeometry::kNodeWidth + TopologyGeometry::kNodeGap);
  g.width = std::max(TopologyGeometry::kMinWidth, nodes_width);
  const auto gaps = static_cast<double>(std::max<std::size_t>(1, layout.tiers.size() - 1));
  g.tier_gap = std::max(TopologyGeometry::kTierGap, 0.4 * g.width / gaps);
  for (std::size_t ti = 0; ti < layout.tiers.size(); ++ti) {
    const TopologyTier& t = layout.tiers[ti];
    const double y = static_cast<double>(ti) * g.tier_gap;
    const double pitch = g.width / static_cast<double>(std::max<std::size_t>(1, t.nodes.size()));
    for (std::size_t j = 0; j < t.nodes.size(); ++j) {
      const double cx = (static_cast<double>(j) + 0.5) * pitch;
      g.nodes[t.nodes[j]] = {cx - TopologyGeometry::kNodeWidth / 2, y, TopologyGeometry::kNodeWidth,
                             TopologyGeometry::kNodeHeight};
    }
  }

  Bps min_cap = 0;
  for (const TopologyEdge& e : layout.edges)
    if (e.capacity_bps > 0 && (min_cap == 0 || e.capacity_bps < min_cap)) min_cap = e.capacity_bps;
  std::map<int, int> per_tier_pair;  // by the lower node's tier
  for (const TopologyEdge& e : layout.edges) ++per_tier_pair[layout.nodes[e.lower].tier];
  for (const TopologyEdge& e : layout.edges) {
    double w = 1.0;
    if (e.capacity_bps > 0 && min_cap > 0)
      w = std::clamp(1.0 + 1.2 * std::log2(static_cast<double>(e.capacity_bps) / static_cast<double>(min_cap)),
                     1.0, 12.0);
    g.edge_widths.push_back(w);
    g.edges_between_tiers.push_back(per_tier_pair[layout.nodes[e.lower].tier]);
  }
  return g;
}

}  // namespace cf
