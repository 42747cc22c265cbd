#include "fabric/cluster_generator.h"

#include <cmath>

namespace cf {

namespace {

std::string padded(int n, int width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

std::string kilowatts(double w) {
  std::string s = std::to_string(static_cast<long long>(std::llround(w / 100)));  // tenths of kW
  return s.substr(0, s.size() - 1) + (s.size() > 1 ? "" : "0") + "." + s.back() + " kW";
}

int digits(int n) { return n < 10 ? 1 : 1 + digits(n / 10); }

const PortGroup* group_with_role(const Mountable& m, PortRole role) {
  for (const auto& g : m.ports)
    if (g.role == role) return &g;
  return nullptr;
}

// The rack a server goes in: its own rack-scale enclosure, else the smallest rack of >= 48U that
// holds it (48U is NVIDIA's minimum for current DGX racks).
const RackSpec& choose_rack(const ServerSpec& server, const Catalog& c) {
  const RackSpec* best = nullptr;
  for (const auto& [id, r] : c.racks()) {
    if (r.rack_units < server.rack_units) continue;
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
  if (switch_ports.speed_bps == nic_bps) return 1;
  if (switch_ports.speed_bps < nic_bps)
    throw GenerateError(switch_model + " ports (" +
                        std::to_string(static_cast<int>(switch_ports.speed_bps / 1e9)) +
                        " Gb/s) are slower than the server's NICs (" +
                        std::to_string(static_cast<int>(nic_bps / 1e9)) + " Gb/s)");
  for (const auto& b : switch_ports.breakouts)
    if (b.speed_bps == nic_bps) return b.lanes;
  throw GenerateError(switch_model + " ports cannot split into " +
                      std::to_string(static_cast<int>(nic_bps / 1e9)) + " Gb/s lanes");
}

struct Sizing {
  int per_rack = 0;
  std::string why;
};

Sizing servers_per_rack(const ServerSpec& s, const RackSpec& rack, double budget_w, int requested) {
  if (requested > 0) return {requested, "the request"};
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
  if (req.planes < 1 || nic->count % req.planes != 0)
    throw GenerateError(server->model + " has " + std::to_string(nic->count) +
                        " compute ports, which do not divide into " + std::to_string(req.planes) +
                        " planes");
  const int rails = nic->count / req.planes;
  std::vector<std::string> out_notes;
  const int lanes = lanes_for(*fabric_ports, nic->speed_bps, sw->model);
  const ServerSpec* manager = fabric_manager(c, *sw, nic->speed_bps);
  if (sw->protocol == "infiniband" && !manager)
    out_notes.push_back("no subnet-manager appliance at this speed in the catalog: none placed");

  ClosInputs in;
  in.servers = servers;
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
                        kilowatts(sizing.per_rack * *server->max_power_w) + ", above the " +
                        kilowatts(budget) + " budget of the cooling choice");

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

  // Rows: one per scalable unit, compute racks around a network rack with the unit's leaves.
  const int server_width = digits(servers);
  const int unit_width = digits(plan.units);
  std::vector<std::string> server_ids;  // by global server index
  // leaf id by [plane][unit][rail]
  std::vector<std::vector<std::vector<std::string>>> leaf_ids(
      req.planes, std::vector<std::vector<std::string>>(plan.units, std::vector<std::string>(rails)));
  std::vector<std::pair<int, int>> slot_of_server;  // (unit, slot)
  int next_server = 0;
  std::string row;
  int rows = 0;
  for (int u = 0; u < plan.units; ++u) {
    std::string unit = "su" + padded(u + 1, unit_width);
    std::vector<int> slots;
    for (int k = 0; k < plan.endpoints_per_leaf; ++k) {
      if (u == 0 && manager && k == plan.endpoints_per_leaf - 1) continue;  // fabric manager
      if (next_server + static_cast<int>(slots.size()) >= servers) break;
      slots.push_back(k);
    }
    int racks = (static_cast<int>(slots.size()) + sizing.per_rack - 1) / sizing.per_rack;
    // Units share a row while it stays short; a unit never spans two rows.
    if (row.empty() || site.racks_in_row(row) + racks + 1 > SiteBuilder::kMaxRacksPerRow) {
      ++rows;
      row = site.add_row("row-" + padded(rows, 2), "Row " + std::to_string(rows));
    }
    int net_position = racks / 2;  // leaves in the middle of the row: shortest server cables
    std::size_t slot_index = 0;
    int rack_number = 0;
    for (int pos = 0; pos <= racks; ++pos) {
      if (pos == net_position) {
        std::size_t net = site.add_rack(row, unit + "-net", "rack-48u-600x1200");
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
          }
        continue;
      }
      std::size_t rack = site.add_rack(row, unit + "-r" + padded(++rack_number, 2), rack_spec.id);
      for (int k = 0; k < sizing.per_rack && slot_index < slots.size(); ++k, ++slot_index) {
        std::string id = "node-" + padded(next_server + 1, std::max(3, server_width));
        site.mount(rack, id, server->id);
        server_ids.push_back(id);
        slot_of_server.emplace_back(u, slots[slot_index]);
        ++next_server;
      }
    }
  }

  // Spine and core racks in a network row; the fabric manager beside them.
  std::vector<std::string> network_rows{site.add_row("row-net-01", "Network 1")};
  std::size_t net_rack = site.add_rack(network_rows.back(), "net-001", "rack-48u-600x1200");
  int net_racks = 1;
  double net_rack_w = 0;
  auto mount_network = [&](const std::string& id, const std::string& catalog_id) {
    const Mountable* m = c.mountable(catalog_id);
    double w = m && m->max_power_w ? *m->max_power_w : 0;
    if (!site.fits(net_rack, catalog_id) || net_rack_w + w > budget) {
      if (site.racks_in_row(network_rows.back()) >= SiteBuilder::kMaxRacksPerRow) {
        std::string n = padded(static_cast<int>(network_rows.size()) + 1, 2);
        network_rows.push_back(site.add_row("row-net-" + n, "Network " + n));
      }
      net_rack = site.add_rack(network_rows.back(), "net-" + padded(++net_racks, 3),
                               "rack-48u-600x1200");
      net_rack_w = 0;
    }
    net_rack_w += w;
    site.mount(net_rack, id, catalog_id);
  };
  std::vector<std::vector<std::string>> managers(req.planes);  // a high-availability pair per plane
  for (int p = 0; p < req.planes && manager; ++p)
    for (int i = 1; i <= 2; ++i) {
      managers[p].push_back("ufm-" + (req.planes > 1 ? "p" + std::to_string(p + 1) + "-" : "") +
                            std::to_string(i));
      mount_network(managers[p].back(), manager->id);
    }

  const std::string& pg = fabric_ports->name;
  auto port = [&](int index) { return pg + std::to_string(index); };
  auto down_port = [&](int slot) {
    return lanes == 1 ? port(slot + 1)
                      : port(slot / lanes + 1) + "/" + std::to_string(slot % lanes + 1);
  };
  const double up_bps = fabric_ports->speed_bps;

  // Spines and cores of every plane go into the network rows before any cable is cut.
  std::vector<std::vector<std::string>> spines(req.planes), cores(req.planes);
  for (int p = 0; p < req.planes; ++p) {
    std::string suffix = req.planes > 1 ? "-p" + std::to_string(p + 1) : "";
    for (int i = 0; i < plan.spines; ++i) {
      spines[p].push_back(
          (plan.tiers == 3 ? "pod" + padded(i / plan.spines_per_pod + 1, 2) + "-" : std::string()) +
          "spine-" + padded(i % plan.spines_per_pod + 1, 3) + suffix);
      mount_network(spines[p].back(), sw->id);
    }
    for (int i = 0; i < plan.cores; ++i) {
      cores[p].push_back("core-" + padded(i + 1, 4) + suffix);
      mount_network(cores[p].back(), sw->id);
    }
  }
  site.arrange_rows(network_rows);

  for (int p = 0; p < req.planes; ++p) {
    const std::string& fabric = fabric_ids[p];
    // Servers to leaves: rail r of every server to leaf r of its unit, downlink = its slot.
    for (std::size_t s = 0; s < server_ids.size(); ++s) {
      auto [u, slot] = slot_of_server[s];
      for (int r = 0; r < rails; ++r) {
        int nic_index = r * req.planes + p + 1;
        site.connect(server_ids[s], nic->name + std::to_string(nic_index), leaf_ids[p][u][r],
                     down_port(slot), nic->speed_bps, fabric);
      }
    }
    if (manager) {  // the fabric manager's ports take the reserved slot of the first unit
      const PortGroup* mports = group_with_role(*manager, PortRole::Compute);
      int r = 0;
      for (const auto& m : managers[p])
        for (int i = 1; i <= mports->count && r < rails; ++i, ++r)
          site.connect(m, mports->name + std::to_string(i), leaf_ids[p][0][r],
                       down_port(plan.endpoints_per_leaf - 1), nic->speed_bps, fabric);
    }
    // Leaves to spines: two tiers, every leaf to every spine; three tiers, to its pod's spines.
    for (int u = 0; u < plan.units; ++u) {
      int pod = u / plan.units_per_pod;
      for (int r = 0; r < rails; ++r) {
        int leaf_in_pod = (u % plan.units_per_pod) * rails + r;
        for (int j = 0; j < plan.leaf_up; ++j) {
          int spine_port = plan.tiers == 2
                               ? (u * rails + r) * plan.leaf_spine_links + j / plan.spines_per_pod
                               : leaf_in_pod;
          site.connect(leaf_ids[p][u][r], port(plan.leaf_down + j + 1),
                       spines[p][pod * plan.spines_per_pod + j % plan.spines_per_pod],
                       port(spine_port + 1), up_bps, fabric);
        }
      }
    }
    // Spines to cores: spine j of every pod to each core of core group j.
    for (int s = 0; s < (plan.tiers == 3 ? plan.spines : 0); ++s) {
      int pod = s / plan.spines_per_pod, group = s % plan.spines_per_pod;
      for (int i = 0; i < plan.spine_up; ++i) {
        int core = group * plan.cores_per_group + i % plan.cores_per_group;
        int core_port = pod * plan.spine_core_links + i / plan.cores_per_group;
        site.connect(spines[p][s], port(plan.spine_down + i + 1), cores[p][core],
                     port(core_port + 1), up_bps, fabric);
      }
    }
    out.planes.push_back(plan);
  }
  site.finish_power_and_cooling();
  return out;
}

}  // namespace cf
