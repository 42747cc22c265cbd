#pragma once
// Finds a design object by id together with the field table that maps it to JSON: what the
// SetProperty edit changes and what the GUI's inspector lists.

#include <set>
#include <string>
#include <string_view>

#include "design/design_schema.h"

namespace cf {

// Calls f(object, its field table) for the object with this id; false when there is none. The
// empty id is the design itself, "site" its site and "assumptions" its assumptions. D is Design
// or const Design.
template <class D, class F>
bool with_object(D& d, std::string_view id, F&& f) {
  if (id.empty()) return f(d, design_fields()), true;
  if (id == "site") return f(d.site, site_fields()), true;
  if (id == "assumptions") return f(d.assumptions, assumption_fields()), true;
  auto in = [&](auto& list, const auto& table) {
    for (auto& obj : list)
      if (obj.id == id) return f(obj, table), true;
    return false;
  };
  if (in(d.rows, row_fields()) || in(d.racks, rack_fields_of_design())) return true;
  for (auto& rack : d.racks)
    if (in(rack.devices, device_fields())) return true;
  return in(d.power_feeds, power_feed_fields()) || in(d.cooling_units, cooling_unit_fields()) ||
         in(d.fabrics, fabric_fields()) || in(d.links, link_fields()) ||
         in(d.scenarios, scenario_fields());
}

// Keys that hold an object's identity or its children: never set as a single property.
inline bool is_structural_key(std::string_view key) {
  static const std::set<std::string, std::less<>> keys{
      "id",    "rows",          "racks",   "devices", "power_feeds", "cooling_units",
      "fabrics", "links", "scenarios", "site",    "assumptions"};
  return keys.count(key) > 0;
}

}  // namespace cf
