#pragma once
// Our catalog's ports and media as NetBox choice values (slugs). Checked against NetBox's own
// netbox/dcim/choices.py (InterfaceTypeChoices, CableTypeChoices, DeviceStatusChoices,
// LinkStatusChoices, DeviceFaceChoices; NetBox 4.x, docs/exports.md): every value written here
// exists there since NetBox 4.0.

#include <string>
#include <string_view>

#include "catalog/catalog_types.h"

namespace cf {

// The interface type of a port (or breakout lane) with this cage and rate: the pluggable form
// factor at that Ethernet rate ("400gbase-x-osfp"), as the community device-type library writes
// InfiniBand switch and NIC ports too; "other" for a pair NetBox has no type for.
std::string netbox_interface_type(std::string_view connector, double speed_bps);

// The cable type of a link made with `medium`: DAC passive or active (ACC), AOC, or the fibre of a
// transceiver link (multimode, single-mode); empty when NetBox has no matching type (the field is
// optional and has no "other").
std::string netbox_cable_type(const MediumSpec* medium);

// NetBox's slug of a name: lower case, runs of anything but letters and digits as one '-'.
std::string netbox_slug(std::string_view name);

}  // namespace cf
