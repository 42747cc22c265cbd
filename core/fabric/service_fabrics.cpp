#include "fabric/service_fabrics.h"

#include <algorithm>
#include <cmath>

#include "fabric/clos_plan.h"
#include "fabric/clos_wiring.h"
#include "fabric/naming.h"
#include "fabric/port_roles.h"

namespace cf {

namespace {

// The Ethernet switch with the most bandwidth that carries `bps` endpoints and has a power figure.
const SwitchSpec* data_switch(const Catalog& c, double bps) {
  const SwitchSpec* best = nullptr;
  auto bandwidth = [](const SwitchSpec& s) {
    const PortGroup* g = group_with_role(s, PortRole::Fabric);
    return g ? g->count * g->speed_bps : 0.0;
  };
  for (const auto& [id, s] : c.switches()) {
    const PortGroup* g = group_with_role(s, PortRole::Fabric);
    if (s.protocol != "ethernet" || s.chassis || !g || !s.max_power_w || endpoints_per_port(*g, bps) == 0)
      continue;
    if (!best || bandwidth(s) > bandwidth(*best)) best = &s;
  }
  return best;
}

// Device id -> catalog id (not pointers: mounting more devices moves them).
using DeviceIndex = std::unordered_map<std::string, std::string>;

std::vector<std::pair<std::string, std::string>> oob_ports(const Catalog& c, const DeviceIndex& by_id,
                                                           const std::vector<std::string>& ids) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& id : ids) {
    const Mountable* m = c.mountable(by_id.at(id));
    if (!m) continue;
    for (const auto& g : m->ports)
      if (g.role == PortRole::Oob)
        for (int i = 1; i <= g.count; ++i) out.emplace_back(id, g.name + std::to_string(i));
  }
  return out;
}

}  // namespace

void add_data_fabric(ServiceFabricInputs& in, PortRole role, FabricKind kind, const std::string& id,
                     const std::string& name) {
  const PortGroup* ports = group_with_role(in.server, role);
  if (!ports || in.servers.empty()) return;
  const SwitchSpec* sw = data_switch(in.catalog, ports->speed_bps);
  if (!sw) {
    in.notes.push_back(name + " fabric not generated: no Ethernet switch in the catalog carries " +
                       std::to_string(static_cast<int>(ports->speed_bps / 1e9)) + " Gb/s ports");
    return;
  }
  const PortGroup& fabric_ports = *group_with_role(*sw, PortRole::Fabric);
  const int lanes = endpoints_per_port(fabric_ports, ports->speed_bps);
  ClosInputs ci;
  ci.servers = static_cast<int>(in.servers.size()) * ports->count;  // one endpoint per port
  ci.rails = 1;
  ci.radix = fabric_ports.count;
  ci.lanes = lanes;
  ClosPlan plan = plan_clos(ci);

  ClosSwitches switches = name_spines_and_cores(plan, id + "-", "");
  for (int u = 0; u < plan.units; ++u) {
    std::string leaf = id + "-leaf-" + padded(u + 1, 3);
    Device& dev = in.site.mount_in_network_rows(leaf, sw->id);
    if (lanes > 1) dev.breakouts.push_back({fabric_ports.name, 1, plan.leaf_down, lanes});
    switches.leaves.push_back({leaf});
    in.network_devices.push_back(leaf);
  }
  for (const auto& s : switches.spines) in.site.mount_in_network_rows(s, sw->id), in.network_devices.push_back(s);
  for (const auto& s : switches.cores) in.site.mount_in_network_rows(s, sw->id), in.network_devices.push_back(s);
  int endpoint = 0;
  for (const auto& server : in.servers)
    for (int i = 1; i <= ports->count; ++i, ++endpoint)
      in.site.connect(server, ports->name + std::to_string(i),
                      switches.leaves[endpoint / plan.endpoints_per_leaf][0],
                      downlink_port(fabric_ports.name, endpoint % plan.endpoints_per_leaf, lanes),
                      ports->speed_bps, id);
  wire_clos_switches(plan, 1, switches, fabric_ports.name, fabric_ports.speed_bps, id, in.site);
  Fabric f{id, name + " (" + sw->model + ")", kind, FabricIntent{plan.tiers, 1, false, 1.0, std::nullopt}, {}};
  if (plan.tiers == 3) f.intent->spine_oversubscription = 1.0;
  in.design.fabrics.push_back(std::move(f));
}

