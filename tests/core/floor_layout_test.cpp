// Floor layout: rack and cooling unit footprints from row origins, the rack pitch and the catalog;
// figures matched from the power and cooling reports by rack id; drop slot_count.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analysis/design_report.h"
#include "analysis/floor_layout.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

const Catalog& catalog() { return test::installed_catalog(); }

Rack rack(std::string id, std::string row, int position, std::string catalog_id) {
  Rack r;
  r.id = r.name = std::move(id);
  r.row_id = std::move(row);
  r.position = position;
  r.catalog_id = std::move(catalog_id);
  return r;
}

// Rows A (origin 1, 2), B (0, 5) and an empty C (0, 8); pitch 0.6 m. a01 (600 × 1200, budget
// 45 kW) at A/0, a02 at A/3, b01 (700 × 1200) at B/2; an in-row unit at A/1, a rear door on a01,
// a CRAH for row B at position 1 and a unit placed nowhere.
Design floor_design() {
  Design d;
  d.site.rack_pitch_m = 0.6;
  d.rows = {{"row-a", "A", 1.0, 2.0, {}}, {"row-b", "B", 0.0, 5.0, {}}, {"row-c", "C", 0.0, 8.0, {}}};
  d.racks.push_back(rack("a01", "row-a", 0, "rack-48u-600x1200"));
  d.racks.back().power_limit_w = 45000;
  d.racks.push_back(rack("a02", "row-a", 3, "rack-48u-600x1200"));
  d.racks.push_back(rack("b01", "row-b", 2, "rack-52u-700x1200"));
  d.cooling_units = {{"irc", "", "inrow-chilled-water", "row-a", 1, "", {}},
                     {"door", "", "rdhx-active", "", 0, "a01", {}},
                     {"crah", "", "crac-crah-perimeter", "row-b", 1, "", {}},
                     {"loose", "", "cdu-facility", "", 0, "", {}}};
  return d;
}

// Hand-made reports: a01 and b01 listed, a02 missing (as in a report older than the rack).
PowerReport power_report() {
  PowerReport p;
  p.racks = {{"b01", "row-b", 30000, 30000, 0, 0}, {"a01", "row-a", 18000, 20400, 0, 0}};
  return p;
}

CoolingReport cooling_report() {
  CoolingReport c;
  RackCooling a01;
  a01.id = "a01";
  a01.heat_w = 20400;
  a01.air_capacity_w = 10200;  // half the heat: 2.0
  RackCooling b01;
  b01.id = "b01";
  b01.heat_w = 30000;
  b01.liquid_heat_w = 20000;
  b01.air_capacity_w = 20000;     // air 10 kW of 20: 0.5
  b01.liquid_capacity_w = 25000;  // liquid 20 kW of 25: 0.8, the worse of the two
  c.racks = {a01, b01};
  return c;
}

void expect_rect(const std::optional<FloorRect>& r, double x, double y, double w, double d) {
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(r->x_m, x, 1e-12);
  EXPECT_NEAR(r->y_m, y, 1e-12);
  EXPECT_NEAR(r->width_m, w, 1e-12);
  EXPECT_NEAR(r->depth_m, d, 1e-12);
}

TEST(FloorLayout, RackFootprintsStartAtTheirSlot) {
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), cooling_report());
  ASSERT_EQ(f.racks.size(), 3u);
  EXPECT_EQ(f.racks[0].id, "a01");
  expect_rect(f.racks[0].footprint, 1.0, 2.0, 0.6, 1.2);
  expect_rect(f.racks[1].footprint, 1.0 + 3 * 0.6, 2.0, 0.6, 1.2);  // x 2.8
  expect_rect(f.racks[2].footprint, 0.0 + 2 * 0.6, 5.0, 0.7, 1.2);  // 700 mm rack at x 1.2
}

TEST(FloorLayout, RowsReachOneSlotPastTheirLastOccupiedSlot) {
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), cooling_report());
  ASSERT_EQ(f.rows.size(), 3u);
  EXPECT_EQ(f.rows[0].slot_count, 5);  // slot_count 0-3 (a02 at 3) and one free
  expect_rect(f.rows[0].area, 1.0, 2.0, 5 * 0.6, 1.2);
  EXPECT_EQ(f.rows[1].slot_count, 4);  // b01 at 2; the CRAH is a floor unit, not in a slot
  EXPECT_EQ(f.rows[2].slot_count, 1);  // empty: one slot, as deep as the deepest rack
  expect_rect(f.rows[2].area, 0.0, 8.0, 0.6, 1.2);
  // From x 0 (rows B, C) to 4.0 (row A's end), from y 2 (row A) to 9.2 (row C's back).
  expect_rect(f.bounds, 0.0, 2.0, 4.0, 7.2);
}

