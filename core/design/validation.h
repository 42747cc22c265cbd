#pragma once
// Checks a design against the catalog and reports every Problem found.

#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/design_ports.h"
#include "design/problem.h"

namespace cf {

std::vector<Problem> validate(const Design& design, const Catalog& catalog);
// The same, with the design's ports already resolved (analyze_design shares them).
std::vector<Problem> validate(const Design& design, const Catalog& catalog,
                              const DesignPorts& ports);

}  // namespace cf
