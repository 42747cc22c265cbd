#pragma once
// The one table of role colours (Okabe & Ito 2008, "Color Universal Design": colour-blind safe)
// for the kind of equipment: compute servers, switches, storage, management, power, cooling. The
// GUI (ui/role_palette.h) and every export (DOT, draw.io, NetBox device roles) read it here.

#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/catalog.h"

namespace cf {

enum class DeviceRole { Compute, Switch, Storage, Management, Power, Cooling, Other };
inline constexpr int kDeviceRoleCount = 7;

// The role of a mounted catalog entry; Other when the id is unknown.
DeviceRole device_role(const Catalog& catalog, std::string_view catalog_id);

// English name ("Compute") and slug ("compute") of a role.
std::string_view device_role_name(DeviceRole role);
std::string_view device_role_slug(DeviceRole role);

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  // "#0072b2"
  std::string hex() const;
  bool operator==(const Rgb&) const = default;
};

Rgb role_rgb(DeviceRole role);

// The boxes of the topology view by tier (0 servers, 1 leaves, 2 spines, 3+ cores): servers in
// the compute colour, switches in the switch hue, lighter for leaves and darker for cores, each
// with a darker outline and a legible text colour.
struct TierColors {
  Rgb fill, stroke, text;
};
TierColors topology_tier_colors(int tier);

}  // namespace cf
