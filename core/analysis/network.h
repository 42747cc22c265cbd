#pragma once
// Network analysis (docs/methods.md, "Network analysis"): for each compute fabric of a design,
// the switch tiers found from its wiring, oversubscription per tier, bisection bandwidth by max
// flow, ECMP paths and diameter, the impact of one failure, and the effective scale-out bandwidth
// per GPU; plus the Problems where the wiring departs from the fabric's intent.

#include "analysis/network_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "design/design_ports.h"

namespace cf {

NetworkReport analyze_network(const Design& design, const Catalog& catalog);
// The same, with the design's ports already resolved (analyze_design shares them).
NetworkReport analyze_network(const Design& design, const DesignPorts& ports);

// The same up to the effective bandwidth per GPU, which is what a training projection needs
// (core/training/cluster): tiers, counts, oversubscription, bisection and the bandwidths equal
// analyze_network's; the minimum cut's links, diameter, ECMP samples, failure impacts and
// Problems are left empty (about a third of the analysis of the 100,000-GPU sample).
NetworkReport analyze_network_bandwidth(const Design& design, const Catalog& catalog);

}  // namespace cf
