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

// A port name resolved on a device: the physical port is (group, index), e.g. p12 of "p12/2".
struct ResolvedPort {
  const PortGroup* group = nullptr;
  int index = 0;  // 1-based within the group
  int lane = 0;   // 0 for a whole port
  double speed_bps = 0;

  std::string physical() const { return group->name + std::to_string(index); }  // "p12"
};

// Resolves `name` on `device` (whose catalog entry is `spec`). On failure returns nullopt and,
// when `why` is given, the reason.
std::optional<ResolvedPort> resolve_port(const Mountable& spec, const Device& device,
                                         std::string_view name, std::string* why = nullptr);

// The group a port name prefix names (the first of that name), or nullptr.
const PortGroup* find_port_group(const Mountable& spec, std::string_view name);

// Lanes the device's breakout configuration gives a physical port (1 when not split).
int lanes_of(const Device& device, std::string_view prefix, int index);

// Whether two resolved ports of one device use the same physical port or lane.
bool ports_conflict(const ResolvedPort& a, const ResolvedPort& b);

// Checks a device's breakout rules against its catalog ports; returns the reason of the first
// bad rule.
std::optional<std::string> check_breakouts(const Mountable& spec, const Device& device);

// Every usable port name of the device, in catalog order.
std::vector<std::string> port_names(const Mountable& spec, const Device& device);

}  // namespace cf
