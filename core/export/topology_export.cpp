#include "export/topology_export.h"

#include <map>
#include <unordered_map>

#include "export/export_error.h"
#include "io/format.h"

namespace cf {

std::vector<const Fabric*> compute_fabrics(const Design& design) {
  std::vector<const Fabric*> out;
  for (const Fabric& f : design.fabrics)
    if (f.kind == FabricKind::Compute) out.push_back(&f);
  return out;
}

const Fabric& export_fabric(const Design& design, const std::string& fabric_id, const std::string& format) {
  const std::vector<const Fabric*> fabrics = compute_fabrics(design);
  if (fabrics.empty()) throw ExportError(format, "the design has no compute fabric to draw");
  if (fabric_id.empty()) return *fabrics.front();
  for (const Fabric* f : fabrics)
    if (f->id == fabric_id) return *f;
  throw ExportError(format, "no compute fabric with id \"" + fabric_id + "\"");
}

ExportedTopology export_topology(const Design& design, const Catalog& catalog, const DesignReport& report,
                                 const Fabric& fabric) {
  const FabricReport* fabric_report = nullptr;
  for (const FabricReport& r : report.network.fabrics)
    if (r.id == fabric.id) fabric_report = &r;
  ExportedTopology out;
  out.layout = layout_topology(design, catalog, fabric, fabric_report);
  out.geometry = place_topology(out.layout);

  std::unordered_map<std::string_view, std::string_view> model_of;  // device id -> catalog model
  for (const Rack& rack : design.racks)
    for (const Device& d : rack.devices)
      if (const CatalogItem* item = catalog.item(d.catalog_id)) model_of.emplace(d.id, item->model);
  for (const TopologyNode& node : out.layout.nodes) {
    std::map<std::string_view, int> counts;
    for (const std::string& id : node.device_ids) {
      auto it = model_of.find(id);
      if (it != model_of.end()) ++counts[it->second];
    }
    std::string details;
    for (const auto& [model, count] : counts)
      details += (details.empty() ? "" : "\n") + std::to_string(count) + " \u00d7 " + std::string(model);
    out.model_details.push_back(details);
    out.models.push_back(counts.size() == 1   ? std::string(counts.begin()->first)
                         : counts.empty()     ? std::string()
                                              : std::to_string(counts.size()) + " models");
  }
  return out;
}

std::string topology_node_counts(const TopologyNode& n, int tier) {
  const std::string members = std::to_string(n.device_ids.size());
  const std::string gpus = std::to_string(n.gpus) + " GPUs";
  if (tier == 0) return n.is_group() ? members + " servers \u00b7 " + gpus : gpus;
  if (n.is_group()) return tier == 1 ? members + " switches \u00b7 " + gpus : members + " switches";
  return tier == 1 ? gpus : format_bps(static_cast<double>(n.down_bps)) + " down";
}

std::string topology_tier_title(const TopologyTier& t) {
  std::string title = t.name + "\n" + std::to_string(t.devices) + (t.tier == 0 ? " servers" : " switches");
  if (t.grouping != TopologyGrouping::None) title += " in " + std::to_string(t.nodes.size()) + " groups";
  return title;
}

std::string topology_edge_label(const TopologyEdge& e) {
  if (e.links <= 0) return {};
  return std::to_string(e.links) + " \u00d7 " +
         format_bps(static_cast<double>(e.capacity_bps) / static_cast<double>(e.links));
}

std::string topology_edge_text(const TopologyLayout& l, const TopologyEdge& e) {
  std::string text = l.nodes[e.lower].label + " \u2192 " + l.nodes[e.upper].label + ": " +
                     std::to_string(e.links) + " links, " + format_bps(static_cast<double>(e.capacity_bps));
  if (e.oversubscription)
    text += "; oversubscription at " + l.nodes[e.lower].label + ": " + format_ratio(e.oversubscription);
  if (e.in_cut())
    text += "; in the minimum cut: " + std::to_string(e.cut_links) + " links, " +
            format_bps(static_cast<double>(e.cut_bps));
  return text;
}

std::string wrap_words(const std::string& text, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += (out.empty() ? "" : "\n") + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
  return out;
}

std::string topology_title(const TopologyLayout& l) {
  std::string title = l.fabric_name.empty() ? l.fabric_id : l.fabric_name;
  title += ": " + std::to_string(l.tiers.size()) + " tiers, " + std::to_string(l.links) + " links";
  if (l.bisection_bps) title += ", minimum bisection " + format_bps(*l.bisection_bps) + " per direction";
  if (l.links_not_drawn > 0)
    title += " (" + std::to_string(l.links_not_drawn) +
             " links not drawn: between switches of one tier, or to devices that are not GPU endpoints)";
  return title;
}

}  // namespace cf
