#include "analysis/floor_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "design/row_slot.h"
#include "fabric/site_builder.h"

namespace cf {

namespace {

// heat / capacity, 0 without heat and infinity for heat that meets no capacity.
double share(double heat_w, double capacity_w) {
  if (heat_w <= 0) return 0;
  if (capacity_w <= 0) return std::numeric_limits<double>::infinity();
  return heat_w / capacity_w;
}

void extend(FloorRect& bounds, bool& empty, const FloorRect& r) {
  if (empty) {
    bounds = r;
    empty = false;
    return;
  }
  const double right = std::max(bounds.x_m + bounds.width_m, r.x_m + r.width_m);
  const double bottom = std::max(bounds.y_m + bounds.depth_m, r.y_m + r.depth_m);
  bounds.x_m = std::min(bounds.x_m, r.x_m);
  bounds.y_m = std::min(bounds.y_m, r.y_m);
  bounds.width_m = right - bounds.x_m;
  bounds.depth_m = bottom - bounds.y_m;
}

}  // namespace

FloorLayout floor_layout(const Design& d, const Catalog& c, const PowerReport& power,
                         const CoolingReport& cooling) {
  FloorLayout layout;
  const double pitch = d.site.rack_pitch_m;
  layout.rack_pitch_m = pitch;
  layout.default_power_limit_w = rack_budget_w(CoolingChoice::Air, c);

  std::unordered_map<std::string_view, const RackPowerReport*> power_of;
  for (const auto& r : power.racks) power_of[r.id] = &r;
  std::unordered_map<std::string_view, const RackCooling*> cooling_of;
  for (const auto& r : cooling.racks) cooling_of[r.id] = &r;
  std::unordered_map<std::string_view, std::size_t> row_index;
  for (std::size_t i = 0; i < d.rows.size(); ++i) row_index[d.rows[i].id] = i;

  // Rows: the last slot in use and the deepest rack.
  std::vector<int> last_slot(d.rows.size(), -1);
  std::vector<double> row_depth(d.rows.size(), 0);
  double deepest = 0;
  for (const auto& rack : d.racks) {
    auto row = row_index.find(rack.row_id);
    if (row == row_index.end()) continue;
    last_slot[row->second] = std::max(last_slot[row->second], rack.position);
    if (const RackSpec* spec = c.rack(rack.catalog_id)) {
      row_depth[row->second] = std::max(row_depth[row->second], spec->depth_m);
      deepest = std::max(deepest, spec->depth_m);
    }
  }
  for (const auto& unit : d.cooling_units) {
    const CoolingSpec* spec = c.cooling(unit.catalog_id);
    auto row = row_index.find(unit.row_id);
    if (spec && spec->placement == "row" && unit.rack_id.empty() && row != row_index.end())
      last_slot[row->second] = std::max(last_slot[row->second], unit.position);
  }
  if (deepest <= 0) deepest = 2 * pitch;  // no rack size known: a drawing size only

  FloorRect bounds;
  bool empty = true;
  for (std::size_t i = 0; i < d.rows.size(); ++i) {
    FloorRow row;
    row.id = d.rows[i].id;
    row.name = d.rows[i].name;
    row.slot_count = last_slot[i] + 2;
    row.depth_m = row_depth[i] > 0 ? row_depth[i] : deepest;
    const SlotOrigin o = slot_origin(d.site, d.rows[i], 0);
    row.area = {o.x_m, o.y_m, row.slot_count * pitch, row.depth_m};
    extend(bounds, empty, row.area);
    layout.rows.push_back(std::move(row));
  }

  std::unordered_map<std::string_view, std::size_t> rack_index;
  layout.racks.reserve(d.racks.size());
  for (const auto& rack : d.racks) {
    FloorRack fr;
    fr.id = rack.id;
    fr.name = rack.name;
    fr.row_id = rack.row_id;
    fr.position = rack.position;
    fr.power_limit_w = rack.power_limit_w;
    fr.power_scale_limit_w = rack.power_limit_w.value_or(layout.default_power_limit_w);
    const RackSpec* spec = c.rack(rack.catalog_id);
    auto row = row_index.find(rack.row_id);
    if (spec && row != row_index.end()) {
      const SlotOrigin o = slot_origin(d.site, d.rows[row->second], rack.position);
      fr.footprint = FloorRect{o.x_m, o.y_m, spec->width_m, spec->depth_m};
      extend(bounds, empty, *fr.footprint);
    }
    if (auto p = power_of.find(rack.id); p != power_of.end()) {
      fr.it_w = p->second->it_w;
      fr.it_max_w = p->second->it_max_w;
      if (fr.footprint && fr.footprint->width_m * fr.footprint->depth_m > 0)
        fr.density_w_per_m2 = *fr.it_max_w / (fr.footprint->width_m * fr.footprint->depth_m);
    }
    if (auto q = cooling_of.find(rack.id); q != cooling_of.end()) {
      const RackCooling& rc = *q->second;
      fr.heat_w = rc.heat_w;
      fr.cooling_capacity_w = rc.air_capacity_w + rc.liquid_capacity_w;
      fr.heat_vs_cooling = std::max(share(rc.heat_w - rc.liquid_heat_w, rc.air_capacity_w),
                                    share(rc.liquid_heat_w, rc.liquid_capacity_w));
    }
    rack_index[rack.id] = layout.racks.size();
    layout.racks.push_back(std::move(fr));
  }

  for (const auto& unit : d.cooling_units) {
    FloorCoolingUnit fu;
    fu.id = unit.id;
    fu.name = unit.name;
    fu.catalog_id = unit.catalog_id;
    const CoolingSpec* spec = c.cooling(unit.catalog_id);
    if (spec) {
      fu.type = spec->type;
      fu.placement = spec->placement;
      fu.capacity_w = spec->capacity_w;
      auto row = row_index.find(unit.row_id);
      if (!unit.rack_id.empty()) {
        // On its rack: a band behind the rack, across its width.
        auto r = rack_index.find(unit.rack_id);
        if (r != rack_index.end() && layout.racks[r->second].footprint) {
          const FloorRect& rack = *layout.racks[r->second].footprint;
          fu.nominal_size = !spec->depth_m;
          fu.footprint = FloorRect{rack.x_m, rack.y_m + rack.depth_m, rack.width_m,
                                   spec->depth_m.value_or(kNominalDoorDepth_m)};
        }
      } else if (row != row_index.end()) {
        const SlotOrigin o = slot_origin(d.site, d.rows[row->second], unit.position);
        fu.nominal_size = !spec->depth_m;
        if (spec->placement == "row") {
          fu.footprint = FloorRect{o.x_m, o.y_m, pitch, spec->depth_m.value_or(layout.rows[row->second].depth_m)};
        } else {
          // A floor unit serving the row: in front of it, at its position.
          const double depth = spec->depth_m.value_or(pitch);
          fu.footprint = FloorRect{o.x_m, o.y_m - depth, pitch, depth};
        }
      }
    }
    if (fu.footprint) extend(bounds, empty, *fu.footprint);
    layout.cooling_units.push_back(std::move(fu));
  }
  layout.bounds = bounds;
  return layout;
}

std::optional<RowSlot> slot_at(const FloorLayout& layout, double x_m, double y_m) {
  for (const auto& row : layout.rows) {
    if (!row.area.contains(x_m, y_m)) continue;
    const int position = static_cast<int>(std::floor((x_m - row.area.x_m) / layout.rack_pitch_m));
    return RowSlot{row.id, std::clamp(position, 0, row.slot_count - 1)};
  }
  return std::nullopt;
}

}  // namespace cf
