#pragma once
// The network graph of one fabric, built from the design's links (never from generator
// parameters): switches, GPU endpoints (compute ports of GPU servers) and switch-to-switch trunks
// (parallel links between two switches merged into one). Capacities are per direction, bit/s.

#include <cstdint>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/design_ports.h"

namespace cf {

using Bps = std::int64_t;  // bit/s as an integer: sums of link rates stay exact

// One compute port of a GPU server that has a link in the fabric (rail i = GPU i).
struct NetEndpoint {
  std::string server_id, port, link_id;
  int server = 0;        // index into NetworkGraph::servers
  int rail = 0;          // 1-based port index within the compute group (lanes counted)
  int leaf = -1;         // switch it is linked to; -1 when linked to no switch
  Bps capacity_bps = 0;  // min(port speeds, medium speed)
};

struct NetServer {
  std::string id;
  int rack = -1;     // index into Design::racks
  int row_rank = 0;  // rows ordered by (y_m, x_m, file order)
  int position = 0;  // rack position in its row
  int order = 0;     // file order of the device
};

enum class SwitchTier { Unreached = 0, Leaf = 1, Spine = 2, Core = 3 };

struct NetSwitch {
  std::string id, json_path;
  int order = 0;               // file order of the device
  int tier = 0;                // 1 leaf, 2 spine, 3+ core; 0 not reached from any leaf
  std::vector<int> endpoints;  // endpoints linked to it
  std::vector<int> trunks;     // trunks at it
};

struct NetLink {
  std::string id;
  Bps capacity_bps = 0;
  int index = 0;  // in Design::links
};

// Parallel links between two switches, merged.
struct NetTrunk {
  int a = 0, b = 0;            // switch indices, a < b
  Bps capacity_bps = 0;        // sum over its links
  std::vector<NetLink> links;  // in file order
  int other(int s) const { return s == a ? b : a; }
};

struct NetworkGraph {
  std::string fabric_id;
  std::vector<NetServer> servers;
  std::vector<NetSwitch> switches;
  std::vector<NetEndpoint> endpoints;  // ordered by server (file order), then rail
  std::vector<NetTrunk> trunks;
  int non_gpu_links = 0;  // links from a switch to a device that is not a GPU endpoint
  int skipped_links = 0;  // unknown device/port/catalog entry (validation reports them)
  int tiers = 0;          // highest switch tier reached
};

// A switch's capacity down to the tier below (a leaf: its GPU endpoint links) and up to the tier
// above; its oversubscription is down / up (Al-Fares et al., SIGCOMM 2008).
struct DownUp {
  Bps down_bps = 0, up_bps = 0;
};
DownUp switch_down_up(const NetworkGraph& graph, int switch_index);

// Builds the graph of `fabric` from the links whose fabric_id is the fabric's id, and classifies
// switch tiers by BFS layering from the leaves (switches linked to GPU endpoints).
NetworkGraph build_network_graph(const Design& design, const Catalog& catalog,
                                 const Fabric& fabric);
// The same, with the design's ports already resolved.
NetworkGraph build_network_graph(const Design& design, const DesignPorts& ports,
                                 const Fabric& fabric);

}  // namespace cf
