#include "analysis/network_graph.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "design/ports.h"

namespace cf {

namespace {

struct DeviceRef {
  int rack = -1, device = -1;
};

// What one end of a link is.
struct End {
  enum Kind { Switch, GpuPort, Other } kind = Other;
  DeviceRef ref;
  int index = -1;  // switch index, or server index (set when the link is taken)
  int rail = 0;
  std::string port;
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

  std::unordered_map<std::string_view, DeviceRef> devices;
  std::vector<int> devices_before(design.racks.size() + 1, 0);
  for (std::size_t r = 0; r < design.racks.size(); ++r)
    for (std::size_t i = 0; i < design.racks[r].devices.size(); ++i)
      devices.emplace(design.racks[r].devices[i].id,
                      DeviceRef{static_cast<int>(r), static_cast<int>(i)});
  for (std::size_t r = 0; r < design.racks.size(); ++r)
    devices_before[r + 1] = devices_before[r] + static_cast<int>(design.racks[r].devices.size());

  // Classifies a link end; nullopt when its device, catalog entry or port is unknown.
  auto resolve_end = [&](const PortRef& ref) -> std::optional<End> {
    auto it = devices.find(ref.device_id);
    if (it == devices.end()) return std::nullopt;
    const Device& dev = design.racks[it->second.rack].devices[it->second.device];
    const Mountable* spec = catalog.mountable(dev.catalog_id);
    if (!spec) return std::nullopt;
    auto port = resolve_port(*spec, dev, ref.port);
    if (!port) return std::nullopt;
    End end;
    end.ref = it->second;
    end.speed_bps = port->speed_bps;
    end.port = ref.port;
    if (catalog.network_switch(dev.catalog_id)) {
      end.kind = End::Switch;
    } else if (const ServerSpec* server = catalog.server(dev.catalog_id);
               server && server->gpus > 0 && port->group->role == PortRole::Compute) {
      end.kind = End::GpuPort;
      // Rail i = GPU i of its node: the port's index in its compute group (lanes of a split port
      // in turn), counted within the node for systems of several nodes (NVL72 compute trays).
      int lanes = lanes_of(dev, port->group->name, port->index);
      int index = port->lane == 0 ? port->index : (port->index - 1) * lanes + port->lane;
      int per_node = std::max(1, port->group->count * std::max(1, lanes) / server->compute_nodes);
      end.rail = (index - 1) % per_node + 1;
    }
    return end;  // Other: a server without GPUs, storage, a non-compute port
  };
  // Registers the switch or server of an end that is taken into the graph.
  std::unordered_map<std::string_view, int> switch_index, server_index;
  auto add_vertex = [&](End& end) {
    const Rack& rack = design.racks[end.ref.rack];
    const Device& dev = rack.devices[end.ref.device];
    if (end.kind == End::Switch) {
      auto [sit, added] = switch_index.try_emplace(dev.id, static_cast<int>(g.switches.size()));
      if (added)
        g.switches.push_back({dev.id,
                              "/racks/" + std::to_string(end.ref.rack) + "/devices/" +
                                  std::to_string(end.ref.device),
                              devices_before[end.ref.rack] + end.ref.device,
                              0,
                              {},
                              {}});
      end.index = sit->second;
    } else if (end.kind == End::GpuPort) {
      auto [sit, added] = server_index.try_emplace(dev.id, static_cast<int>(g.servers.size()));
      if (added) {
        auto rr = row_rank.find(rack.row_id);
        g.servers.push_back({dev.id, end.ref.rack, rr == row_rank.end() ? 0 : rr->second,
                             rack.position, devices_before[end.ref.rack] + end.ref.device});
      }
      end.index = sit->second;
    }
  };

  std::map<std::pair<int, int>, int> trunk_of;
  std::unordered_map<std::string, int> endpoint_of;  // "server\0port" -> endpoint (first link wins)
  for (std::size_t li = 0; li < design.links.size(); ++li) {
    const Link& link = design.links[li];
    if (link.fabric_id != fabric.id) continue;
    auto a = resolve_end(link.a);
    auto b = resolve_end(link.b);
    if (!a || !b) {
      ++g.skipped_links;
      continue;
    }
    double speed = std::min(a->speed_bps, b->speed_bps);
    if (const MediumSpec* medium = catalog.medium(link.medium_id); medium && medium->speed_bps > 0)
      speed = std::min(speed, medium->speed_bps);
    Bps capacity = static_cast<Bps>(std::llround(speed));
    if (a->kind == End::Switch && b->kind == End::Switch) {
      if (a->ref.rack == b->ref.rack && a->ref.device == b->ref.device)
        continue;  // a loop back into the same switch carries nothing
      add_vertex(*a);
      add_vertex(*b);
      auto key = std::minmax(a->index, b->index);
      auto [tit, added] =
          trunk_of.try_emplace({key.first, key.second}, static_cast<int>(g.trunks.size()));
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
    if (a->kind == End::Switch) std::swap(a, b);
    if (a->kind == End::GpuPort && b->kind == End::Switch) {
      add_vertex(*a);
      add_vertex(*b);
      std::string key = g.servers[a->index].id + '\0' + a->port;
      if (!endpoint_of.try_emplace(key, static_cast<int>(g.endpoints.size())).second)
        continue;  // the port is used twice: validation's port-in-use
      g.endpoints.push_back(
          {g.servers[a->index].id, a->port, link.id, a->index, a->rail, b->index, capacity});
      continue;
    }
    if (b->kind == End::Switch) {
      add_vertex(*b);
      ++g.non_gpu_links;
    }
  }

  // Endpoints by server (file order), then rail.
  std::stable_sort(g.endpoints.begin(), g.endpoints.end(),
                   [&](const NetEndpoint& x, const NetEndpoint& y) {
                     return std::pair(g.servers[x.server].order, x.rail) <
                            std::pair(g.servers[y.server].order, y.rail);
                   });
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
