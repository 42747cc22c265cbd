#pragma once
// Replaces every device of one catalog model by another ("every DGX H100 becomes a DGX H200"),
// keeping each device's id, rack, U, face and links: a quick variant of a design. The wiring is
// kept, so the swap is refused unless each new device still mounts where the old one stood and
// every port its links use exists on the new model with the same role and speed; anything else
// (another NIC rate, fewer ports) needs the fabric regenerated, not a swap.

#include <memory>
#include <string>

#include "design/edit.h"

namespace cf {

// One edit (one undo step), all or nothing. Refused when no device uses `from_catalog_id`, when
// `to_catalog_id` is unknown or of another kind, or when a device or link would break.
std::unique_ptr<Edit> replace_model(std::string from_catalog_id, std::string to_catalog_id);

}  // namespace cf
