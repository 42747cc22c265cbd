#include "design/placement.h"

#include <algorithm>

namespace cf {

Occupancy occupancy(const Device& device, const Mountable& spec) {
  Occupancy o;
  if (spec.rack_units == 0) return o;
  o.first = device.u;
  o.last = device.u + spec.rack_units - 1;
  o.front = spec.full_depth || device.face == Face::Front;
  o.rear = spec.full_depth || device.face == Face::Rear;
  return o;
}

bool overlaps(const Occupancy& a, const Occupancy& b) {
  if (a.last < a.first || b.last < b.first) return false;
  bool same_face = (a.front && b.front) || (a.rear && b.rear);
  return same_face && a.first <= b.last && b.first <= a.last;
}

const Device* find_device(const Design& d, std::string_view id) {
  for (const auto& rack : d.racks)
    for (const auto& dev : rack.devices)
      if (dev.id == id) return &dev;
  return nullptr;
}

std::optional<std::string> check_mount(const Rack& rack, const Device& device, const Catalog& c,
                                       std::string_view ignore_id) {
  const Mountable* spec = c.mountable(device.catalog_id);
  if (!spec) {
    if (const CatalogItem* item = c.item(device.catalog_id))
      return "\"" + device.catalog_id + "\" is a " + to_string(item->kind) +
             ", not something that mounts in a rack";
    return "unknown catalog id \"" + device.catalog_id + "\"";
  }
  const RackSpec* rack_spec = c.rack(rack.catalog_id);
  if (!rack_spec) return "rack " + rack.id + " has unknown catalog id \"" + rack.catalog_id + "\"";
  if (spec->rack_units == 0) {
    if (device.u != 0) return spec->model + " is zero-U (side-mounted): its u must be 0";
  } else {
    int top = device.u + spec->rack_units - 1;
    if (device.u < 1 || top > rack_spec->rack_units)
      return spec->model + " is " + std::to_string(spec->rack_units) + "U: at U" +
             std::to_string(device.u) + " it would reach U" + std::to_string(top) + ", beyond " +
             rack.id + " (U1 to U" + std::to_string(rack_spec->rack_units) + ")";
  }
  Occupancy mine = occupancy(device, *spec);
  for (const auto& other : rack.devices) {
    if (other.id == device.id || other.id == ignore_id) continue;
    const Mountable* other_spec = c.mountable(other.catalog_id);
    if (!other_spec) continue;
    if (overlaps(mine, occupancy(other, *other_spec)))
      return "U" + std::to_string(mine.first) + "-U" + std::to_string(mine.last) + " of " +
             rack.id + " overlaps " + other.id + " (" + other_spec->model + " at U" +
             std::to_string(other.u) + ")";
  }
  if (auto bad = check_breakouts(*spec, device)) return *bad;
  return std::nullopt;
}

std::optional<std::string> check_rack_slot(const Design& d, const Rack& rack, const Catalog& c,
                                           std::string_view ignore_id) {
  if (!c.rack(rack.catalog_id)) {
    if (const CatalogItem* item = c.item(rack.catalog_id))
      return "\"" + rack.catalog_id + "\" is a " + to_string(item->kind) + ", not a rack";
    return "unknown catalog id \"" + rack.catalog_id + "\"";
  }
  if (std::none_of(d.rows.begin(), d.rows.end(), [&](const Row& r) { return r.id == rack.row_id; }))
    return "unknown row \"" + rack.row_id + "\"";
  for (const auto& other : d.racks)
    if (other.id != rack.id && other.id != ignore_id && other.row_id == rack.row_id &&
        other.position == rack.position)
      return "position " + std::to_string(rack.position) + " of row " + rack.row_id +
             " is taken by rack " + other.id;
  for (const auto& unit : d.cooling_units) {
    const CoolingSpec* spec = c.cooling(unit.catalog_id);
    if (spec && spec->placement == "row" && unit.row_id == rack.row_id &&
        unit.position == rack.position && unit.id != ignore_id)
      return "position " + std::to_string(rack.position) + " of row " + rack.row_id +
             " is taken by cooling unit " + unit.id;
  }
  return std::nullopt;
}

std::optional<std::string> check_link(const Design& d, const Link& link, const Catalog& c,
                                      std::string_view ignore_id) {
  if (link.a == link.b) return "a link cannot connect a port to itself";
  const MediumSpec* medium = c.medium(link.medium_id);
  if (!medium) return "unknown medium \"" + link.medium_id + "\" (expected a cable or optic id)";
  if (!link.fabric_id.empty() &&
      std::none_of(d.fabrics.begin(), d.fabrics.end(),
                   [&](const Fabric& f) { return f.id == link.fabric_id; }))
    return "unknown fabric \"" + link.fabric_id + "\"";

  ResolvedPort ends[2];
  const PortRef* refs[2] = {&link.a, &link.b};
  for (int i = 0; i < 2; ++i) {
    const Device* dev = find_device(d, refs[i]->device_id);
    if (!dev) return "unknown device \"" + refs[i]->device_id + "\"";
    const Mountable* spec = c.mountable(dev->catalog_id);
    if (!spec) return dev->id + " has unknown catalog id \"" + dev->catalog_id + "\"";
    std::string why;
    auto port = resolve_port(*spec, *dev, refs[i]->port, &why);
    if (!port) return dev->id + ": " + why;
    ends[i] = *port;
  }
  if (link.a.device_id == link.b.device_id && ports_conflict(ends[0], ends[1]))
    return "both ends use the same port of " + link.a.device_id;
  for (const auto& other : d.links) {
    if (other.id == link.id || other.id == ignore_id) continue;
    for (int i = 0; i < 2; ++i) {
      for (const PortRef* o : {&other.a, &other.b}) {
        if (o->device_id != refs[i]->device_id) continue;
        const Device* dev = find_device(d, o->device_id);
        auto used = resolve_port(*c.mountable(dev->catalog_id), *dev, o->port);
        if (used && ports_conflict(*used, ends[i]))
          return refs[i]->device_id + " " + refs[i]->port + " is already used by link " +
                 other.id + " (" + o->port + ")";
      }
    }
  }
  return std::nullopt;
}

}  // namespace cf
