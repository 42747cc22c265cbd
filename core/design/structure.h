#pragma once
// What makes a design representable at all: unique ids and references that resolve. A file that
// breaks these is refused on load (LoadError with the JSON path); everything else that can be
// wrong with a design is a Problem reported by validation.

#include "design/design.h"
#include "design/design_index.h"

namespace cf {

// Throws LoadError at the first broken rule.
void check_structure(const Design& design, const DesignIndex& index);

}  // namespace cf
