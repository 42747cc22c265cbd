#include "design/role_palette.h"

#include <cstdio>

namespace cf {

DeviceRole device_role(const Catalog& catalog, std::string_view catalog_id) {
  if (const ServerSpec* server = catalog.server(catalog_id)) {
    if (server->role == "storage") return DeviceRole::Storage;
    if (server->role == "management") return DeviceRole::Management;
    return server->gpus > 0 ? DeviceRole::Compute : DeviceRole::Management;
  }
  if (catalog.network_switch(catalog_id)) return DeviceRole::Switch;
  if (catalog.storage(catalog_id)) return DeviceRole::Storage;
  if (catalog.pdu(catalog_id)) return DeviceRole::Power;
  if (catalog.cooling(catalog_id)) return DeviceRole::Cooling;
  return DeviceRole::Other;
}

std::string_view device_role_name(DeviceRole role) {
  switch (role) {
    case DeviceRole::Compute:
      return "Compute";
    case DeviceRole::Switch:
      return "Switch";
    case DeviceRole::Storage:
      return "Storage";
    case DeviceRole::Management:
      return "Management";
    case DeviceRole::Power:
      return "Power";
    case DeviceRole::Cooling:
      return "Cooling";
    case DeviceRole::Other:
      break;
  }
  return "Other";
}

std::string_view device_role_slug(DeviceRole role) {
  switch (role) {
    case DeviceRole::Compute:
      return "compute";
    case DeviceRole::Switch:
      return "switch";
    case DeviceRole::Storage:
      return "storage";
    case DeviceRole::Management:
      return "management";
    case DeviceRole::Power:
      return "power";
    case DeviceRole::Cooling:
      return "cooling";
    case DeviceRole::Other:
      break;
  }
  return "other";
}

std::string Rgb::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

Rgb role_rgb(DeviceRole role) {
  switch (role) {
    case DeviceRole::Compute:
      return {0x00, 0x72, 0xB2};  // blue
    case DeviceRole::Switch:
      return {0xE6, 0x9F, 0x00};  // orange
    case DeviceRole::Storage:
      return {0x00, 0x9E, 0x73};  // bluish green
    case DeviceRole::Management:
      return {0xCC, 0x79, 0xA7};  // reddish purple
    case DeviceRole::Power:
      return {0xF0, 0xE4, 0x42};  // yellow
    case DeviceRole::Cooling:
      return {0x56, 0xB4, 0xE9};  // sky blue
    case DeviceRole::Other:
      break;
  }
  return {0x99, 0x99, 0x99};
}

TierColors topology_tier_colors(int tier) {
  // Leaves, spines and cores: the switch orange lightened 25 %, as is, and darkened 30 % in HSV
  // value; outlines darkened 50 % (the values of Qt's QColor::lighter(125) / darker(130) /
  // darker(150), written out so that exports without Qt draw the same).
  constexpr Rgb kWhite{0xFF, 0xFF, 0xFF}, kBlack{0x00, 0x00, 0x00};
  switch (tier) {
    case 0:
      return {role_rgb(DeviceRole::Compute), {0x00, 0x4C, 0x77}, kWhite};
    case 1:
      return {{0xFF, 0xBA, 0x20}, {0xAA, 0x7C, 0x16}, kBlack};
    case 2:
      return {role_rgb(DeviceRole::Switch), {0x99, 0x6A, 0x00}, kBlack};
    default:
      return {{0xB1, 0x7A, 0x00}, {0x76, 0x52, 0x00}, kBlack};
  }
}

}  // namespace cf
