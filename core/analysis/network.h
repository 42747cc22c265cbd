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

}  // namespace cf