void add_oob_fabric(ServiceFabricInputs& in) {
  const Catalog& c = in.catalog;
  // Access switch: a switch with an out-of-band port group and uplinks; spine: an Ethernet switch
  // whose ports run at the access switch's uplink speed.
  const SwitchSpec* access = nullptr;
  for (const auto& [id, s] : c.switches()) {
    const PortGroup* oob = group_with_role(s, PortRole::Oob);
    if (oob && oob->count >= 24 && group_with_role(s, PortRole::Fabric)) access = &s;
  }
  if (!access) {
    in.notes.push_back("out-of-band fabric not generated: no access switch in the catalog");
    return;
  }
  const PortGroup& access_oob = *group_with_role(*access, PortRole::Oob);
  const PortGroup& access_up = *group_with_role(*access, PortRole::Fabric);
  const SwitchSpec* spine = nullptr;
  for (const auto& [id, s] : c.switches()) {
    const PortGroup* g = group_with_role(s, PortRole::Fabric);
    if (&s != access && s.protocol == "ethernet" && !s.chassis && g && g->speed_bps == access_up.speed_bps &&
        (!spine || g->count > group_with_role(*spine, PortRole::Fabric)->count))
      spine = &s;
  }
  if (!spine) {
    in.notes.push_back("out-of-band fabric not generated: no switch takes the access uplinks");
    return;
  }
  const PortGroup& spine_ports = *group_with_role(*spine, PortRole::Fabric);

  DeviceIndex by_id;
  for (const auto& r : in.design.racks)
    for (const auto& dev : r.devices) by_id[dev.id] = dev.catalog_id;
  std::vector<std::string> leaves;
  int counter = 0;
  // Access switches per domain: a unit's devices go to switches in the unit's network rack.
  auto serve = [&](const std::vector<std::string>& devices, const std::size_t* rack) {
    auto ports = oob_ports(c, by_id, devices);
    for (std::size_t first = 0; first < ports.size(); first += access_oob.count) {
      std::string id = "oob-leaf-" + padded(++counter, 3);
      if (rack && in.site.fits(*rack, access->id))
        in.site.mount(*rack, id, access->id);
      else
        in.site.mount_in_network_rows(id, access->id);
      leaves.push_back(id);
      for (std::size_t k = first; k < std::min(ports.size(), first + access_oob.count); ++k)
        in.site.connect(ports[k].first, ports[k].second, id,
                        access_oob.name + std::to_string(k - first + 1), access_oob.speed_bps, "oob");
    }
  };
  for (const auto& unit : in.units) serve(unit.devices, &unit.net_rack);
  serve(in.network_devices, nullptr);
  if (leaves.empty()) return;

  // Spines: enough ports for every uplink, each access switch spread over them.
  const int up = access_up.count;
  const long long uplinks = static_cast<long long>(leaves.size()) * up;
  const int min_spines = static_cast<int>((uplinks + spine_ports.count - 1) / spine_ports.count);
  const int spines = smallest_divisor_at_least(up, min_spines).value_or(min_spines);
  std::vector<int> next_port(spines, 0);
  std::vector<std::string> spine_ids;
  for (int s = 0; s < spines; ++s) {
    spine_ids.push_back("oob-spine-" + padded(s + 1, 2));
    in.site.mount_in_network_rows(spine_ids.back(), spine->id);
  }
  for (std::size_t l = 0; l < leaves.size(); ++l)
    for (int j = 0; j < up; ++j) {
      int s = static_cast<int>((l * up + j) % spines);
      in.site.connect(leaves[l], access_up.name + std::to_string(j + 1), spine_ids[s],
                      spine_ports.name + std::to_string(++next_port[s]), access_up.speed_bps, "oob");
    }
  in.design.fabrics.push_back({"oob", "Out-of-band management (" + access->model + ")",
                               FabricKind::Oob, FabricIntent{2, 1, false, std::nullopt, std::nullopt}, {}});
}

}  // namespace cf
