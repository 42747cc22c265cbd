#pragma once
// What the DOT and draw.io exports share: the compute fabric to draw, laid out and placed exactly
// as the topology view does (analysis/topology_layout.h, analysis/topology_geometry.h), and the
// texts of its nodes and edges.

#include <string>
#include <vector>

#include "analysis/design_report.h"
#include "analysis/topology_geometry.h"
#include "analysis/topology_layout.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

struct ExportedTopology {
  TopologyLayout layout;
  TopologyGeometry geometry;
  // By node: the catalog model of its devices ("DGX H100"); for a group of several models, how
  // many ("2 models"); empty when no device is in the catalog.
  std::vector<std::string> models;
  // By node: every model with its count ("4 × DGX H100"), one per line, for tooltips.
  std::vector<std::string> model_details;
};

// The compute fabrics of the design, in file order.
std::vector<const Fabric*> compute_fabrics(const Design& design);

// The compute fabric `fabric_id`, or the first one when it is empty. Throws ExportError(`format`,
// ...) when the design has none or `fabric_id` names none.
const Fabric& export_fabric(const Design& design, const std::string& fabric_id, const std::string& format);

ExportedTopology export_topology(const Design& design, const Catalog& catalog, const DesignReport& report,
                                 const Fabric& fabric);

// The view's second line of a node: "8 GPUs", "4 servers · 32 GPUs", "16 switches", "25.6 Tb/s down".
std::string topology_node_counts(const TopologyNode& node, int tier);
// A tier's title: "Leaves\n16 switches in 8 groups".
std::string topology_tier_title(const TopologyTier& tier);
// An edge's label: its link count × the per-link rate ("8 × 400 Gb/s"; the mean rate when the
// links merged into it differ).
std::string topology_edge_label(const TopologyEdge& edge);
// The view's tooltip of an edge: ends, links, capacity, oversubscription, share of the cut.
std::string topology_edge_text(const TopologyLayout& layout, const TopologyEdge& edge);
// `text` broken at spaces into lines of at most `width` characters (longer words stay whole), so
// that a long catalog model keeps a node about as wide as the view's box.
std::string wrap_words(const std::string& text, std::size_t width);

// The drawing's title: fabric, tiers, links, minimum bisection.
std::string topology_title(const TopologyLayout& layout);

}  // namespace cf
