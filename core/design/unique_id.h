#pragma once
// Fresh ids for objects the user adds (a device dropped into a rack): `stem-N` with the smallest
// N >= 1 that no object of the design uses, so ids stay unique across the whole design.

#include <string>
#include <string_view>

#include "design/design.h"

namespace cf {

std::string unique_id(const Design& design, std::string_view stem);

}  // namespace cf
