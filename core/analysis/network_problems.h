#pragma once
// Problems where a fabric's wiring departs from its intent (docs/file-formats.md):
// "oversubscription-over-intent" and "rail-miswired".

#include <vector>

#include "analysis/network_graph.h"
#include "analysis/network_report.h"
#include "design/design.h"

namespace cf {

void check_network_intent(const Fabric& fabric, const NetworkGraph& graph,
                          const FabricReport& report, std::vector<Problem>& problems);

}  // namespace cf
