#pragma once
// Finding a device's ports by role, and how many endpoints of a speed one port carries.

#include "catalog/catalog_types.h"

namespace cf {

// The first port group with `role`, or nullptr.
inline const PortGroup* group_with_role(const Mountable& m, PortRole role) {
  for (const auto& g : m.ports)
    if (g.role == role) return &g;
  return nullptr;
}

// Endpoints of `bps` per port of `g`: 1 when the speeds match, the lanes of a breakout at that
// speed, 0 when the port cannot carry them.
inline int endpoints_per_port(const PortGroup& g, double bps) {
  if (g.speed_bps == bps) return 1;
  for (const auto& b : g.breakouts)
    if (b.speed_bps == bps) return b.lanes;
  return 0;
}

}  // namespace cf
