#include "export/dot_export.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "design/role_palette.h"
#include "export/topology_export.h"
#include "io/format.h"

namespace cf {

namespace {

constexpr const char* kFormat = "Graphviz DOT";
constexpr const char* kEdgeColor = "#666666";
constexpr const char* kCutColor = "#222222";  // the view's cut colour: red means "over a limit"
constexpr std::size_t kModelLineChars = 24;     // about the view's 150 px box at Graphviz's 10 pt

// Writes one fabric's tiers, nodes and edges; node ids start with `prefix`.
void write_fabric(std::ostream& out, const ExportedTopology& t, const std::string& prefix,
                  const std::string& indent) {
  const TopologyLayout& l = t.layout;
  auto node_id = [&](int n) { return dot_quote(prefix + "n" + std::to_string(n)); };
  auto tier_id = [&](std::size_t ti) { return dot_quote(prefix + "tier" + std::to_string(ti)); };
  if (l.tiers.empty()) {
    out << indent << dot_quote(prefix + "empty") << " [shape=plaintext, style=\"\", label="
        << dot_quote("No GPU is linked in fabric " + (l.fabric_name.empty() ? l.fabric_id : l.fabric_name) + ".")
        << "];\n";
    return;
  }
  for (std::size_t ti = 0; ti < l.tiers.size(); ++ti) {
    const TopologyTier& tier = l.tiers[ti];
    const TierColors colors = topology_tier_colors(tier.tier);
    out << indent << "subgraph " << dot_quote(prefix + "rank" + std::to_string(ti)) << " {\n";
    out << indent << "  rank=same;\n";
    out << indent << "  " << tier_id(ti) << " [shape=plaintext, style=\"\", fontsize=12, label="
        << dot_quote(topology_tier_title(tier)) << "];\n";
    for (int n : tier.nodes) {
      const TopologyNode& node = l.nodes[n];
      std::string label = node.label;
      if (!t.models[n].empty()) label += "\n" + wrap_words(t.models[n], kModelLineChars);
      label += "\n" + topology_node_counts(node, tier.tier);
      std::string tooltip = node.label;
      if (!t.model_details[n].empty()) tooltip += "\n" + t.model_details[n];
      if (node.is_group()) tooltip += "\n" + node.device_ids.front() + " \u2026 " + node.device_ids.back();
      out << indent << "  " << node_id(n) << " [label=" << dot_quote(label)
          << ", fillcolor=" << dot_quote(colors.fill.hex()) << ", color=" << dot_quote(colors.stroke.hex())
          << ", fontcolor=" << dot_quote(colors.text.hex()) << ", tooltip=" << dot_quote(tooltip) << "];\n";
    }
    out << indent << "}\n";
  }
  // The tier titles, chained invisibly, hold the tiers in order even where no edge does.
  for (std::size_t ti = 1; ti < l.tiers.size(); ++ti)
    out << indent << tier_id(ti - 1) << " -> " << tier_id(ti) << " [style=invis];\n";
  for (std::size_t i = 0; i < l.edges.size(); ++i) {
    const TopologyEdge& e = l.edges[i];
    // Upper to lower, so that Graphviz ranks the cores at the top as the view does.
    out << indent << node_id(e.upper) << " -> " << node_id(e.lower) << " [";
    if (!t.geometry.bundled(i)) out << "label=" << dot_quote(topology_edge_label(e)) << ", ";
    out << "penwidth=" << format_fixed(t.geometry.edge_widths[i], 2);
    if (e.in_cut()) out << ", style=dashed, color=" << dot_quote(kCutColor);
    out << ", tooltip=" << dot_quote(topology_edge_text(l, e)) << "];\n";
  }
}

// The distance between ranks, in inches: the view's gap between tiers (which grows with the width
// of the drawing, so that wide fabrics do not come out as a flat strip), at 96 px per inch.
double rank_separation(const TopologyGeometry& g) {
  return std::max(1.2, (g.tier_gap - TopologyGeometry::kNodeHeight) / 96.0);
}

void write_defaults(std::ostream& out, double ranksep) {
  out << "  graph [rankdir=TB, newrank=true, nodesep=0.2, ranksep=" << format_fixed(ranksep, 2)
      << ", fontname=\"Helvetica\", labelloc=t, fontsize=14];\n";
  out << "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n";
  out << "  edge [dir=none, color=" << dot_quote(kEdgeColor) << ", fontname=\"Helvetica\", fontsize=9];\n";
}

}  // namespace

std::string dot_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
      out += c;
    }
  }
  return out + '"';
}

std::string fabric_to_dot(const Design& design, const Catalog& catalog, const DesignReport& report,
                          const std::string& fabric_id) {
  const Fabric& fabric = export_fabric(design, fabric_id, kFormat);
  const ExportedTopology t = export_topology(design, catalog, report, fabric);
  std::ostringstream out;
  out << "// Topology of fabric " << dot_quote(fabric.id) << " of " << dot_quote(design.name)
      << ", exported by ClusterForge. Render: dot -Tsvg FILE -o FILE.svg\n";
  out << "digraph " << dot_quote(fabric.id) << " {\n";
  write_defaults(out, rank_separation(t.geometry));
  out << "  label=" << dot_quote(topology_title(t.layout)) << ";\n";
  write_fabric(out, t, "", "  ");
  out << "}\n";
  return out.str();
}

std::string fabrics_to_dot(const Design& design, const Catalog& catalog, const DesignReport& report) {
  const std::vector<const Fabric*> fabrics = compute_fabrics(design);
  if (fabrics.empty()) export_fabric(design, {}, kFormat);  // throws: nothing to draw
  std::ostringstream out;
  out << "// Topology of every compute fabric of " << dot_quote(design.name)
      << ", exported by ClusterForge. Render: dot -Tsvg FILE -o FILE.svg\n";
  out << "digraph " << dot_quote(design.name.empty() ? "fabrics" : design.name) << " {\n";
  std::vector<ExportedTopology> topologies;
  double ranksep = 0;
  for (const Fabric* f : fabrics) {
    topologies.push_back(export_topology(design, catalog, report, *f));
    ranksep = std::max(ranksep, rank_separation(topologies.back().geometry));
  }
  write_defaults(out, ranksep);
  for (std::size_t f = 0; f < topologies.size(); ++f) {
    const ExportedTopology& t = topologies[f];
    const std::string prefix = "f" + std::to_string(f) + "_";
    out << "  subgraph " << dot_quote("cluster_" + prefix) << " {\n";
    out << "    label=" << dot_quote(topology_title(t.layout)) << ";\n";
    write_fabric(out, t, prefix, "    ");
    out << "  }\n";
  }
  out << "}\n";
  return out.str();
}

}  // namespace cf
