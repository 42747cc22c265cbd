#include "analysis/network.h"

#include <algorithm>

#include "analysis/network_bisection.h"
#include "analysis/network_flow.h"
#include "analysis/network_graph.h"
#include "analysis/network_paths.h"
#include "analysis/network_pods.h"
#include "analysis/network_problems.h"

namespace cf {

namespace {

void count_switches_and_links(const NetworkGraph& g, FabricReport& r) {
  r.tiers = g.tiers;
  r.gpus = static_cast<int>(g.endpoints.size());
  for (const NetSwitch& s : g.switches) {
    if (s.tier == 1)
      ++r.leaf_switches;
    else if (s.tier == 2)
      ++r.spine_switches;
    else if (s.tier >= 3)
      ++r.core_switches;
    else
      ++r.unreached_switches;
  }
  r.links_server_leaf = static_cast<int>(g.endpoints.size());
  r.links_non_gpu = g.non_gpu_links;
  for (const NetTrunk& t : g.trunks) {
    auto [lo, hi] = std::minmax(g.switches[t.a].tier, g.switches[t.b].tier);
    int n = static_cast<int>(t.links.size());
    if (lo == 1 && hi == 2)
      r.links_leaf_spine += n;
    else if (lo == 2 && hi == 3)
      r.links_spine_core += n;
    else
      r.links_other_switch += n;
  }
}

// Oversubscription of a switch = capacity down to the tier below (a leaf: its GPU endpoint links)
// / capacity up to the tier above (Al-Fares et al., SIGCOMM 2008). A tier: its worst switch, and
// the tier's total down / total up.
void oversubscription(const NetworkGraph& g, int tier, std::optional<double>& worst,
                      std::string& worst_id, std::optional<double>& total) {
  double down_sum = 0, up_sum = 0;
  for (std::size_t s = 0; s < g.switches.size(); ++s) {
    const NetSwitch& sw = g.switches[s];
    if (sw.tier != tier) continue;
    DownUp du = switch_down_up(g, static_cast<int>(s));
    double down = static_cast<double>(du.down_bps), up = static_cast<double>(du.up_bps);
    if (up <= 0) continue;  // the top tier has nothing above it
    down_sum += down;
    up_sum += up;
    if (!worst || down / up > *worst) {
      worst = down / up;
      worst_id = sw.id;
    }
  }
  if (up_sum > 0) total = down_sum / up_sum;
}

std::string endpoint_name(const NetEndpoint& e) {
  return e.server_id + ":" + e.port;
}

// Three representative GPU pairs from the first endpoint: same rail (on its leaf when another
// server's GPU of that rail is there), another rail, another pod.
void ecmp_samples(const NetworkGraph& g, const LeafPods& pods, FabricReport& r) {
  if (g.endpoints.size() < 2) return;
  const NetEndpoint& first = g.endpoints[0];
  auto sample = [&](int e) {
    PathCount pc = leaf_paths(g, first.leaf, g.endpoints[e].leaf);
    return EcmpSample{endpoint_name(first), endpoint_name(g.endpoints[e]), pc.hops, pc.paths};
  };
  int same = -1, other_rail = -1, other_pod = -1;
  for (std::size_t i = 1; i < g.endpoints.size(); ++i) {
    const NetEndpoint& e = g.endpoints[i];
    int ei = static_cast<int>(i);
    if (e.rail == first.rail && e.server != first.server &&
        (same < 0 || (e.leaf == first.leaf && g.endpoints[same].leaf != first.leaf)))
      same = ei;
    if (e.rail != first.rail && other_rail < 0) other_rail = ei;
    if (other_pod < 0 && pods.pod_of_switch[e.leaf] != pods.pod_of_switch[first.leaf])
      other_pod = ei;
  }
  if (same >= 0) r.same_rail = sample(same);
  if (other_rail >= 0) r.other_rail = sample(other_rail);
  if (other_pod >= 0) r.other_pod = sample(other_pod);
}

// The switch of `tier` carrying the most capacity (the first of equals in file order).
int most_loaded_switch(const NetworkGraph& g, int tier) {
  int best = -1;
  Bps best_load = -1;
  for (std::size_t s = 0; s < g.switches.size(); ++s) {
    if (g.switches[s].tier != tier) continue;
    Bps load = 0;
    for (int e : g.switches[s].endpoints) load += g.endpoints[e].capacity_bps;
    for (int t : g.switches[s].trunks) load += g.trunks[t].capacity_bps;
    if (load > best_load || (load == best_load && g.switches[s].order < g.switches[best].order))
      best = static_cast<int>(s), best_load = load;
  }
  return best;
}

// Capacity per direction a switch's failure removes: all its links.
Bps switch_capacity(const NetworkGraph& g, int s) {
  Bps c = 0;
  for (int e : g.switches[s].endpoints) c += g.endpoints[e].capacity_bps;
  for (int t : g.switches[s].trunks) c += g.trunks[t].capacity_bps;
  return c;
}

// An element whose failure the report evaluates, and the capacity per direction it removes.
struct Failure {
  FailureImpact FabricReport::*impact;
  std::string element_id;
  NetFailure failure;
  Bps capacity_bps = 0;
};

// The most loaded spine, the most loaded leaf, and that leaf's first uplink (file order): known
// from the graph alone, so the intact max flows can note what each would cut off.
std::vector<Failure> failures_to_evaluate(const NetworkGraph& g) {
  std::vector<Failure> out;
  if (int spine = most_loaded_switch(g, 2); spine >= 0)
    out.push_back({&FabricReport::spine_failure, g.switches[spine].id, NetFailure{spine, -1, 0},
                   switch_capacity(g, spine)});
  int leaf = most_loaded_switch(g, 1);
  if (leaf < 0) return out;
  out.push_back({&FabricReport::leaf_failure, g.switches[leaf].id, NetFailure{leaf, -1, 0},
                 switch_capacity(g, leaf)});
  int trunk = -1;
  for (int t : g.switches[leaf].trunks) {
    if (g.switches[g.trunks[t].other(leaf)].tier != 2) continue;
    if (trunk < 0 || g.trunks[t].links.front().index < g.trunks[trunk].links.front().index)
      trunk = t;
  }
  if (trunk < 0) return out;
  const NetLink& link = g.trunks[trunk].links.front();
  out.push_back({&FabricReport::link_failure, link.id, NetFailure{-1, trunk, link.capacity_bps},
                 link.capacity_bps});
  return out;
}

std::vector<NetFailure> net_failures(const std::vector<Failure>& failures) {
  std::vector<NetFailure> out;
  for (const Failure& f : failures) out.push_back(f.failure);
  return out;
}

// A candidate's flow drops by at most the capacity the failure removes (a cut loses at most
// that) and by at most the flow the failure cuts off from its intact max flow.
void evaluate_failures(BisectionFlow& flow, const std::vector<BisectionCandidate>& candidates,
                       const BisectionResult& intact, const std::vector<Failure>& failures,
                       FabricReport& r) {
  if (candidates.empty()) return;
  for (std::size_t k = 0; k < failures.size(); ++k) {
    const Failure& f = failures[k];
    std::vector<Bps> max_loss(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i)
      max_loss[i] = std::min(f.capacity_bps, intact.lost_to_watched[k][i]);
    FailureImpact& impact = r.*f.impact;
    impact.element_id = f.element_id;
    impact.bisection_bps = static_cast<double>(
        min_bisection_after(flow, candidates, intact, f.failure, max_loss).bisection_bps);
    impact.drop_bps = r.bisection_bps - *impact.bisection_bps;
  }
}

// Effective scale-out bandwidth per GPU (docs/methods.md): all-to-all is bounded by the
// bisection, min(rate, B / (N/2)) (Dally & Towles 2004, ch. 3, bisection bound); all-reduce runs
// within rails at the link rate (Patarasuk & Yuan 2009), divided by the oversubscription of each
// tier a rail's traffic must cross.
void effective_bandwidth(const NetworkGraph& g, const LeafPods& pods, FabricReport& r) {
  std::size_t half = g.endpoints.size() / 2;
  if (half == 0) return;
  r.all_to_all_bps_per_gpu = std::min(r.gpu_link_bps, r.bisection_bps / static_cast<double>(half));
  bool crosses_leaf = false, crosses_pod = false;
  std::vector<int> rail_leaf, rail_pod;  // per rail: the first leaf / pod seen
  for (const NetEndpoint& e : g.endpoints) {
    if (static_cast<int>(rail_leaf.size()) <= e.rail) {
      rail_leaf.resize(e.rail + 1, -1);
      rail_pod.resize(e.rail + 1, -1);
    }
    int pod = pods.pod_of_switch[e.leaf];
    if (rail_leaf[e.rail] < 0) rail_leaf[e.rail] = e.leaf, rail_pod[e.rail] = pod;
    crosses_leaf |= rail_leaf[e.rail] != e.leaf;
    crosses_pod |= rail_pod[e.rail] != pod;
  }
  double factor = 1;
  if (crosses_leaf) factor *= std::max(1.0, r.oversubscription_leaf.value_or(1.0));
  if (crosses_pod) factor *= std::max(1.0, r.oversubscription_spine.value_or(1.0));
  r.all_reduce_bps_per_gpu = r.gpu_link_bps / factor;
}

FabricReport analyze_fabric(const Design& design, const DesignPorts& ports, const Fabric& fabric,
                            std::vector<Problem>& problems, bool bandwidth_only) {
  FabricReport r;
  r.id = fabric.id;
  r.name = fabric.name;
  NetworkGraph g = build_network_graph(design, ports, fabric);
  count_switches_and_links(g, r);
  oversubscription(g, 1, r.oversubscription_leaf, r.worst_leaf_id, r.oversubscription_leaf_total);
  oversubscription(g, 2, r.oversubscription_spine, r.worst_spine_id,
                   r.oversubscription_spine_total);

  // The per-GPU rate: the median endpoint link capacity (the lower middle: an actual link rate).
  std::vector<Bps> rates;
  rates.reserve(g.endpoints.size());
  for (const auto& e : g.endpoints) rates.push_back(e.capacity_bps);
  if (!rates.empty()) {
    auto middle = rates.begin() + static_cast<std::ptrdiff_t>((rates.size() - 1) / 2);
    std::nth_element(rates.begin(), middle, rates.end());
    r.gpu_link_bps = static_cast<double>(*middle);
  }
  const std::size_t half = g.endpoints.size() / 2;
  r.full_bisection_bps = static_cast<double>(half) * r.gpu_link_bps;

  LeafPods pods = find_leaf_pods(g);
  std::vector<BisectionCandidate> candidates = bisection_candidates(g, design, pods);
  BisectionFlow flow(g);
  // The failures' lost flows are noted during the intact max flows, only when they will be used.
  const std::vector<Failure> failures = bandwidth_only ? std::vector<Failure>{} : failures_to_evaluate(g);
  BisectionResult best = min_bisection(flow, candidates, {}, net_failures(failures));
  for (std::size_t i = 0; i < candidates.size(); ++i)
    r.candidates.push_back(
        {candidates[i].name, candidates[i].split, static_cast<double>(best.flows[i])});
  if (best.candidate >= 0) {
    r.bisection_bps = static_cast<double>(best.bisection_bps);
    r.cut_candidate = candidates[best.candidate].name;
    r.cut_split = candidates[best.candidate].split;
    r.cut_gpus_a = static_cast<int>(half);
    r.cut_gpus_b = static_cast<int>(g.endpoints.size() - half);
    if (!bandwidth_only) r.cut_link_ids = min_cut(g, candidates[best.candidate], best.cut_side_a).link_ids;
  }
  if (bandwidth_only) {
    effective_bandwidth(g, pods, r);
    return r;
  }
  r.diameter_hops = diameter_hops(g);
  ecmp_samples(g, pods, r);
  evaluate_failures(flow, candidates, best, failures, r);
  effective_bandwidth(g, pods, r);
  check_network_intent(fabric, g, r, problems);
  return r;
}

NetworkReport analyze_compute_fabrics(const Design& design, const DesignPorts& ports, bool bandwidth_only) {
  NetworkReport report;
  for (const Fabric& fabric : design.fabrics)
    if (fabric.kind == FabricKind::Compute)
      report.fabrics.push_back(analyze_fabric(design, ports, fabric, report.problems, bandwidth_only));
  return report;
}

}  // namespace

NetworkReport analyze_network(const Design& design, const Catalog& catalog) {
  return analyze_network(design, DesignPorts(design, catalog));
}

NetworkReport analyze_network(const Design& design, const DesignPorts& ports) {
  return analyze_compute_fabrics(design, ports, false);
}

NetworkReport analyze_network_bandwidth(const Design& design, const Catalog& catalog) {
  return analyze_compute_fabrics(design, DesignPorts(design, catalog), true);
}

}  // namespace cf
