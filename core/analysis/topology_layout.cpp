#include "analysis/topology_layout.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "analysis/network_pods.h"

namespace cf {

namespace {

std::string tier_name(int tier) {
  switch (tier) {
    case 0:
      return "Servers";
    case 1:
      return "Leaves";
    case 2:
      return "Spines";
    case 3:
      return "Cores";
    default:
      return "Tier " + std::to_string(tier);
  }
}

// How a tier may be grouped: a key per member in drawing order (-1 anywhere: not applicable).
struct Grouping {
  TopologyGrouping how;
  std::vector<int> key;
};

// Numbers sets by first appearance: the same set, the same number.
class SetNumbers {
 public:
  int number(std::vector<int> set) {
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return ids_.try_emplace(std::move(set), static_cast<int>(ids_.size())).first->second;
  }

 private:
  std::map<std::vector<int>, int> ids_;
};

// One member's figures, summed into its node.
struct MemberFigures {
  std::string id;
  int gpus = 0;
  Bps down_bps = 0, up_bps = 0;
  std::optional<double> oversubscription;
};

std::string group_noun(TopologyGrouping how, bool plural) {
  switch (how) {
    case TopologyGrouping::Unit:
      return plural ? "units" : "unit";
    case TopologyGrouping::Pod:
      return plural ? "pods" : "pod";
    case TopologyGrouping::Rail:
      return plural ? "rails" : "rail";
    case TopologyGrouping::Neighbors:
      return plural ? "groups" : "group";
    default:
      return "";
  }
}

class Builder {
 public:
  Builder(int max_nodes, TopologyLayout& out) : max_nodes_(std::max(1, max_nodes)), out_(out) {}

  // Adds the nodes of one tier (drawn below every tier added later) from its members in drawing
  // order; returns the node of each member (by position in `ordered`).
  std::vector<int> add_tier(int tier, const std::vector<MemberFigures>& ordered,
                            const std::vector<Grouping>& groupings) {
    TopologyTier t;
    t.tier = tier;
    t.name = tier_name(tier);
    t.devices = static_cast<int>(ordered.size());
    const int n = static_cast<int>(ordered.size());

    // Groups of member positions with the key that names them.
    std::vector<std::vector<int>> groups;
    std::vector<std::pair<int, int>> keys;  // first and last key value (1-based) of a group
    TopologyGrouping base = TopologyGrouping::None;
    auto group_by = [&](const std::vector<int>& key) {
      std::vector<std::vector<int>> out;
      std::vector<std::pair<int, int>> out_keys;
      std::unordered_map<int, int> index;
      for (int i = 0; i < n; ++i) {
        auto [it, added] = index.try_emplace(key[i], static_cast<int>(out.size()));
        if (added) {
          out.emplace_back();
          out_keys.emplace_back(key[i] + 1, key[i] + 1);
        }
        out[it->second].push_back(i);
      }
      return std::pair(out, out_keys);
    };
    auto applicable = [&](const Grouping& gr) {
      return std::none_of(gr.key.begin(), gr.key.end(), [](int k) { return k < 0; });
    };
    if (n <= max_nodes_) {
      for (int i = 0; i < n; ++i) groups.push_back({i}), keys.emplace_back(i + 1, i + 1);
    } else {
      for (const Grouping& gr : groupings) {
        if (!applicable(gr)) continue;
        auto [gs, ks] = group_by(gr.key);
        if (gs.size() >= 2 && static_cast<int>(gs.size()) <= max_nodes_) {
          groups = std::move(gs), keys = std::move(ks), t.grouping = gr.how;
          break;
        }
        if (base == TopologyGrouping::None && gs.size() >= 2) {
          groups = std::move(gs), keys = std::move(ks), base = gr.how;
        }
      }
      if (t.grouping == TopologyGrouping::None) {
        // Too many groups (or none that applies): merge consecutive ones into ranges.
        if (groups.empty())
          for (int i = 0; i < n; ++i) groups.push_back({i}), keys.emplace_back(i + 1, i + 1);
        const std::size_t per = (groups.size() + max_nodes_ - 1) / max_nodes_;
        std::vector<std::vector<int>> merged;
        std::vector<std::pair<int, int>> merged_keys;
        for (std::size_t i = 0; i < groups.size(); i += per) {
          std::size_t end = std::min(groups.size(), i + per);
          merged.emplace_back();
          for (std::size_t j = i; j < end; ++j)
            merged.back().insert(merged.back().end(), groups[j].begin(), groups[j].end());
          merged_keys.emplace_back(keys[i].first, keys[end - 1].second);
        }
        groups = std::move(merged), keys = std::move(merged_keys);
        t.grouping = TopologyGrouping::Range;
      }
    }

    std::vector<int> node_of(n, -1);
    const int tier_index = static_cast<int>(tiers_.size());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      TopologyNode node;
      node.tier = tier_index;
      for (int i : groups[gi]) {
        const MemberFigures& m = ordered[i];
        node.device_ids.push_back(m.id);
        node.gpus += m.gpus;
        node.down_bps += m.down_bps;
        node.up_bps += m.up_bps;
        if (m.oversubscription && (!node.oversubscription || *m.oversubscription > *node.oversubscription))
          node.oversubscription = m.oversubscription;
        node_of[i] = static_cast<int>(out_.nodes.size());
      }
      node.label = groups[gi].size() == 1 && t.grouping == TopologyGrouping::None
                       ? ordered[groups[gi].front()].id
                       : group_label(t, base, keys[gi], groups[gi].size());
      t.nodes.push_back(static_cast<int>(out_.nodes.size()));
      position_.push_back(static_cast<int>(t.nodes.size()) - 1);
      out_.nodes.push_back(std::move(node));
    }
    tiers_.push_back(std::move(t));
    return node_of;
  }

