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
};

BisectionResult min_bisection(BisectionFlow& flow,
                              const std::vector<BisectionCandidate>& candidates,
                              const NetFailure& failure = {});

// A minimum cut between the halves of `candidate`: the links whose ends lie on different sides —
// GPU endpoint links whose GPU and leaf are apart, and every link of a trunk between switches that
// are apart. Its capacity equals the max flow (max-flow min-cut, Ford & Fulkerson 1956). Runs
// one max flow on the intact fabric.
struct BisectionCut {
  Bps capacity_bps = 0;                // per direction
  std::vector<std::string> link_ids;   // endpoint links by endpoint order, then trunk links
};
BisectionCut min_cut(BisectionFlow& flow, const NetworkGraph& graph,
                     const BisectionCandidate& candidate);

// The minimum after a failure that removes at most `max_loss_bps` of capacity per direction, given
// the intact fabric's result: a candidate's flow drops by at most that much (a cut loses at most
// the capacity removed), so candidates that cannot beat the best so far are skipped (their
// `flows` entry is left at the intact value). Same minimum as min_bisection, fewer max-flows.
BisectionResult min_bisection_after(BisectionFlow& flow,
                                    const std::vector<BisectionCandidate>& candidates,
                                    const BisectionResult& intact, const NetFailure& failure,
                                    Bps max_loss_bps);

}  // namespace cf
