#include "analysis/network_bisection.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <random>
#include <tuple>

#include "analysis/network_spectral.h"

namespace cf {

namespace {

// Endpoints grouped by their leaf, leaves numbered in order of first appearance.
struct LeafGroups {
  std::vector<int> group;       // by endpoint
  std::vector<int> leaf_group;  // by switch (-1: not a leaf of any endpoint)
  std::vector<std::string> names;
};

LeafGroups group_by_leaf(const NetworkGraph& g) {
  LeafGroups out{std::vector<int>(g.endpoints.size()), std::vector<int>(g.switches.size(), -1), {}};
  for (std::size_t e = 0; e < g.endpoints.size(); ++e) {
    int leaf = g.endpoints[e].leaf;
    if (out.leaf_group[leaf] < 0) {
      out.leaf_group[leaf] = static_cast<int>(out.names.size());
      out.names.push_back(g.switches[leaf].id);
    }
    out.group[e] = out.leaf_group[leaf];
  }
  return out;
}

bool is_integer(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// "1-4, 6" for integers; "a01, a02" or "a01 … a16 (16)" for names.
std::string list_names(const std::vector<std::string>& names, const std::vector<bool>& part) {
  std::vector<std::string> items;
  bool numeric = std::all_of(names.begin(), names.end(), is_integer);
  auto tag = [&](std::size_t i) { return names[i] + (part[i] ? " (part)" : ""); };
  if (numeric) {
    std::size_t i = 0;
    while (i < names.size()) {
      std::size_t j = i;
      while (j + 1 < names.size() && !part[j] && !part[j + 1] &&
             std::stoi(names[j + 1]) == std::stoi(names[j]) + 1)
        ++j;
      items.push_back(j == i ? tag(i) : names[i] + "-" + names[j]);
      i = j + 1;
    }
  } else if (names.size() > 4) {
    items.push_back(tag(0) + " … " + tag(names.size() - 1) + ", " + std::to_string(names.size()) +
                    " in all");
  } else {
    for (std::size_t i = 0; i < names.size(); ++i) items.push_back(tag(i));
  }
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Orders the endpoints by key (then by index) and puts the first floor(N/2) in half A. `group`
// names what the split is made of, for the description.
template <class Key>
BisectionCandidate ordered_split(std::string name, const std::string& plural,
                                 const std::vector<Key>& key, const std::vector<int>& group,
                                 const std::vector<std::string>& group_name) {
  const std::size_t n = key.size();
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key[a] < key[b]; });
  BisectionCandidate c{std::move(name), "", std::vector<char>(n, 0)};
  for (std::size_t i = 0; i < n / 2; ++i) c.in_a[order[i]] = 1;
  // Groups in split order, with how many of their endpoints each half holds.
  std::vector<int> seen;
  std::vector<int> count_a(group_name.size(), 0), count_b(group_name.size(), 0);
  for (int e : order) {
    if (count_a[group[e]] + count_b[group[e]] == 0) seen.push_back(group[e]);
    (c.in_a[e] ? count_a : count_b)[group[e]]++;
  }
  std::vector<std::string> names_a, names_b;
  std::vector<bool> part_a, part_b;
  for (int gi : seen) {
    bool split = count_a[gi] > 0 && count_b[gi] > 0;
    if (count_a[gi] > 0) names_a.push_back(group_name[gi]), part_a.push_back(split);
    if (count_b[gi] > 0) names_b.push_back(group_name[gi]), part_b.push_back(split);
  }
  c.split = plural + " " + list_names(names_a, part_a) + " | " + list_names(names_b, part_b);
  return c;
}

}  // namespace

std::vector<BisectionCandidate> bisection_candidates(const NetworkGraph& g, const Design& design,
                                                     const LeafPods& pods) {
  std::vector<BisectionCandidate> out;
  const std::size_t n = g.endpoints.size();
  if (n < 2) return out;
  auto add = [&](BisectionCandidate c) {
    for (const auto& other : out)
      if (other.in_a == c.in_a) return;  // the same split under another name
    out.push_back(std::move(c));
  };
  std::vector<int> server_order(n);
  for (std::size_t e = 0; e < n; ++e) server_order[e] = g.servers[g.endpoints[e].server].order;

  // By pod (leaves sharing the same spines), when there is more than one.
  if (pods.count > 1) {
    std::vector<int> group(n);
    std::vector<std::string> names;
    for (int p = 1; p <= pods.count; ++p) names.push_back(std::to_string(p));
    for (std::size_t e = 0; e < n; ++e) group[e] = pods.pod_of_switch[g.endpoints[e].leaf];
    std::vector<std::tuple<int, int, int>> key(n);
    for (std::size_t e = 0; e < n; ++e)
      key[e] = {group[e], g.endpoints[e].leaf, static_cast<int>(e)};
    add(ordered_split("by pod", "pods", key, group, names));
  }
  // By leaf, in file order of the leaves' first appearance.
  {
    auto [group, leaf_group, names] = group_by_leaf(g);
    std::vector<std::pair<int, int>> key(n);
    for (std::size_t e = 0; e < n; ++e) key[e] = {leaf_group[g.endpoints[e].leaf], int(e)};
    add(ordered_split("by leaf", "leaves", key, group, names));
  }
  // By row (rows in floor order), then by rack position along the rows (left | right of the floor).
  {
    std::vector<int> row_group(n), pos_group(n);
    std::vector<std::string> row_names, pos_names;
    std::vector<int> row_of_rank, pos_values;
    for (std::size_t e = 0; e < n; ++e) {
      const NetServer& s = g.servers[g.endpoints[e].server];
      row_of_rank.push_back(s.row_rank);
      pos_values.push_back(s.position);
    }
    std::sort(row_of_rank.begin(), row_of_rank.end());
    row_of_rank.erase(std::unique(row_of_rank.begin(), row_of_rank.end()), row_of_rank.end());
    std::sort(pos_values.begin(), pos_values.end());
    pos_values.erase(std::unique(pos_values.begin(), pos_values.end()), pos_values.end());
    row_names.resize(row_of_rank.size());
    // Name rows by their id, ranked as in the graph (y, x, file order).
    std::vector<const Row*> ranked;
    for (const Row& r : design.rows) ranked.push_back(&r);
    std::stable_sort(ranked.begin(), ranked.end(), [](const Row* a, const Row* b) {
      return std::tie(a->y_m, a->x_m) < std::tie(b->y_m, b->x_m);
    });
    for (std::size_t i = 0; i < row_of_rank.size(); ++i) {
      int rank = row_of_rank[i];
      row_names[i] = rank < static_cast<int>(ranked.size())
                         ? (ranked[rank]->name.empty() ? ranked[rank]->id : ranked[rank]->name)
                         : "?";
    }
    for (int p : pos_values) pos_names.push_back(std::to_string(p));
    std::vector<std::tuple<int, int, int, int>> row_key(n), pos_key(n);
    for (std::size_t e = 0; e < n; ++e) {
      const NetServer& s = g.servers[g.endpoints[e].server];
      row_group[e] =
          static_cast<int>(std::lower_bound(row_of_rank.begin(), row_of_rank.end(), s.row_rank) -
                           row_of_rank.begin());
      pos_group[e] = static_cast<int>(
          std::lower_bound(pos_values.begin(), pos_values.end(), s.position) - pos_values.begin());
      row_key[e] = {s.row_rank, s.position, server_order[e], g.endpoints[e].rail};
      pos_key[e] = {s.position, s.row_rank, server_order[e], g.endpoints[e].rail};
    }
    if (row_names.size() > 1) add(ordered_split("by row", "rows", row_key, row_group, row_names));
    if (pos_names.size() > 1)
      add(ordered_split("by rack position", "positions", pos_key, pos_group, pos_names));
  }
  // By rail.
  {
    std::vector<int> rails;
    for (const auto& ep : g.endpoints) rails.push_back(ep.rail);
    std::sort(rails.begin(), rails.end());
    rails.erase(std::unique(rails.begin(), rails.end()), rails.end());
    if (rails.size() > 1) {
      std::vector<int> group(n);
      std::vector<std::string> names;
      names.reserve(rails.size());
      for (int r : rails) names.push_back(std::to_string(r));
      std::vector<std::pair<int, int>> key(n);
      for (std::size_t e = 0; e < n; ++e) {
        group[e] = static_cast<int>(
            std::lower_bound(rails.begin(), rails.end(), g.endpoints[e].rail) - rails.begin());
        key[e] = {g.endpoints[e].rail, server_order[e]};
      }
      add(ordered_split("by rail", "rails", key, group, names));
    }
  }
  // Spectral: leaves ordered by their Fiedler value.
  {
    std::vector<double> fiedler = fiedler_vector(g);
    auto [group, leaf_group, names] = group_by_leaf(g);
    std::vector<std::tuple<double, int, int>> key(n);
    for (std::size_t e = 0; e < n; ++e) {
      int leaf = g.endpoints[e].leaf;
      key[e] = {fiedler[leaf], leaf, static_cast<int>(e)};
    }
    add(ordered_split("spectral (Fiedler vector)", "leaves", key, group, names));
  }
  // Seeded random balanced splits (Fisher-Yates with std::mt19937, whose sequence the standard
  // fixes, so every platform draws the same splits).
  for (unsigned seed = 1; seed <= 4; ++seed) {
    std::mt19937 rng(seed);
    std::vector<int> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    for (std::size_t i = n - 1; i > 0; --i) std::swap(perm[i], perm[rng() % (i + 1)]);
    BisectionCandidate c{"random", "", std::vector<char>(n, 0)};
    for (std::size_t i = 0; i < n / 2; ++i) c.in_a[perm[i]] = 1;
    c.name = "random #" + std::to_string(seed);
    c.split = "GPUs drawn at random (seed " + std::to_string(seed) + "): " + std::to_string(n / 2) +
              " | " + std::to_string(n - n / 2);
    add(std::move(c));
  }
  return out;
}

BisectionResult min_bisection(BisectionFlow& flow,
                              const std::vector<BisectionCandidate>& candidates,
                              const NetFailure& failure, const std::vector<NetFailure>& watched) {
  BisectionResult r;
  r.lost_to_watched.resize(watched.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    Bps f = flow.max_flow(candidates[i].in_a, failure);
    r.flows.push_back(f);
    for (std::size_t w = 0; w < watched.size(); ++w)
      r.lost_to_watched[w].push_back(flow.flow_lost_to(watched[w]));
    if (r.candidate < 0 || f < r.bisection_bps) {
      r.bisection_bps = f;
      r.candidate = static_cast<int>(i);
      r.cut_side_a = flow.min_cut_side_a();  // now, rather than a max flow again later
    }
  }
  return r;
}

BisectionCut min_cut(const NetworkGraph& g, const BisectionCandidate& candidate,
                     const std::vector<char>& side_a) {
  BisectionCut cut;
  for (std::size_t e = 0; e < g.endpoints.size(); ++e) {
    const NetEndpoint& ep = g.endpoints[e];
    if ((candidate.in_a[e] != 0) == (side_a[ep.leaf] != 0)) continue;
    cut.capacity_bps += ep.capacity_bps;
    cut.link_ids.push_back(ep.link_id);
  }
  for (const NetTrunk& t : g.trunks) {
    if (side_a[t.a] == side_a[t.b]) continue;
    for (const NetLink& l : t.links) cut.link_ids.push_back(l.id);
    cut.capacity_bps += t.capacity_bps;
  }
  return cut;
}

BisectionResult min_bisection_after(BisectionFlow& flow,
                                    const std::vector<BisectionCandidate>& candidates,
                                    const BisectionResult& intact, const NetFailure& failure,
                                    const std::vector<Bps>& max_loss_bps) {
  BisectionResult r;
  r.flows = intact.flows;
  // The least each candidate can still carry; the lowest first, so the best so far drops fast.
  std::vector<Bps> at_least(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i)
    at_least[i] = intact.flows[i] - max_loss_bps[i];
  std::vector<int> order(candidates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return at_least[a] < at_least[b]; });
  for (int i : order) {
    if (r.candidate >= 0 && at_least[i] >= r.bisection_bps) break;
    Bps f = flow.max_flow(candidates[i].in_a, failure);
    r.flows[i] = f;
    if (r.candidate < 0 || f < r.bisection_bps || (f == r.bisection_bps && i < r.candidate)) {
      r.bisection_bps = f;
      r.candidate = i;
    }
  }
  return r;
}

}  // namespace cf