  // Position of a node within its tier, left to right.
  int position(int node) const { return position_[node]; }

  // The tiers top to bottom (they were added bottom up).
  void finish() {
    const int last = static_cast<int>(tiers_.size()) - 1;
    for (TopologyNode& node : out_.nodes) node.tier = last - node.tier;
    std::reverse(tiers_.begin(), tiers_.end());
    out_.tiers = std::move(tiers_);
  }

 private:
  std::string group_label(const TopologyTier& t, TopologyGrouping base, std::pair<int, int> keys,
                          std::size_t size) const {
    const std::string count = " (" + std::to_string(size) + ")";
    const std::string range = keys.first == keys.second
                                  ? std::to_string(keys.first)
                                  : std::to_string(keys.first) + "\u2013" + std::to_string(keys.second);
    TopologyGrouping how = t.grouping == TopologyGrouping::Range ? base : t.grouping;
    if (how == TopologyGrouping::None) return t.name + " " + range + count;  // consecutive devices
    return t.name + " of " + group_noun(how, keys.first != keys.second) + " " + range + count;
  }

  int max_nodes_;
  TopologyLayout& out_;
  std::vector<TopologyTier> tiers_;
  std::vector<int> position_;  // by node
};

}  // namespace

TopologyLayout layout_topology(const Design& design, const Catalog& catalog, const Fabric& fabric,
                               const FabricReport* report, const TopologyOptions& options) {
  TopologyLayout out;
  out.fabric_id = fabric.id;
  out.fabric_name = fabric.name;
  const NetworkGraph g = build_network_graph(design, catalog, fabric);
  if (g.endpoints.empty()) return out;  // nothing to draw: no GPU is linked in this fabric
  const LeafPods pods = find_leaf_pods(g);
  Builder builder(options.max_nodes_per_tier, out);

  // Per switch: its capacity down and up, and its oversubscription as the analysis computes it.
  std::vector<DownUp> down_up(g.switches.size());
  std::vector<std::optional<double>> switch_os(g.switches.size());
  for (std::size_t s = 0; s < g.switches.size(); ++s) {
    down_up[s] = switch_down_up(g, static_cast<int>(s));
    if (down_up[s].up_bps > 0)
      switch_os[s] = static_cast<double>(down_up[s].down_bps) / static_cast<double>(down_up[s].up_bps);
  }

  // Servers: a unit is the servers on the same set of leaves, numbered by first appearance.
  std::vector<std::vector<int>> server_leaves(g.servers.size());
  std::vector<int> server_gpus(g.servers.size(), 0);
  std::vector<Bps> server_bps(g.servers.size(), 0);
  for (const NetEndpoint& e : g.endpoints) {
    server_leaves[e.server].push_back(e.leaf);
    ++server_gpus[e.server];
    server_bps[e.server] += e.capacity_bps;
  }
  SetNumbers unit_numbers;
  std::vector<int> unit(g.servers.size());
  for (std::size_t s = 0; s < g.servers.size(); ++s) unit[s] = unit_numbers.number(server_leaves[s]);
  auto common_pod = [&](const std::vector<int>& leaves) {
    int pod = -1;
    for (int l : leaves) {
      if (pod >= 0 && pods.pod_of_switch[l] != pod) return -1;
      pod = pods.pod_of_switch[l];
    }
    return pod;
  };

  std::vector<int> servers(g.servers.size());
  std::iota(servers.begin(), servers.end(), 0);
  std::stable_sort(servers.begin(), servers.end(), [&](int a, int b) {
    return std::pair(unit[a], g.servers[a].order) < std::pair(unit[b], g.servers[b].order);
  });
  std::vector<int> node_of_server(g.servers.size(), -1);
  {
    std::vector<MemberFigures> figures;
    Grouping by_unit{TopologyGrouping::Unit, {}}, by_pod{TopologyGrouping::Pod, {}};
    for (int s : servers) {
      figures.push_back({g.servers[s].id, server_gpus[s], 0, server_bps[s], std::nullopt});
      by_unit.key.push_back(unit[s]);
      by_pod.key.push_back(common_pod(server_leaves[s]));
    }
    std::vector<int> node_of = builder.add_tier(0, figures, {by_unit, by_pod});
    for (std::size_t i = 0; i < servers.size(); ++i) node_of_server[servers[i]] = node_of[i];
  }

  // Switches, tier by tier from the leaves up.
  std::vector<int> node_of_switch(g.switches.size(), -1);
  auto figures_of = [&](int s) {
    return MemberFigures{g.switches[s].id, static_cast<int>(g.switches[s].endpoints.size()),
                         down_up[s].down_bps, down_up[s].up_bps, switch_os[s]};
  };
  auto neighbors = [&](int s, int tier) {
    std::vector<int> out;
    for (int t : g.switches[s].trunks) {
      int n = g.trunks[t].other(s);
      if (g.switches[n].tier == tier) out.push_back(n);
    }
    return out;
  };
  for (int tier = 1; tier <= g.tiers; ++tier) {
    std::vector<int> members;
    for (std::size_t s = 0; s < g.switches.size(); ++s)
      if (g.switches[s].tier == tier) members.push_back(static_cast<int>(s));
    std::vector<Grouping> groupings;
    if (tier == 1) {
      // Leaves by pod, then by the unit they serve, then by rail: a unit's leaves sit over it.
      std::vector<int> leaf_unit(g.switches.size(), -1), leaf_rail(g.switches.size(), -1);
      for (int s : members) {
        const auto& eps = g.switches[s].endpoints;
        leaf_unit[s] = eps.empty() ? -1 : unit[g.endpoints[eps.front()].server];
        for (int e : eps) {
          int rail = g.endpoints[e].rail;
          leaf_rail[s] = leaf_rail[s] == -1 || leaf_rail[s] == rail ? rail : -2;  // -2: mixed
        }
      }
      std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
        return std::tuple(pods.pod_of_switch[a], leaf_unit[a], leaf_rail[a], g.switches[a].order) <
               std::tuple(pods.pod_of_switch[b], leaf_unit[b], leaf_rail[b], g.switches[b].order);
      });
      Grouping by_pod{TopologyGrouping::Pod, {}}, by_rail{TopologyGrouping::Rail, {}};
      for (int s : members) {
        by_pod.key.push_back(pods.pod_of_switch[s]);
        by_rail.key.push_back(leaf_rail[s] > 0 ? leaf_rail[s] - 1 : -1);
      }
      groupings = {by_pod, by_rail};
    } else {
      // The barycentre of the nodes below, so that links run as straight as they can.
      std::vector<double> bary(g.switches.size(), 0);
      for (int s : members) {
        double sum = 0;
        int count = 0;
        for (int n : neighbors(s, tier - 1)) sum += builder.position(node_of_switch[n]), ++count;
        bary[s] = count ? sum / count : 0;
      }
      std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
        return std::pair(bary[a], g.switches[a].order) < std::pair(bary[b], g.switches[b].order);
      });
      Grouping by_pod{TopologyGrouping::Pod, {}}, by_neighbors{TopologyGrouping::Neighbors, {}};
      SetNumbers sets;
      const bool top = tier == g.tiers;
      for (int s : members) {
        by_pod.key.push_back(tier == 2 ? common_pod(neighbors(s, 1)) : -1);
        by_neighbors.key.push_back(sets.number(neighbors(s, top ? tier - 1 : tier + 1)));
      }
      groupings = {by_pod, by_neighbors};
    }
    std::vector<MemberFigures> figures;
    for (int s : members) figures.push_back(figures_of(s));
    std::vector<int> node_of = builder.add_tier(tier, figures, groupings);
    for (std::size_t i = 0; i < members.size(); ++i) node_of_switch[members[i]] = node_of[i];
  }
  builder.finish();

  // Links merged per pair of nodes.
  std::unordered_set<std::string_view> cut;
  if (report) {
    cut.reserve(report->cut_link_ids.size());
    for (const std::string& id : report->cut_link_ids) cut.insert(id);
    out.bisection_bps = report->bisection_bps;
    out.cut_candidate = report->cut_candidate;
    out.cut_split = report->cut_split;
  }
  std::unordered_map<std::int64_t, int> edge_of;
  auto edge = [&](int lower, int upper) -> TopologyEdge& {
    auto key = (static_cast<std::int64_t>(lower) << 32) | static_cast<std::uint32_t>(upper);
    auto [it, added] = edge_of.try_emplace(key, static_cast<int>(out.edges.size()));
    if (added) out.edges.push_back({lower, upper, 0, 0, std::nullopt, 0, 0});
    return out.edges[it->second];
  };
  auto add_link = [&](TopologyEdge& e, const std::string& id, Bps capacity) {
    ++e.links;
    e.capacity_bps += capacity;
    if (cut.count(id)) ++e.cut_links, e.cut_bps += capacity;
  };
  for (const NetEndpoint& ep : g.endpoints)
    add_link(edge(node_of_server[ep.server], node_of_switch[ep.leaf]), ep.link_id, ep.capacity_bps);
  for (const NetTrunk& t : g.trunks) {
    int lower = t.a, upper = t.b;
    if (g.switches[lower].tier > g.switches[upper].tier) std::swap(lower, upper);
    if (g.switches[lower].tier == 0 || g.switches[lower].tier == g.switches[upper].tier) {
      out.links_not_drawn += static_cast<int>(t.links.size());
      continue;
    }
    TopologyEdge& e = edge(node_of_switch[lower], node_of_switch[upper]);
    if (switch_os[lower] && (!e.oversubscription || *switch_os[lower] > *e.oversubscription))
      e.oversubscription = switch_os[lower];
    for (const NetLink& l : t.links) add_link(e, l.id, l.capacity_bps);
  }
  out.links_not_drawn += g.non_gpu_links;
  std::sort(out.edges.begin(), out.edges.end(), [](const TopologyEdge& a, const TopologyEdge& b) {
    return std::pair(a.lower, a.upper) < std::pair(b.lower, b.upper);
  });
  for (const TopologyEdge& e : out.edges) {
    out.links += e.links;
    out.cut_links += e.cut_links;
    out.cut_bps += e.cut_bps;
  }
  return out;
}

}  // namespace cf
