#include "analysis/network_flow.h"

// GCC 12+ flags a false "maybe uninitialized" inside Boost.Graph's edge iterator (a
// boost::optional member) once it is inlined here; the warning is in Boost, not in this file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <algorithm>
#include <deque>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <boost/property_map/property_map.hpp>

namespace cf {

namespace {

struct Arc {
  Bps capacity = 0, residual = 0;
};
// Compressed sparse rows: the arcs of a vertex and their capacities lie next to each other, which
// the max flow runs over many times per analysis (a 100,000-GPU fabric has ~500,000 arcs).
using FlowGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc>;
using Edge = boost::graph_traits<FlowGraph>::edge_descriptor;

// Arcs in the order they are added; each is paired with its reverse (index ^ 1).
struct ArcList {
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  // Adds u → v (capacity set per run) and its zero-capacity reverse; returns the first's index.
  std::size_t add_pair(std::size_t u, std::size_t v) {
    ends.emplace_back(u, v);
    ends.emplace_back(v, u);
    return ends.size() - 2;
  }
};

}  // namespace

struct BisectionFlow::Impl {
  const NetworkGraph& net;
  std::size_t source = 0, sink = 0;
  FlowGraph g;
  std::vector<Edge> edge;     // by the order arcs were added
  std::vector<Edge> reverse;  // by CSR edge index
  std::vector<std::pair<std::size_t, std::size_t>> trunk_arcs;  // per trunk: a → b, b → a
  std::vector<std::size_t> source_arc, sink_arc;                // per switch (leaves only)

  explicit Impl(const NetworkGraph& n) : net(n) {
    source = n.switches.size();
    sink = source + 1;
    const std::size_t vertices = n.switches.size() + 2;
    // A full-duplex link of capacity c: an arc each way of capacity c, each with its own
    // zero-capacity reverse arc (push-relabel's preflow-to-flow step expects that form).
    ArcList arcs;
    arcs.ends.reserve(4 * n.trunks.size() + 4 * n.switches.size());
    for (const NetTrunk& t : n.trunks)
      trunk_arcs.emplace_back(arcs.add_pair(t.a, t.b), arcs.add_pair(t.b, t.a));
    source_arc.resize(n.switches.size());
    sink_arc.resize(n.switches.size());
    for (std::size_t s = 0; s < n.switches.size(); ++s) {
      if (n.switches[s].endpoints.empty()) continue;
      source_arc[s] = arcs.add_pair(source, s);
      sink_arc[s] = arcs.add_pair(s, sink);
    }
    // Rows by source vertex, arcs of one vertex in the order added (a stable counting sort), so
    // that each added arc's row position is known.
    std::vector<std::size_t> row_start(vertices + 1, 0), position(arcs.ends.size());
    for (const auto& [u, v] : arcs.ends) ++row_start[u + 1];
    for (std::size_t v = 0; v < vertices; ++v) row_start[v + 1] += row_start[v];
    std::vector<std::pair<std::size_t, std::size_t>> sorted(arcs.ends.size());
    for (std::size_t i = 0; i < arcs.ends.size(); ++i) {
      position[i] = row_start[arcs.ends[i].first]++;
      sorted[position[i]] = arcs.ends[i];
    }
    g = FlowGraph(boost::edges_are_sorted, sorted.begin(), sorted.end(), vertices);
    std::vector<Edge> by_index;
    by_index.reserve(sorted.size());
    for (auto [e, end] = edges(g); e != end; ++e) by_index.push_back(*e);
    edge.resize(arcs.ends.size());
    reverse.resize(arcs.ends.size());
    for (std::size_t i = 0; i < arcs.ends.size(); ++i) {
      edge[i] = by_index[position[i]];
      reverse[position[i]] = by_index[position[i ^ 1]];
    }
  }

  // Max flow = min cut (Ford & Fulkerson 1956), by push-relabel (Goldberg & Tarjan 1988).
  Bps run(const std::vector<char>& in_a, const NetFailure& failure) {
    for (auto [e, end] = edges(g); e != end; ++e) g[*e].capacity = 0;
    for (std::size_t t = 0; t < net.trunks.size(); ++t) {
      const NetTrunk& trunk = net.trunks[t];
      Bps c = trunk.capacity_bps;
      if (static_cast<int>(t) == failure.trunk) c = std::max<Bps>(0, c - failure.trunk_loss_bps);
      if (trunk.a == failure.switch_index || trunk.b == failure.switch_index) c = 0;
      g[edge[trunk_arcs[t].first]].capacity = c;
      g[edge[trunk_arcs[t].second]].capacity = c;
    }
    for (std::size_t s = 0; s < net.switches.size(); ++s) {
      const auto& eps = net.switches[s].endpoints;
      if (eps.empty()) continue;
      Bps a = 0, b = 0;
      if (static_cast<int>(s) != failure.switch_index)
        for (int e : eps) (in_a[e] ? a : b) += net.endpoints[e].capacity_bps;
      g[edge[source_arc[s]]].capacity = a;
      g[edge[sink_arc[s]]].capacity = b;
    }
    return boost::push_relabel_max_flow(
        g, source, sink, get(&Arc::capacity, g), get(&Arc::residual, g),
        boost::make_iterator_property_map(reverse.begin(), get(boost::edge_index, g)),
        get(boost::vertex_index, g));
  }

  Bps flow_on(const Edge& e) const { return std::max<Bps>(0, g[e].capacity - g[e].residual); }

  Bps lost_to(const NetFailure& failure) const {
    Bps lost = 0;
    if (failure.switch_index >= 0) {
      const auto s = static_cast<std::size_t>(failure.switch_index);
      for (auto [e, end] = out_edges(s, g); e != end; ++e) lost += flow_on(*e);
    }
    if (failure.trunk >= 0) {
      const Bps left =
          std::max<Bps>(0, net.trunks[failure.trunk].capacity_bps - failure.trunk_loss_bps);
      for (std::size_t arc : {trunk_arcs[failure.trunk].first, trunk_arcs[failure.trunk].second})
        lost += std::max<Bps>(0, flow_on(edge[arc]) - left);
    }
    return lost;
  }

  // The source side of the minimum cut closest to the source (Ford & Fulkerson 1956): what the
  // residual network reaches from the source.
  std::vector<char> source_side() const {
    std::vector<char> seen(num_vertices(g), 0);
    std::deque<std::size_t> queue{source};
    seen[source] = 1;
    while (!queue.empty()) {
      std::size_t v = queue.front();
      queue.pop_front();
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        std::size_t w = target(*e, g);
        if (!seen[w] && g[*e].residual > 0) {
          seen[w] = 1;
          queue.push_back(w);
        }
      }
    }
    seen.resize(net.switches.size());  // drop the source and sink
    return seen;
  }
};

BisectionFlow::BisectionFlow(const NetworkGraph& graph) : impl_(std::make_unique<Impl>(graph)) {}
BisectionFlow::~BisectionFlow() = default;

Bps BisectionFlow::max_flow(const std::vector<char>& in_a, const NetFailure& failure) {
  return impl_->run(in_a, failure);
}

std::vector<char> BisectionFlow::min_cut_side_a() const {
  return impl_->source_side();
}

Bps BisectionFlow::flow_lost_to(const NetFailure& failure) const {
  return impl_->lost_to(failure);
}

}  // namespace cf
