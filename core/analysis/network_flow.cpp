#include "analysis/network_flow.h"

// GCC 12+ flags a false "maybe uninitialized" inside Boost.Graph's edge iterator (a
// boost::optional member) once it is inlined here; the warning is in Boost, not in this file.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <deque>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <boost/property_map/property_map.hpp>

namespace cf {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Edge = Traits::edge_descriptor;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, Bps,
                    boost::property<boost::edge_residual_capacity_t, Bps,
                                    boost::property<boost::edge_reverse_t, Edge>>>>;

}  // namespace

struct BisectionFlow::Impl {
  const NetworkGraph& net;
  FlowGraph g;
  std::size_t source = 0, sink = 0;
  std::vector<std::pair<Edge, Edge>> trunk_edges;  // per trunk: a → b and b → a
  std::vector<Edge> source_edge, sink_edge;        // per switch (leaves only are used)
  std::vector<Edge> zero_edges;                    // reverse arcs (capacity 0)
  std::vector<boost::default_color_type> color;
  std::vector<long> distance;
  std::vector<Edge> predecessor;

  explicit Impl(const NetworkGraph& n) : net(n), g(n.switches.size() + 2) {
    source = n.switches.size();
    sink = source + 1;
    auto reverse = get(boost::edge_reverse, g);
    auto add_pair = [&](std::size_t u, std::size_t v) {
      Edge e1 = add_edge(u, v, g).first;
      Edge e2 = add_edge(v, u, g).first;
      reverse[e1] = e2;
      reverse[e2] = e1;
      return std::pair(e1, e2);
    };
    // A full-duplex link of capacity c: an arc each way of capacity c, each with its own
    // zero-capacity reverse arc (push-relabel's preflow-to-flow step expects that form).
    for (const NetTrunk& t : n.trunks) {
      auto [ab, ab_back] = add_pair(t.a, t.b);
      auto [ba, ba_back] = add_pair(t.b, t.a);
      trunk_edges.emplace_back(ab, ba);
      zero_edges.push_back(ab_back);
      zero_edges.push_back(ba_back);
    }
    source_edge.resize(n.switches.size());
    sink_edge.resize(n.switches.size());
    for (std::size_t s = 0; s < n.switches.size(); ++s) {
      if (n.switches[s].endpoints.empty()) continue;
      auto [in, in_back] = add_pair(source, s);
      auto [out, out_back] = add_pair(s, sink);
      source_edge[s] = in;
      sink_edge[s] = out;
      zero_edges.push_back(in_back);
      zero_edges.push_back(out_back);
    }
    color.resize(num_vertices(g));
    distance.resize(num_vertices(g));
    predecessor.resize(num_vertices(g));
  }

  // Max flow = min cut (Ford & Fulkerson 1956), by push-relabel (Goldberg & Tarjan 1988).
  Bps run(const std::vector<char>& in_a, const NetFailure& failure) {
    auto cap = get(boost::edge_capacity, g);
    for (std::size_t t = 0; t < net.trunks.size(); ++t) {
      const NetTrunk& trunk = net.trunks[t];
      Bps c = trunk.capacity_bps;
      if (static_cast<int>(t) == failure.trunk) c = std::max<Bps>(0, c - failure.trunk_loss_bps);
      if (trunk.a == failure.switch_index || trunk.b == failure.switch_index) c = 0;
      cap[trunk_edges[t].first] = c;
      cap[trunk_edges[t].second] = c;
    }
    for (Edge e : zero_edges) cap[e] = 0;
    for (std::size_t s = 0; s < net.switches.size(); ++s) {
      const auto& eps = net.switches[s].endpoints;
      if (eps.empty()) continue;
      Bps a = 0, b = 0;
      if (static_cast<int>(s) != failure.switch_index)
        for (int e : eps) (in_a[e] ? a : b) += net.endpoints[e].capacity_bps;
      cap[source_edge[s]] = a;
      cap[sink_edge[s]] = b;
    }
    return boost::push_relabel_max_flow(g, source, sink, cap, get(boost::edge_residual_capacity, g),
                                        get(boost::edge_reverse, g), get(boost::vertex_index, g));
  }

  // The source side of the minimum cut closest to the source (Ford & Fulkerson 1956): what the
  // residual network reaches from the source.
  std::vector<char> source_side() const {
    auto residual = get(boost::edge_residual_capacity, g);
    std::vector<char> seen(num_vertices(g), 0);
    std::deque<std::size_t> queue{source};
    seen[source] = 1;
    while (!queue.empty()) {
      std::size_t v = queue.front();
      queue.pop_front();
      for (auto [e, end] = out_edges(v, g); e != end; ++e) {
        std::size_t w = target(*e, g);
        if (!seen[w] && residual[*e] > 0) {
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

}  // namespace cf
