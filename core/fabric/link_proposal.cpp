#include "fabric/link_proposal.h"

#include <algorithm>
#include <set>

#include "design/placement.h"
#include "design/ports.h"
#include "design/row_slot.h"
#include "design/unique_id.h"
#include "fabric/cabling.h"

namespace cf {

namespace {

struct Located {
  const Rack* rack = nullptr;
  const Device* device = nullptr;
};

Located locate(const Design& d, std::string_view device_id) {
  for (const auto& rack : d.racks)
    for (const auto& dev : rack.devices)
      if (dev.id == device_id) return {&rack, &dev};
  return {};
}

std::optional<RackPlace> place_of(const Design& d, const Rack& rack) {
  for (const auto& row : d.rows)
    if (row.id == rack.row_id) {
      const SlotOrigin o = slot_origin(d.site, row, rack.position);
      return RackPlace{o.x_m, o.y_m};
    }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> free_ports(const Design& d, const Catalog& c, std::string_view device_id) {
  const Located at = locate(d, device_id);
  if (!at.device) return {};
  const Mountable* spec = c.mountable(at.device->catalog_id);
  if (!spec) return {};
  std::vector<ResolvedPort> used;
  for (const auto& link : d.links)
    for (const PortRef* end : {&link.a, &link.b})
      if (end->device_id == device_id)
        if (auto r = resolve_port(*spec, *at.device, end->port)) used.push_back(*r);
  std::vector<std::string> out;
  for (const auto& name : port_names(*spec, *at.device)) {
    auto r = resolve_port(*spec, *at.device, name);
    if (!r) continue;
    if (std::none_of(used.begin(), used.end(), [&](const ResolvedPort& u) { return ports_conflict(u, *r); }))
      out.push_back(name);
  }
  return out;
}

std::optional<Link> propose_link(const Design& d, const Catalog& c, const PortRef& a, const PortRef& b,
                                 std::string* why) {
  auto fail = [&](std::string reason) {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  const Located la = locate(d, a.device_id), lb = locate(d, b.device_id);
  if (!la.device) return fail("unknown device \"" + a.device_id + "\"");
  if (!lb.device) return fail("unknown device \"" + b.device_id + "\"");
  double speed_bps = 0;
  for (const auto& [end, at] : {std::pair{&a, la}, std::pair{&b, lb}}) {
    const Mountable* spec = c.mountable(at.device->catalog_id);
    if (!spec) return fail("unknown catalog entry \"" + at.device->catalog_id + "\"");
    std::string reason;
    auto port = resolve_port(*spec, *at.device, end->port, &reason);
    if (!port) return fail(end->device_id + ": " + reason);
    speed_bps = speed_bps == 0 ? port->speed_bps : std::min(speed_bps, port->speed_bps);
  }

  Link link;
  link.a = a;
  link.b = b;
  const bool same_rack = la.rack == lb.rack;
  const auto pa = place_of(d, *la.rack), pb = place_of(d, *lb.rack);
  if (!same_rack && (!pa || !pb)) return fail("a rack of the link stands in no row: its length is unknown");
  link.length_m = link_length_m(pa.value_or(RackPlace{}), pb.value_or(RackPlace{}), same_rack);
  const MediumSpec* medium = pick_medium(c, speed_bps, link.length_m);
  if (!medium)
    return fail("no catalog medium carries " + std::to_string(static_cast<long long>(speed_bps / 1e9)) +
                " Gb/s over " + std::to_string(link.length_m).substr(0, 5) + " m");
  link.medium_id = medium->id;
  // The fabric the devices are already cabled into (the switch side's, when both have one).
  for (const auto& l : d.links) {
    if (l.fabric_id.empty()) continue;
    const bool touches_b = l.a.device_id == b.device_id || l.b.device_id == b.device_id;
    const bool touches_a = l.a.device_id == a.device_id || l.b.device_id == a.device_id;
    if (touches_b || (touches_a && link.fabric_id.empty())) link.fabric_id = l.fabric_id;
    if (touches_b) break;
  }
  link.id = unique_id(d, "link");
  return link;
}

}  // namespace cf
