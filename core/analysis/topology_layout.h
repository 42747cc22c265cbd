#pragma once
// What the topology view draws for one compute fabric: its tiers top to bottom (cores, spines,
// leaves, servers) as the network analysis classifies them from the wiring, the nodes of each
// tier ordered so that links cross little (servers by unit, leaves by pod, unit and rail, upper
// tiers by the barycentre of what they link to; Sugiyama et al. 1981), a tier of more nodes than
// `max_nodes_per_tier` collapsed into groups (per unit, pod, rail, or the switches above), and the
// links merged per pair of nodes with their capacity, the oversubscription at their lower end and
// their share of the minimum bisection cut the analysis found. Positions are the view's business.

#include <optional>
#include <string>
#include <vector>

#include "analysis/network_graph.h"
#include "analysis/network_report.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

// How the nodes of a collapsed tier were grouped.
enum class TopologyGrouping {
  None,      // one node per device
  Unit,      // servers on the same set of leaves (a scalable unit)
  Pod,       // leaves on the same set of spines, and what hangs under / over one pod
  Rail,      // leaves serving one rail
  Neighbors, // switches linked to the same set of switches one tier above (the top: below)
  Range,     // consecutive groups of one of the above, merged to stay within the bound
};

struct TopologyTier {
  int tier = 0;      // 0 servers, 1 leaves, 2 spines, 3 cores, 4+ beyond
  std::string name;  // "Leaves"
  int devices = 0;   // servers or switches in the tier
  TopologyGrouping grouping = TopologyGrouping::None;
  std::vector<int> nodes;  // left to right, indices into TopologyLayout::nodes
};

struct TopologyNode {
  std::string label;  // the device id, or the group: "Leaves of rail 3"
  int tier = 0;       // index into TopologyLayout::tiers
  std::vector<std::string> device_ids;  // the servers or switches it stands for
  int gpus = 0;       // GPU endpoints linked at it: a server's, or a leaf's; 0 above the leaves
  Bps down_bps = 0;   // capacity to the tier below (a leaf: its GPU links), summed over members
  Bps up_bps = 0;     // capacity to the tier above (a server: its GPU links)
  // The worst member switch's down:up; empty for servers and switches without uplinks.
  std::optional<double> oversubscription;
  bool is_group() const { return device_ids.size() > 1; }
};

struct TopologyEdge {
  int lower = 0, upper = 0;  // nodes; lower is nearer the servers
  int links = 0;             // physical links merged into the edge
  Bps capacity_bps = 0;      // their sum, per direction
  // The worst down:up of the switches the links leave at the lower end; empty from servers.
  std::optional<double> oversubscription;
  int cut_links = 0;  // of those links, in the minimum bisection cut ...
  Bps cut_bps = 0;    // ... and their capacity
  bool in_cut() const { return cut_links > 0; }
};

struct TopologyLayout {
  std::string fabric_id, fabric_name;
  std::vector<TopologyTier> tiers;  // top (highest switch tier) to bottom (servers)
  std::vector<TopologyNode> nodes;
  std::vector<TopologyEdge> edges;  // by lower node, then upper node
  int links = 0;  // links drawn, summed over the edges
  // Links not drawn: between switches of one tier, to switches no GPU reaches, to devices that
  // are not GPU endpoints (fabric managers, storage).
  int links_not_drawn = 0;
  // The minimum bisection as the analysis found it (empty without a report for the fabric), and
  // the links of its cut found on the drawn edges.
  std::optional<double> bisection_bps;
  std::string cut_candidate, cut_split;
  int cut_links = 0;
  Bps cut_bps = 0;
};

struct TopologyOptions {
  int max_nodes_per_tier = 64;  // a larger tier is collapsed into at most this many groups
};

// `report`: the analysis of `fabric` (its cut, its bisection), or nullptr when there is none.
TopologyLayout layout_topology(const Design& design, const Catalog& catalog, const Fabric& fabric,
                               const FabricReport* report, const TopologyOptions& options = {});

}  // namespace cf
