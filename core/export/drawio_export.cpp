#include "export/drawio_export.h"

#include <algorithm>
#include <sstream>
#include <vector>

#include "design/role_palette.h"
#include "export/topology_export.h"
#include "io/format.h"

namespace cf {

namespace {

constexpr const char* kFormat = "draw.io";
constexpr double kTitleWidth = 190;  // tier titles left of the nodes, as in the view
constexpr double kCutWidth = 3.5;    // the view's pen for the cut
constexpr const char* kEdgeColor = "#666666";
constexpr const char* kCutColor = "#222222";

std::string px(double v) { return format_fixed(v, 1); }

std::string geometry(double x, double y, double w, double h) {
  return "<mxGeometry x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(w) + "\" height=\"" + px(h) +
         "\" as=\"geometry\"/>";
}

// One fabric's page; cell ids are unique within the page.
void write_page(std::ostream& out, const ExportedTopology& t, const std::string& page_id) {
  const TopologyLayout& l = t.layout;
  const TopologyGeometry& g = t.geometry;
  const std::string name = l.fabric_name.empty() ? l.fabric_id : l.fabric_name;
  out << "  <diagram id=\"" << xml_attribute(page_id) << "\" name=\"" << xml_attribute(name) << "\">\n";
  out << "    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" "
         "arrows=\"0\" fold=\"1\" page=\"0\" pageScale=\"1\" math=\"0\" shadow=\"0\">\n";
  out << "      <root>\n";
  out << "        <mxCell id=\"0\"/>\n";
  out << "        <mxCell id=\"1\" parent=\"0\"/>\n";
  out << "        <mxCell id=\"title\" value=\"" << xml_attribute(topology_title(l))
      << "\" style=\"text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=14;fontStyle=1;\" "
         "vertex=\"1\" parent=\"1\">"
      << geometry(-kTitleWidth, -80, kTitleWidth + g.width, 50) << "</mxCell>\n";
  if (l.tiers.empty()) {
    out << "        <mxCell id=\"empty\" value=\"" << xml_attribute("No GPU is linked in fabric " + name + ".")
        << "\" style=\"text;html=0;align=left;\" vertex=\"1\" parent=\"1\">" << geometry(0, 0, 400, 30)
        << "</mxCell>\n";
  }
  for (std::size_t ti = 0; ti < l.tiers.size(); ++ti) {
    const TopologyTier& tier = l.tiers[ti];
    out << "        <mxCell id=\"tier-" << ti << "\" value=\"" << xml_attribute(topology_tier_title(tier))
        << "\" style=\"text;html=0;align=left;verticalAlign=top;fontSize=13;\" vertex=\"1\" parent=\"1\">"
        << geometry(-kTitleWidth, static_cast<double>(ti) * g.tier_gap, kTitleWidth - 20, 46) << "</mxCell>\n";
  }
  for (std::size_t n = 0; n < l.nodes.size(); ++n) {
    const TopologyNode& node = l.nodes[n];
    const int tier = l.tiers[node.tier].tier;
    const TierColors colors = topology_tier_colors(tier);
    std::string tooltip = node.label;
    if (!t.model_details[n].empty()) tooltip += "\n" + t.model_details[n];
    if (node.is_group()) tooltip += "\n" + node.device_ids.front() + " \u2026 " + node.device_ids.back();
    const TopologyRect& r = g.nodes[n];
    out << "        <UserObject id=\"node-" << n << "\" label=\""
        << xml_attribute(node.label + "\n" + topology_node_counts(node, tier)) << "\" tooltip=\""
        << xml_attribute(tooltip) << "\">"
        << "<mxCell style=\"rounded=1;arcSize=13;whiteSpace=wrap;html=0;fontSize=12;fillColor="
        << colors.fill.hex() << ";strokeColor=" << colors.stroke.hex() << ";fontColor=" << colors.text.hex()
        << ";\" vertex=\"1\" parent=\"1\">" << geometry(r.x, r.y, r.width, r.height)
        << "</mxCell></UserObject>\n";
  }
  for (std::size_t i = 0; i < l.edges.size(); ++i) {
    const TopologyEdge& e = l.edges[i];
    const double width = e.in_cut() ? std::max(kCutWidth, g.edge_widths[i]) : g.edge_widths[i];
    out << "        <UserObject id=\"edge-" << i << "\" label=\""
        << (g.bundled(i) ? std::string() : xml_attribute(topology_edge_label(e))) << "\" tooltip=\""
        << xml_attribute(topology_edge_text(l, e)) << "\">"
        << "<mxCell style=\"endArrow=none;html=0;rounded=0;fontSize=10;labelBackgroundColor=#ffffff;"
           "exitX=0.5;exitY=0;exitDx=0;exitDy=0;entryX=0.5;entryY=1;entryDx=0;entryDy=0;strokeColor="
        << (e.in_cut() ? kCutColor : kEdgeColor) << ";strokeWidth=" << format_fixed(width, 1)
        << (e.in_cut() ? ";dashed=1" : "") << ";\" edge=\"1\" parent=\"1\" source=\"node-" << e.lower
        << "\" target=\"node-" << e.upper << "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>"
        << "</UserObject>\n";
  }
  out << "      </root>\n";
  out << "    </mxGraphModel>\n";
  out << "  </diagram>\n";
}

std::string document(const std::vector<ExportedTopology>& pages) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<mxfile host=\"ClusterForge\" type=\"device\">\n";
  for (std::size_t p = 0; p < pages.size(); ++p) write_page(out, pages[p], "topology-" + pages[p].layout.fabric_id);
  out << "</mxfile>\n";
  return out.str();
}

}  // namespace

std::string xml_attribute(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#xa;";
        break;
      case '\t':
        out += "&#x9;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;  // XML 1.0 forbids C0 controls
    }
  }
  return out;
}

std::string fabric_to_drawio(const Design& design, const Catalog& catalog, const DesignReport& report,
                             const std::string& fabric_id) {
  const Fabric& fabric = export_fabric(design, fabric_id, kFormat);
  return document({export_topology(design, catalog, report, fabric)});
}

std::string fabrics_to_drawio(const Design& design, const Catalog& catalog, const DesignReport& report) {
  std::vector<ExportedTopology> pages;
  for (const Fabric* f : compute_fabrics(design)) pages.push_back(export_topology(design, catalog, report, *f));
  if (pages.empty()) export_fabric(design, {}, kFormat);  // throws: nothing to draw
  return document(pages);
}

}  // namespace cf
