#pragma once
// The ports of a mounted device, from its catalog port groups and its breakout configuration.
// Port names are a group's name plus a 1-based index (`p12`); a port split into lanes is used
// through its lanes (`p12/1`, `p12/2`), never whole.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_types.h"
#include "design/design.h"

namespace cf {

struct ResolvedPort {
  const PortGroup* group = nullptr;
  std::string physical;  // the physical port: "p12" for "p12/2"
  int index = 0;         // 1-based within the group
  int lane = 0;          // 0 for a whole port
  double speed_bps = 0;
};

// Resolves `name` on `device` (whose catalog entry is `spec`). On failure returns nullopt and,
// when `why` is given, the reason.
std::optional<ResolvedPort> resolve_port(const Mountable& spec, const Device& device,
                                         std::string_view name, std::string* why = nullptr);

// Lanes the device's breakout configuration gives a physical port (1 when not split).
int lanes_of(const Device& device, const std::string& prefix, int index);

// Checks a device's breakout rules against its catalog ports; returns the reason of the first
// bad rule.
std::optional<std::string> check_breakouts(const Mountable& spec, const Device& device);

// Every usable port name of the device, in catalog order.
std::vector<std::string> port_names(const Mountable& spec, const Device& device);

}  // namespace cf
