#pragma once
// Where the topology view places a TopologyLayout's nodes, in scene units (px at 100 %): tiers in
// rows top to bottom, each tier's nodes spread evenly over the width of the widest tier, wide
// drawings with taller gaps between tiers so that links stay readable when fitted; and how wide
// it draws each edge (its capacity, log scale). The GUI's scene and the DOT and draw.io exports
// all take these from here, so the files look like the screen.

#include <vector>

#include "analysis/topology_layout.h"

namespace cf {

struct TopologyRect {
  double x = 0, y = 0, width = 0, height = 0;  // top-left corner and size
  double center_x() const { return x + width / 2; }
  double bottom() const { return y + height; }
};

struct TopologyGeometry {
  static constexpr double kNodeWidth = 150, kNodeHeight = 46, kNodeGap = 14, kTierGap = 170;
  static constexpr double kMinWidth = 900;
  // Between two tiers with more edges than this the view bundles edges of one look into one item
  // (one tooltip); the exports label only edges the view draws one by one.
  static constexpr int kBundleAbove = 256;

  double width = kMinWidth;    // of the widest tier
  double tier_gap = kTierGap;  // from one tier's top to the next one's
  std::vector<TopologyRect> nodes;  // by index into TopologyLayout::nodes
  // Line width by index into TopologyLayout::edges: 1 for the thinnest edge's capacity, 1.2 more
  // per doubling, at most 12.
  std::vector<double> edge_widths;
  // Edges between each edge's pair of tiers (by edge index): more than kBundleAbove, bundled.
  std::vector<int> edges_between_tiers;
  bool bundled(std::size_t edge) const { return edges_between_tiers[edge] > kBundleAbove; }
};

TopologyGeometry place_topology(const TopologyLayout& layout);

}  // namespace cf
