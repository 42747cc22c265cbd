#pragma once
// A link the user is about to add, cabled the way the generator cables: length from the two
// racks' floor positions (docs/methods.md, "Cabling"), medium picked for the slower port's speed
// and that length, the fabric of the links the devices already have, and a fresh id.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

// Port names of the device that no link of the design uses (a lane of a split port counts as
// used when it, or its whole port, is linked), in catalog order. Empty for an unknown device.
std::vector<std::string> free_ports(const Design& design, const Catalog& catalog, std::string_view device_id);

// The link from `a` to `b` with id, medium, length and fabric filled in. nullopt with the reason
// when a port does not resolve or no catalog medium reaches; whether the link is allowed at all
// (ports free, speeds compatible) is the connect edit's check.
std::optional<Link> propose_link(const Design& design, const Catalog& catalog, const PortRef& a, const PortRef& b,
                                 std::string* why = nullptr);

}  // namespace cf