TEST(FloorLayout, FiguresComeFromTheReportsByRackId) {
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), cooling_report());
  const FloorRack& a01 = f.racks[0];
  EXPECT_EQ(a01.it_w, 18000);
  EXPECT_EQ(a01.it_max_w, 20400);
  EXPECT_NEAR(*a01.density_w_per_m2, 20400 / (0.6 * 1.2), 1e-9);  // 28,333 W/m²
  EXPECT_EQ(a01.power_limit_w, 45000);
  EXPECT_EQ(a01.power_scale_limit_w, 45000);
  EXPECT_EQ(a01.heat_w, 20400);
  EXPECT_EQ(a01.cooling_capacity_w, 10200);
  EXPECT_DOUBLE_EQ(*a01.heat_vs_cooling, 2.0);

  const FloorRack& a02 = f.racks[1];  // not in the reports: no figures, not zeros
  EXPECT_FALSE(a02.it_w);
  EXPECT_FALSE(a02.it_max_w);
  EXPECT_FALSE(a02.density_w_per_m2);
  EXPECT_FALSE(a02.heat_vs_cooling);
  EXPECT_FALSE(a02.power_limit_w);
  EXPECT_EQ(a02.power_scale_limit_w, 40000) << "air-cooled rack budget, docs/methods.md";
  EXPECT_EQ(f.default_power_limit_w, 40000);

  const FloorRack& b01 = f.racks[2];
  EXPECT_EQ(b01.cooling_capacity_w, 45000);
  EXPECT_DOUBLE_EQ(*b01.heat_vs_cooling, 0.8);
}

TEST(FloorLayout, HeatThatNoCoolingReachesIsInfinitelyOver) {
  CoolingReport c = cooling_report();
  c.racks[0].air_capacity_w = 0;
  c.racks[1].heat_w = c.racks[1].liquid_heat_w = 0;
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), c);
  EXPECT_TRUE(std::isinf(*f.racks[0].heat_vs_cooling));
  EXPECT_EQ(*f.racks[2].heat_vs_cooling, 0.0);  // no heat: nothing to cool
}

TEST(FloorLayout, CoolingUnitsStandInTheirSlotOnTheirRackOrBeforeTheirRow) {
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), cooling_report());
  ASSERT_EQ(f.cooling_units.size(), 4u);
  const FloorCoolingUnit& irc = f.cooling_units[0];
  EXPECT_EQ(irc.placement, "row");
  EXPECT_EQ(irc.capacity_w, 70000);
  expect_rect(irc.footprint, 1.6, 2.0, 0.6, 1.2);  // slot 1 of row A, the row's depth
  EXPECT_TRUE(irc.nominal_size);
  const FloorCoolingUnit& door = f.cooling_units[1];
  EXPECT_EQ(door.type, "rdhx_active");
  expect_rect(door.footprint, 1.0, 3.2, 0.6, kNominalDoorDepth_m);  // behind a01
  const FloorCoolingUnit& crah = f.cooling_units[2];
  expect_rect(crah.footprint, 0.6, 5.0 - 0.6, 0.6, 0.6);  // before row B at position 1
  EXPECT_FALSE(f.cooling_units[3].footprint) << "a unit with no row and no rack is placed nowhere";
  EXPECT_EQ(f.cooling_units[3].capacity_w, 5000000);
}

TEST(FloorLayout, SlotAtFindsTheRowSlotUnderAPoint) {
  FloorLayout f = floor_layout(floor_design(), catalog(), power_report(), cooling_report());
  EXPECT_EQ(slot_at(f, 1.0 + 2 * 0.6 + 0.1, 2.5), (RowSlot{"row-a", 2}));
  EXPECT_EQ(slot_at(f, 3.95, 3.1), (RowSlot{"row-a", 4}));  // the free slot past the end
  EXPECT_EQ(slot_at(f, 0.05, 8.0), (RowSlot{"row-c", 0}));
  EXPECT_FALSE(slot_at(f, 0.5, 2.5)) << "before row A's origin";
  EXPECT_FALSE(slot_at(f, 2.0, 3.5)) << "in the aisle";
  EXPECT_FALSE(slot_at(f, 4.1, 2.5)) << "past row A's last slot";
}

TEST(FloorLayout, OverOneExactlyWhereTheCoolingAnalysisSaysOverCapacity) {
  for (const char* sample : {"lab-4x-dgx-h100.cluster.json", "dgx-h100-superpod-4su.cluster.json"}) {
    Design d = load_design(test::kSourceDir / "samples" / sample);
    // One rack without cooling, so both answers occur.
    d.cooling_units.erase(std::remove_if(d.cooling_units.begin(), d.cooling_units.end(),
                                         [&](const CoolingUnit& u) { return u.rack_id == d.racks[0].id; }),
                          d.cooling_units.end());
    const DesignReport r = analyze_design(d, catalog());
    FloorLayout f = floor_layout(d, catalog(), r.power, r.cooling);
    ASSERT_EQ(f.racks.size(), r.cooling.racks.size());
    for (std::size_t i = 0; i < f.racks.size(); ++i)
      EXPECT_EQ(*f.racks[i].heat_vs_cooling > 1 + 1e-9, r.cooling.racks[i].over_capacity) << sample << " " << f.racks[i].id;
  }
}

}  // namespace
}  // namespace cf
