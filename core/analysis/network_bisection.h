#pragma once
// Bisection bandwidth: the smallest max-flow found between two equal halves of the GPU endpoints
// over a set of candidate bisections (by pod, leaf, row, rack position, rail, a spectral split and
// seeded random splits). The exact minimum bisection is NP-hard (Garey & Johnson 1979); the
// candidates are the cuts that matter in Clos fabrics, and each candidate's figure is exact.

#include <string>
#include <vector>

#include "analysis/network_flow.h"
#include "analysis/network_graph.h"
#include "analysis/network_pods.h"

namespace cf {

struct BisectionCandidate {
  std::string name;        // "by rail"
  std::string split;       // how it splits the GPUs: "rails 1-4 | 5-8"
  std::vector<char> in_a;  // per endpoint: 1 in half A (floor(N/2) endpoints), 0 in half B
};

// The candidates, deterministic, duplicates removed; empty when there are fewer than 2 endpoints.
std::vector<BisectionCandidate> bisection_candidates(const NetworkGraph& graph,
                                                     const Design& design, const LeafPods& pods);

struct BisectionResult {
  Bps bisection_bps = 0;   // the minimum over the candidates
  int candidate = -1;      // which one gave it (the first of equals)
  std::vector<Bps> flows;  // per candidate
  // Per switch, the half-A side of the minimum cut of `candidate` (BisectionFlow::min_cut_side_a).
  std::vector<char> cut_side_a;
  // Per watched failure, per candidate: the flow the failure would cut off from that candidate's
  // max flow (BisectionFlow::flow_lost_to).
  std::vector<std::vector<Bps>> lost_to_watched;
};

// Runs the max flow of every candidate; `watched` are failures to be evaluated afterwards with
// min_bisection_after.
BisectionResult min_bisection(BisectionFlow& flow,
                              const std::vector<BisectionCandidate>& candidates,
                              const NetFailure& failure = {},
                              const std::vector<NetFailure>& watched = {});

// A minimum cut between the halves of `candidate`, given the min_cut_side_a of its max flow: the
// links whose ends lie on different sides — GPU endpoint links whose GPU and leaf are apart, and
// every link of a trunk between switches that are apart. Its capacity equals the max flow
// (max-flow min-cut, Ford & Fulkerson 1956).
struct BisectionCut {
  Bps capacity_bps = 0;                // per direction
  std::vector<std::string> link_ids;   // endpoint links by endpoint order, then trunk links
};
BisectionCut min_cut(const NetworkGraph& graph, const BisectionCandidate& candidate,
                     const std::vector<char>& side_a);

// The minimum after a failure, given the intact fabric's result and, per candidate, how much the
// failure can take from its flow at most (`max_loss_bps`: the capacity the failure removes per
// direction, since a cut loses at most that, or the flow it cuts off from the intact max flow,
// since the rest of that flow still gets through). Candidates whose flow minus that bound cannot
// beat the best so far are skipped (their `flows` entry is left at the intact value, and
// `candidate` is one that gives the minimum). Same minimum as min_bisection, fewer max flows.
BisectionResult min_bisection_after(BisectionFlow& flow,
                                    const std::vector<BisectionCandidate>& candidates,
                                    const BisectionResult& intact, const NetFailure& failure,
                                    const std::vector<Bps>& max_loss_bps);

}  // namespace cf
