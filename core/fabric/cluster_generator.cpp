#include "fabric/cluster_generator.h"

#include <cmath>

#include "fabric/clos_wiring.h"
#include "io/format.h"
#include "fabric/naming.h"
#include "fabric/port_roles.h"
#include "fabric/service_fabrics.h"

namespace cf {

namespace {


// The rack a server goes in: its own rack-scale enclosure, else the smallest rack of >= 48U that
// holds it (48U is NVIDIA's minimum for current DGX racks).
const RackSpec& choose_rack(const ServerSpec& server, const Catalog& c) {
  const RackSpec* best = nullptr;
  for (const auto& [id, r] : c.racks()) {
    if (r.rack_units < server.rack_units) continue;
    if (r.max_load_kg && server.weight_kg && *r.max_load_kg < *server.weight_kg) continue;
    bool rack_scale_fit = server.rack_scale && r.rack_units == server.rack_units;
    if (server.rack_scale && !rack_scale_fit) continue;
    if (!server.rack_scale && r.rack_units < 48) continue;
    if (!best || r.rack_units < best->rack_units ||
        (r.rack_units == best->rack_units && r.max_load_kg && !best->max_load_kg))
      best = &r;
  }
  if (!best) throw GenerateError("no rack in the catalog holds a " + server.model);
  return *best;
}

// Endpoints per leaf port: 1 when speeds match, the breakout lanes when the switch port splits
// into NIC-speed lanes.
int lanes_for(const PortGroup& switch_ports, double nic_bps, const std::string& switch_model) {
  if (switch_ports.speed_bps < nic_bps)
    throw GenerateError(switch_model + " ports (" +
                        std::to_string(static_cast<int>(switch_ports.speed_bps / 1e9)) +
                        " Gb/s) are slower than the server's NICs (" +
                        std::to_string(static_cast<int>(nic_bps / 1e9)) + " Gb/s)");
  if (int lanes = endpoints_per_port(switch_ports, nic_bps)) return lanes;
  throw GenerateError(switch_model + " ports cannot split into " +
                      std::to_string(static_cast<int>(nic_bps / 1e9)) + " Gb/s lanes");
}

struct Sizing {
  int per_rack = 0;
  std::string why;
};

Sizing servers_per_rack(const ServerSpec& s, const RackSpec& rack, double budget_w, int requested) {
  if (requested > 0) return {requested, "the request"};
  if (s.rack_scale) return {1, "the system filling its own rack"};
  int by_u = rack.rack_units / std::max(1, s.rack_units);
  int n = by_u;
  std::string why = "rack units";
  if (s.max_power_w && *s.max_power_w > 0) {
    int by_power = static_cast<int>(budget_w / *s.max_power_w);
    if (by_power < n) n = by_power, why = "the rack power budget of the cooling choice";
  }
  if (rack.max_load_kg && s.weight_kg && *s.weight_kg > 0) {
    int by_weight = static_cast<int>(*rack.max_load_kg / *s.weight_kg);
    if (by_weight < n) n = by_weight, why = "the rack's load rating";
  }
  return {std::max(1, n), why};
}

// An InfiniBand fabric needs a subnet manager; NVIDIA's appliance takes one node slot of the
// fabric (the reason a DGX H100 SuperPOD unit holds 31 nodes, not 32). Only an appliance whose
// ports run at the fabric's speed is used.
const ServerSpec* fabric_manager(const Catalog& c, const SwitchSpec& sw, double nic_bps) {
  if (sw.protocol != "infiniband") return nullptr;
  for (const auto& [id, s] : c.servers()) {
    const PortGroup* ports = group_with_role(s, PortRole::Compute);
    if (s.role == "management" && s.gpus == 0 && ports && ports->speed_bps == nic_bps) return &s;
  }
  return nullptr;
}

}  // namespace

GeneratedCluster generate_cluster(const ClusterRequest& req, const Catalog& c) {
  const ServerSpec* server = c.server(req.server_id);
  if (!server) throw GenerateError("unknown server \"" + req.server_id + "\"");
  if (server->gpus < 1) throw GenerateError(server->model + " has no GPUs");
  const SwitchSpec* sw = c.network_switch(req.switch_id);
  if (!sw) throw GenerateError("unknown switch \"" + req.switch_id + "\"");
  const PortGroup* nic = group_with_role(*server, PortRole::Compute);
  if (!nic) throw GenerateError(server->model + " has no compute NIC ports");
  const PortGroup* fabric_ports = group_with_role(*sw, PortRole::Fabric);
  if (!fabric_ports) throw GenerateError(sw->model + " has no fabric ports");
  if (req.gpus.has_value() == req.servers.has_value())
    throw GenerateError("give either a GPU count or a server count");
  int servers = req.servers ? *req.servers
                            : static_cast<int>((*req.gpus + server->gpus - 1) / server->gpus);
  if (servers < 1) throw GenerateError("the GPU or server count must be at least 1");
  // A rack-scale system holds several hosts (nodes); each node is one endpoint slot per rail.
  const int nodes_per_server = server->compute_nodes;
  if (nic->count % nodes_per_server != 0)
    throw GenerateError(server->model + ": " + std::to_string(nic->count) +
                        " compute ports do not divide among " + std::to_string(nodes_per_server) +
                        " compute nodes");
  const int ports_per_node = nic->count / nodes_per_server;
  if (req.planes < 1 || ports_per_node % req.planes != 0)
    throw GenerateError(server->model + " has " + std::to_string(ports_per_node) +
                        " compute ports per node, which do not divide into " +
                        std::to_string(req.planes) + " planes");
  const int rails = ports_per_node / req.planes;
  std::vector<std::string> out_notes;
  const int lanes = lanes_for(*fabric_ports, nic->speed_bps, sw->model);
  const ServerSpec* manager = fabric_manager(c, *sw, nic->speed_bps);
  if (sw->protocol == "infiniband" && !manager)
    out_notes.push_back("no subnet-manager appliance at this speed in the catalog: none placed");

  ClosInputs in;
  in.servers = servers * nodes_per_server;
  in.rails = rails;
  in.radix = fabric_ports->count;
  in.lanes = lanes;
  in.management_slots = manager ? 1 : 0;
  in.tiers = req.tiers;
  in.leaf_oversubscription = req.leaf_oversubscription;
  in.spine_oversubscription = req.spine_oversubscription;
  ClosPlan plan = plan_clos(in);

  GeneratedCluster out;
  out.notes = std::move(out_notes);
  Design& d = out.design;
  d.name = req.name.empty() ? std::to_string(servers * server->gpus) + " x " + server->model
                            : req.name;
  d.description = "Generated: " + std::to_string(servers) + " " + server->model + ", " +
                  std::to_string(plan.tiers) + "-tier rail-optimized " + sw->model + " fabric";
  d.site.name = "Generated site";
  SiteBuilder site(d, c, req.cooling);
  const RackSpec& rack_spec = choose_rack(*server, c);
  const double budget = rack_budget_w(req.cooling, c);
  Sizing sizing = servers_per_rack(*server, rack_spec, budget, req.servers_per_rack);
  out.servers_per_rack = sizing.per_rack;
  out.notes.push_back(std::to_string(sizing.per_rack) + " servers per rack, limited by " + sizing.why);
  if (server->max_power_w && sizing.per_rack * *server->max_power_w > budget)
    out.notes.push_back("racks of " + std::to_string(sizing.per_rack) + " servers draw up to " +
                        format_kw(sizing.per_rack * *server->max_power_w) + ", above the " +
                        format_kw(budget) + " budget of the cooling choice");

  // Fabrics: one compute fabric per plane, and the scale-up domain.
  std::vector<std::string> fabric_ids;
  for (int p = 1; p <= req.planes; ++p) {
    Fabric f;
    f.id = req.planes == 1 ? "compute" : "compute-p" + std::to_string(p);
    f.name = req.planes == 1 ? "Compute" : "Compute plane " + std::to_string(p);
    f.kind = FabricKind::Compute;
    FabricIntent intent;
    intent.tiers = plan.tiers;
    intent.planes = req.planes;
    intent.rail_optimized = true;
    intent.leaf_oversubscription = req.leaf_oversubscription;
    if (plan.tiers == 3) intent.spine_oversubscription = req.spine_oversubscription;
    f.intent = intent;
    fabric_ids.push_back(f.id);
    d.fabrics.push_back(f);
  }
  if (const GpuSpec* gpu = c.gpu(server->gpu_id); gpu && !gpu->scale_up_technology.empty()) {
    int domain = server->scale_up_domain_gpus > 0 ? server->scale_up_domain_gpus : server->gpus;
    d.fabrics.push_back({"scale-up", gpu->scale_up_technology + " (" + std::to_string(domain) +
                                          " GPUs per domain)",
                         FabricKind::ScaleUp, std::nullopt, {}});
  }

  // Endpoint slots: node n of the cluster takes the next leaf downlink of its unit, skipping the
  // slot reserved for the fabric manager. A server stands with the unit of its first node.
  std::vector<std::pair<int, int>> slot_of_node;  // (unit, slot) by global node index
  for (int u = 0, n = 0; u < plan.units && n < servers * nodes_per_server; ++u)
    for (int k = 0; k < plan.endpoints_per_leaf && n < servers * nodes_per_server; ++k) {
      if (u == 0 && manager && k == plan.endpoints_per_leaf - 1) continue;
      slot_of_node.emplace_back(u, k);
      ++n;
    }
  std::vector<std::vector<int>> servers_of_unit(plan.units);
  for (int s = 0; s < servers; ++s)
    servers_of_unit[slot_of_node[s * nodes_per_server].first].push_back(s);

  // Rows: scalable units side by side, compute racks around a network rack with the unit's leaves.
  const int server_width = digits(servers);
  const int unit_width = digits(plan.units);
  std::vector<std::string> server_ids(servers);
  // leaf id by [plane][unit][rail]
  std::vector<std::vector<std::vector<std::string>>> leaf_ids(
      req.planes, std::vector<std::vector<std::string>>(plan.units, std::vector<std::string>(rails)));
  std::vector<UnitDevices> units(plan.units);
  std::string row;
  int rows = 0;
  for (int u = 0; u < plan.units; ++u) {
    std::string unit = "su" + padded(u + 1, unit_width);
    const auto& members = servers_of_unit[u];
    int racks = (static_cast<int>(members.size()) + sizing.per_rack - 1) / sizing.per_rack;
    // Units share a row while it stays short; a unit never spans two rows.
    if (row.empty() || site.racks_in_row(row) + racks + 1 > SiteBuilder::kMaxRacksPerRow) {
      ++rows;
      row = site.add_row("row-" + padded(rows, 2), padded(rows, 2));
    }
    // Middle of the unit's racks: shortest server cables; end: easier to extend the row.
    int net_position = req.leaves_at_row_end ? racks : racks / 2;
    std::size_t member = 0;
    int rack_number = 0;
    for (int pos = 0; pos <= racks; ++pos) {
      if (pos == net_position) {
        std::size_t net = site.add_rack(row, unit + "-net", "rack-48u-600x1200");
        units[u].net_rack = net;
        int extra = 0;
        for (int p = 0; p < req.planes; ++p)
          for (int r = 0; r < rails; ++r) {
            std::string id = unit + "-leaf-r" + std::to_string(r + 1) +
                             (req.planes > 1 ? "-p" + std::to_string(p + 1) : "");
            if (!site.fits(net, sw->id))
              net = site.add_rack(row, unit + "-net" + std::to_string(++extra + 1),
                                  "rack-48u-600x1200");
            Device& leaf = site.mount(net, id, sw->id);
            if (lanes > 1) leaf.breakouts.push_back({fabric_ports->name, 1, plan.leaf_down, lanes});
            leaf_ids[p][u][r] = id;
            units[u].devices.push_back(id);
          }
        continue;
      }
      std::size_t rack = site.add_rack(row, unit + "-r" + padded(++rack_number, 2), rack_spec.id);
      for (int k = 0; k < sizing.per_rack && member < members.size(); ++k, ++member) {
        int s = members[member];
        server_ids[s] = "node-" + padded(s + 1, std::max(3, server_width));
        site.mount(rack, server_ids[s], server->id);
        units[u].devices.push_back(server_ids[s]);
      }
    }
  }

  auto mount_network = [&](const std::string& id, const std::string& catalog_id) {
    site.mount_in_network_rows(id, catalog_id);
  };
  std::vector<std::vector<std::string>> managers(req.planes);  // a high-availability pair per plane
  for (int p = 0; p < req.planes && manager; ++p)
    for (int i = 1; i <= 2; ++i) {
      managers[p].push_back("ufm-" + (req.planes > 1 ? "p" + std::to_string(p + 1) + "-" : "") +
                            std::to_string(i));
      mount_network(managers[p].back(), manager->id);
    }

  std::vector<std::string> network_devices;  // for the management network
  for (const auto& pair : managers) network_devices.insert(network_devices.end(), pair.begin(), pair.end());
  for (int p = 0; p < req.planes; ++p) {
    const std::string& fabric = fabric_ids[p];
    std::string suffix = req.planes > 1 ? "-p" + std::to_string(p + 1) : "";
    ClosSwitches switches = name_spines_and_cores(plan, "", suffix);
    for (const auto& id : switches.spines) mount_network(id, sw->id), network_devices.push_back(id);
    for (const auto& id : switches.cores) mount_network(id, sw->id), network_devices.push_back(id);
    switches.leaves = leaf_ids[p];
    // Nodes to leaves: rail r of every node to leaf r of its unit, downlink = the node's slot.
    for (int s = 0; s < servers; ++s)
      for (int k = 0; k < nodes_per_server; ++k) {
        auto [u, slot] = slot_of_node[s * nodes_per_server + k];
        for (int r = 0; r < rails; ++r) {
          int nic_index = k * ports_per_node + r * req.planes + p + 1;
          site.connect(server_ids[s], nic->name + std::to_string(nic_index), leaf_ids[p][u][r],
                       downlink_port(fabric_ports->name, slot, lanes), nic->speed_bps, fabric);
        }
      }
    if (manager) {  // the fabric manager's ports take the reserved slot of the first unit
      const PortGroup* mports = group_with_role(*manager, PortRole::Compute);
      int r = 0;
      for (const auto& m : managers[p])
        for (int i = 1; i <= mports->count && r < rails; ++i, ++r)
          site.connect(m, mports->name + std::to_string(i), leaf_ids[p][0][r],
                       downlink_port(fabric_ports->name, plan.endpoints_per_leaf - 1, lanes),
                       nic->speed_bps, fabric);
    }
    wire_clos_switches(plan, rails, switches, fabric_ports->name, fabric_ports->speed_bps, fabric, site);
    out.planes.push_back(plan);
  }

  if (req.service_fabrics) {
    ServiceFabricInputs svc{c, d, site, *server, server_ids, units, network_devices, out.notes};
    add_data_fabric(svc, PortRole::Storage, FabricKind::Storage, "storage", "Storage");
    add_data_fabric(svc, PortRole::Inband, FabricKind::Inband, "inband", "In-band management");
    add_oob_fabric(svc);
  }
  site.arrange_rows();
  site.cable();
  site.finish_power_and_cooling();
  return out;
}

}  // namespace cf
