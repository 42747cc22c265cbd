#pragma once
// Upgrades older design documents to the current format version, one version at a time.

#include <string>
#include <vector>

#include "io/json_reader.h"

namespace cf {

// Applies every step from the document's version to `to_version`; returns the upgraded document
// and appends one line per step to `log`. Throws LoadError when a step cannot apply.
Json migrate_design(Json doc, int from_version, int to_version, std::vector<std::string>* log);

}  // namespace cf
