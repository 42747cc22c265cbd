#pragma once
// Maximum flow from one half of the GPU endpoints to the other over a fabric's switch graph:
// the bandwidth the fabric carries across that bisection (per direction). Endpoints are
// aggregated per leaf and parallel links are merged, so the flow network has one vertex per
// switch, whatever the number of GPUs.

#include <memory>
#include <vector>

#include "analysis/network_graph.h"

namespace cf {

// Elements taken out of service for a failure analysis.
struct NetFailure {
  int switch_index = -1;   // a failed switch: all its links and endpoints are lost
  int trunk = -1;          // a trunk that loses one link ...
  Bps trunk_loss_bps = 0;  // ... of this capacity
};

class BisectionFlow {
 public:
  explicit BisectionFlow(const NetworkGraph& graph);
  ~BisectionFlow();
  BisectionFlow(const BisectionFlow&) = delete;
  BisectionFlow& operator=(const BisectionFlow&) = delete;

  // Max flow from the endpoints with in_a[e] != 0 to the others, bit/s per direction.
  Bps max_flow(const std::vector<char>& in_a, const NetFailure& failure = {});

  // Per switch, after max_flow: 1 when it lies on the half-A side of a minimum cut (the switches
  // the residual network still reaches from half A), 0 on the half-B side.
  std::vector<char> min_cut_side_a() const;

  // After max_flow: the part of that flow that `failure` would cut off — all a failed switch
  // passes on, and what a weakened trunk carries beyond its remaining capacity. Whatever the
  // rerouting, the max flow with the failure is at least max_flow minus this.
  Bps flow_lost_to(const NetFailure& failure) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cf
