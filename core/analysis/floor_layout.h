#pragma once
// The floor seen from above: each row's slots, each rack's footprint with its power and its heat
// against the cooling that reaches it, and where cooling units stand — what the floor plan draws
// and where a dragged rack lands. Figures come from the power and cooling reports; a figure the
// reports lack (a stale report, an unknown catalog entry) stays empty.
//
// Geometry (metres, floor coordinates): a row slot begins at slot_origin() (row origin + position
// × rack pitch along +x). A rack stands with its left side at the slot's start and its front on
// the row line y_m, its catalog width along +x and its depth along +y.

#include <optional>
#include <string>
#include <vector>

#include "analysis/cooling.h"
#include "analysis/power.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

struct FloorRect {
  double x_m = 0, y_m = 0, width_m = 0, depth_m = 0;
  bool contains(double x, double y) const { return x >= x_m && x < x_m + width_m && y >= y_m && y < y_m + depth_m; }
  bool operator==(const FloorRect&) const = default;
};

struct FloorRow {
  std::string id, name;
  // Slots 0 .. slot_count-1: every occupied one and one free slot after the last, to drop a rack on.
  int slot_count = 1;
  double depth_m = 0;  // its deepest rack; a row without racks takes the design's deepest rack
  FloorRect area;      // slot_count × pitch by depth, from the row origin
};

struct FloorRack {
  std::string id, name, row_id;
  int position = 0;
  std::optional<FloorRect> footprint;  // empty when the rack's catalog entry is unknown
  // From the power report (empty when it does not list the rack): at the configured load and at
  // nameplate maximum, the figure the rack's power limit is checked against.
  std::optional<double> it_w, it_max_w;
  std::optional<double> density_w_per_m2;  // it_max_w over the footprint's area
  std::optional<double> power_limit_w;     // the rack's own budget, when it has one
  // The limit the power colour runs to: the rack's own budget, else the air-cooled rack budget
  // (rack_budget_w(Air), 40 kW, docs/methods.md "Rack density by cooling").
  double power_scale_limit_w = 0;
  // From the cooling report: heat and the air + liquid capacity reaching the rack, and the worse
  // of air heat / air capacity and liquid heat / liquid capacity (0 without heat, infinity for
  // heat that no capacity reaches). Over 1 exactly when the report marks the rack over capacity.
  std::optional<double> heat_w, cooling_capacity_w, heat_vs_cooling;
};

struct FloorCoolingUnit {
  std::string id, name, catalog_id;
  std::string type, placement;  // from the catalog (crah, inrow, rdhx_active ...; floor, row, door)
  std::optional<double> capacity_w;
  // Where it is drawn: in-row units in their row slot; units on a rack (rear doors) as a band
  // behind that rack; floor units of a row in front of the row at their position. Empty when the
  // design places the unit nowhere (no row, no rack) or its catalog entry is unknown.
  std::optional<FloorRect> footprint;
  // The catalog gives no depth: the footprint's depth is a drawing size (the row's depth for
  // in-row units, kNominalDoorDepth_m for doors, the pitch for floor units), not a figure.
  bool nominal_size = false;
};

inline constexpr double kNominalDoorDepth_m = 0.2;

struct FloorLayout {
  double rack_pitch_m = 0.6;
  std::vector<FloorRow> rows;           // design order
  std::vector<FloorRack> racks;         // design order
  std::vector<FloorCoolingUnit> cooling_units;  // design order
  FloorRect bounds;                     // everything drawn
  double default_power_limit_w = 0;     // the scale of racks without their own budget
};

// The layout of `design`, with figures from `power` and `cooling` matched by rack id (the reports
// may be of an older version of the design).
FloorLayout floor_layout(const Design& design, const Catalog& catalog, const PowerReport& power,
                         const CoolingReport& cooling);

struct RowSlot {
  std::string row_id;
  int position = 0;
  bool operator==(const RowSlot&) const = default;
};

// The row slot whose area (FloorRow::area) holds the floor point (x_m, y_m); nullopt off the rows.
std::optional<RowSlot> slot_at(const FloorLayout& layout, double x_m, double y_m);

}  // namespace cf
