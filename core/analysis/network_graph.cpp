#include "analysis/network_graph.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <numeric>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "design/ports.h"

namespace cf {

namespace {

// What one end of a link is.
struct End {
  enum Kind { Switch, GpuPort, Other } kind = Other;
  int device = -1;         // in DesignPorts::devices()
  int physical_port = -1;  // design-wide, with the lane: which GPU port
  int lane = 0;
  int index = -1;  // switch index, or server index (set when the link is taken)
  int rail = 0;
  double speed_bps = 0;
};

}  // namespace

DownUp switch_down_up(const NetworkGraph& g, int s) {
  DownUp r;
  const NetSwitch& sw = g.switches[s];
  for (int e : sw.endpoints) r.down_bps += g.endpoints[e].capacity_bps;
  for (int t : sw.trunks) {
    int other_tier = g.switches[g.trunks[t].other(s)].tier;
    if (other_tier == sw.tier - 1) r.down_bps += g.trunks[t].capacity_bps;
    if (other_tier == sw.tier + 1) r.up_bps += g.trunks[t].capacity_bps;
  }
  return r;
}

NetworkGraph build_network_graph(const Design& design, const Catalog& catalog,
                                 const Fabric& fabric) {
  return build_network_graph(design, DesignPorts(design, catalog), fabric);
}

NetworkGraph build_network_graph(const Design& design, const DesignPorts& ports,
                                 const Fabric& fabric) {
  NetworkGraph g;
  g.fabric_id = fabric.id;

  // Rows ranked by floor position (y, then x, then file order).
  std::vector<int> row_order(design.rows.size());
  std::iota(row_order.begin(), row_order.end(), 0);
  std::stable_sort(row_order.begin(), row_order.end(), [&](int a, int b) {
    const Row& ra = design.rows[a];
    const Row& rb = design.rows[b];
    return std::tie(ra.y_m, ra.x_m) < std::tie(rb.y_m, rb.x_m);
  });
  std::unordered_map<std::string_view, int> row_rank;
  for (std::size_t i = 0; i < row_order.size(); ++i)
    row_rank[design.rows[row_order[i]].id] = static_cast<int>(i);

  // Classifies a link end; nullopt when its device, catalog entry or port is unknown.
  auto resolve_end = [&](std::size_t link, int side) -> std::optional<End> {
    const LinkEnd& resolved = ports.end(link, side);
    if (!resolved.port) return std::nullopt;
    const ResolvedPort& port = *resolved.port;
    const DeviceEntry& dev = ports.devices().all()[resolved.device];
    End end;
    end.device = resolved.device;
    end.physical_port = resolved.physical_port;
    end.lane = port.lane;
    end.speed_bps = port.speed_bps;
    if (dev.network_switch) {
      end.kind = End::Switch;
    } else if (const ServerSpec* server = dev.server;
               server && server->gpus > 0 && port.group->role == PortRole::Compute) {
      end.kind = End::GpuPort;
      // Rail i = GPU i of its node: the port's index in its compute group (lanes of a split port
      // in turn), counted within the node for systems of several nodes (NVL72 compute trays).
      int lanes = lanes_of(*dev.device, port.group->name, port.index);
      int index = port.lane == 0 ? port.index : (port.index - 1) * lanes + port.lane;
      int per_node = std::max(1, port.group->count * std::max(1, lanes) / server->compute_nodes);
      end.rail = (index - 1) % per_node + 1;
    }
    return end;  // Other: a server without GPUs, storage, a non-compute port
  };
  // Registers the switch or server of an end that is taken into the graph.
  const std::size_t devices = ports.devices().all().size();
  std::vector<int> switch_of(devices, -1), server_of(devices, -1);
  auto add_vertex = [&](End& end) {
    const DeviceEntry& dev = ports.devices().all()[end.device];
    if (end.kind == End::Switch) {
      int& s = switch_of[end.device];
      if (s < 0) {
        s = static_cast<int>(g.switches.size());
        g.switches.push_back({dev.device->id,
                              "/racks/" + std::to_string(dev.rack) + "/devices/" +
                                  std::to_string(dev.index),
                              end.device,
                              0,
                              {},
                              {}});
      }
      end.index = s;
    } else if (end.kind == End::GpuPort) {
      int& s = server_of[end.device];
      if (s < 0) {
        s = static_cast<int>(g.servers.size());
        const Rack& rack = design.racks[dev.rack];
        auto rr = row_rank.find(rack.row_id);
        g.servers.push_back({dev.device->id, dev.rack, rr == row_rank.end() ? 0 : rr->second,
                             rack.position, end.device});
      }
      end.index = s;
    }
  };

  // Parallel links between two switches form one trunk; a GPU port is one endpoint (first link
  // wins). Keys pack two 32-bit numbers: switch indices, or physical port and lane.
  auto pair_key = [](int hi, int lo) {
    return static_cast<std::uint64_t>(static_cast<std::uint32_t>(hi)) << 32 |
           static_cast<std::uint32_t>(lo);
  };
  std::unordered_map<std::uint64_t, int> trunk_of, endpoint_of;
  std::size_t fabric_links = 0;
  for (const Link& link : design.links) fabric_links += link.fabric_id == fabric.id;
  trunk_of.reserve(fabric_links);  // at most one trunk or endpoint per link
  endpoint_of.reserve(fabric_links);
  for (std::size_t li = 0; li < design.links.size(); ++li) {
    const Link& link = design.links[li];
    if (link.fabric_id != fabric.id) continue;
    auto a = resolve_end(li, 0);
    auto b = resolve_end(li, 1);
    if (!a || !b) {
      ++g.skipped_links;
      continue;
    }
    double speed = std::min(a->speed_bps, b->speed_bps);
    if (const MediumSpec* medium = ports.devices().medium(li); medium && medium->speed_bps > 0)
      speed = std::min(speed, medium->speed_bps);
    Bps capacity = static_cast<Bps>(std::llround(speed));
    if (a->kind == End::Switch && b->kind == End::Switch) {
      if (a->device == b->device) continue;  // a loop back into the same switch carries nothing
      add_vertex(*a);
      add_vertex(*b);
      auto key = std::minmax(a->index, b->index);
      auto [tit, added] =
          trunk_of.try_emplace(pair_key(key.first, key.second), static_cast<int>(g.trunks.size()));
      if (added) {
        g.trunks.push_back({key.first, key.second, 0, {}});
        g.switches[key.first].trunks.push_back(tit->second);
        g.switches[key.second].trunks.push_back(tit->second);
      }
      NetTrunk& t = g.trunks[tit->second];
      t.capacity_bps += capacity;
      t.links.push_back({link.id, capacity, static_cast<int>(li)});
      continue;
    }
    const PortRef* a_ref = &link.a;
    if (a->kind == End::Switch) std::swap(a, b), a_ref = &link.b;
    if (a->kind == End::GpuPort && b->kind == End::Switch) {
      add_vertex(*a);
      add_vertex(*b);
      if (!endpoint_of.try_emplace(pair_key(a->physical_port, a->lane),
                                   static_cast<int>(g.endpoints.size())).second)
        continue;  // the port is used twice: validation's port-in-use
      g.endpoints.push_back(
          {g.servers[a->index].id, a_ref->port, link.id, a->index, a->rail, b->index, capacity});
      continue;
    }
    if (b->kind == End::Switch) {
      add_vertex(*b);
      ++g.non_gpu_links;
    }
  }

  // Endpoints by server (file order), then rail: the keys are sorted, then each endpoint is
  // moved once (an endpoint holds three strings).
  {
    std::vector<std::tuple<int, int, int>> key(g.endpoints.size());
    for (std::size_t e = 0; e < g.endpoints.size(); ++e)
      key[e] = {g.servers[g.endpoints[e].server].order, g.endpoints[e].rail, static_cast<int>(e)};
    std::sort(key.begin(), key.end());  // the index last: stable
    std::vector<NetEndpoint> sorted;
    sorted.reserve(g.endpoints.size());
    for (const auto& [order, rail, e] : key) sorted.push_back(std::move(g.endpoints[e]));
    g.endpoints = std::move(sorted);
  }
  for (std::size_t e = 0; e < g.endpoints.size(); ++e)
    g.switches[g.endpoints[e].leaf].endpoints.push_back(static_cast<int>(e));

  // Tiers: BFS layering from the leaves (tier = 1 + hops from the nearest leaf).
  std::deque<int> queue;
  for (std::size_t s = 0; s < g.switches.size(); ++s)
    if (!g.switches[s].endpoints.empty()) {
      g.switches[s].tier = 1;
      queue.push_back(static_cast<int>(s));
    }
  while (!queue.empty()) {
    int s = queue.front();
    queue.pop_front();
    g.tiers = std::max(g.tiers, g.switches[s].tier);
    for (int t : g.switches[s].trunks) {
      int n = g.trunks[t].other(s);
      if (g.switches[n].tier == 0) {
        g.switches[n].tier = g.switches[s].tier + 1;
        queue.push_back(n);
      }
    }
  }
  return g;
}

}  // namespace cf
