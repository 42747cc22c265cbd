#pragma once
// Checks a design against the catalog and reports every Problem found.

#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/problem.h"

namespace cf {

std::vector<Problem> validate(const Design& design, const Catalog& catalog);

}  // namespace cf
