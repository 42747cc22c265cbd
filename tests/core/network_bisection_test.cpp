// The max flow's failure bounds and the pruned failure evaluation, against brute force on
// hand-built fabrics: with every switch and every trunk failed in turn, min_bisection_after gives
// exactly the minimum that running every candidate gives.

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/network_bisection.h"
#include "analysis/network_flow.h"
#include "analysis/network_graph.h"
#include "analysis/network_pods.h"
#include "network_test_support.h"

namespace cf {
namespace {

struct BuiltFabric {
  Design design;
  NetworkGraph graph;
  std::vector<BisectionCandidate> candidates;

  explicit BuiltFabric(Design d) : design(std::move(d)) {
    graph = build_network_graph(design, test::network_test_catalog(), design.fabrics.at(0));
    candidates = bisection_candidates(graph, design, find_leaf_pods(graph));
  }
};

// Every single-switch failure and every single-link loss of a trunk.
std::vector<NetFailure> all_failures(const NetworkGraph& g) {
  std::vector<NetFailure> out;
  for (std::size_t s = 0; s < g.switches.size(); ++s) out.push_back({static_cast<int>(s), -1, 0});
  for (std::size_t t = 0; t < g.trunks.size(); ++t)
    out.push_back({-1, static_cast<int>(t), g.trunks[t].links.front().capacity_bps});
  return out;
}

void expect_pruned_minimum_exact(const BuiltFabric& f) {
  ASSERT_FALSE(f.candidates.empty());
  BisectionFlow flow(f.graph);
  const std::vector<NetFailure> failures = all_failures(f.graph);
  const BisectionResult intact = min_bisection(flow, f.candidates, {}, failures);
  ASSERT_EQ(intact.lost_to_watched.size(), failures.size());
  for (std::size_t k = 0; k < failures.size(); ++k) {
    const Bps brute = min_bisection(flow, f.candidates, failures[k]).bisection_bps;
    // The bound alone, then the bound as the analysis uses it (with the removed capacity).
    const BisectionResult pruned =
        min_bisection_after(flow, f.candidates, intact, failures[k], intact.lost_to_watched[k]);
    EXPECT_EQ(pruned.bisection_bps, brute) << "failure " << k;
    for (std::size_t i = 0; i < f.candidates.size(); ++i) {
      // What the failure cuts off is never more than the flow itself.
      EXPECT_GE(intact.lost_to_watched[k][i], 0);
      EXPECT_LE(intact.lost_to_watched[k][i], intact.flows[i]);
      // and the flow after the failure is at least the flow minus it.
      EXPECT_GE(flow.max_flow(f.candidates[i].in_a, failures[k]),
                intact.flows[i] - intact.lost_to_watched[k][i]);
    }
  }
}

TEST(NetworkBisection, PrunedFailuresGiveTheBruteForceMinimumOnAFatTree) {
  expect_pruned_minimum_exact(BuiltFabric(test::fat_tree(4)));
}

TEST(NetworkBisection, PrunedFailuresGiveTheBruteForceMinimumOnAnOversubscribedClos) {
  expect_pruned_minimum_exact(BuiltFabric(test::two_tier(4, 14, 2)));
}

// Two leaves of 14 hosts at 100G, 2 spines, one 100G uplink per leaf and spine: by leaf, the
// halves are the leaves and the flow is the 2 uplinks' 200G, one through each spine.
TEST(NetworkBisection, AFailedSwitchCutsOffTheFlowThroughIt) {
  BuiltFabric f(test::two_tier(2, 14, 2));
  BisectionFlow flow(f.graph);
  const auto by_leaf = std::find_if(f.candidates.begin(), f.candidates.end(),
                                    [](const BisectionCandidate& c) { return c.name == "by leaf"; });
  ASSERT_NE(by_leaf, f.candidates.end());
  EXPECT_EQ(flow.max_flow(by_leaf->in_a), 2 * 100'000'000'000LL);
  int spine = -1, leaf = -1;
  for (std::size_t s = 0; s < f.graph.switches.size(); ++s)
    (f.graph.switches[s].tier == 2 ? spine : leaf) = static_cast<int>(s);
  EXPECT_EQ(flow.flow_lost_to({spine, -1, 0}), 100'000'000'000LL);
  // Either leaf: all 200G pass through it.
  EXPECT_EQ(flow.flow_lost_to({leaf, -1, 0}), 2 * 100'000'000'000LL);
  // A trunk of one 100G link losing it: its 100G of flow is cut off.
  EXPECT_EQ(flow.flow_lost_to({-1, 0, 100'000'000'000LL}), 100'000'000'000LL);
  // Losing 40G of it: 40G no longer fits.
  EXPECT_EQ(flow.flow_lost_to({-1, 0, 40'000'000'000LL}), 40'000'000'000LL);
}

TEST(NetworkBisection, TheCutOfTheBestCandidateIsRecordedWithIt) {
  BuiltFabric f(test::two_tier(4, 14, 2));
  BisectionFlow flow(f.graph);
  const BisectionResult best = min_bisection(flow, f.candidates);
  ASSERT_GE(best.candidate, 0);
  const BisectionCut cut = min_cut(f.graph, f.candidates[best.candidate], best.cut_side_a);
  EXPECT_EQ(cut.capacity_bps, best.bisection_bps);  // max-flow min-cut
  // Recomputed from a fresh max flow of that candidate: the same cut.
  flow.max_flow(f.candidates[best.candidate].in_a);
  EXPECT_EQ(min_cut(f.graph, f.candidates[best.candidate], flow.min_cut_side_a()).link_ids,
            cut.link_ids);
}

}  // namespace
}  // namespace cf
