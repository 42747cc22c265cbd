// Cooling: heat and airflow of a DGX H100 rack (NVIDIA), capacity reaching each rack, a rack over
// its cooling, density recommendations.

#include <gtest/gtest.h>

#include "analysis/cooling.h"
#include "analysis/design_report.h"
#include "test_support.h"

namespace cf {
namespace {

const Catalog& catalog() { return test::installed_catalog(); }

CoolingReport cooling_of(const Design& d) { return analyze_design(d, catalog()).cooling; }

TEST(Cooling, DgxH100RackHeatAndAirflow) {
  Design d = test::four_dgx_h100_rack();
  d.cooling_units.push_back({"door", "", "rdhx-active", "", 0, "a01", {}});
  CoolingReport c = cooling_of(d);
  ASSERT_EQ(c.racks.size(), 1u);
  EXPECT_DOUBLE_EQ(c.racks[0].heat_w, 40800);
  EXPECT_NEAR(c.racks[0].heat_btu_h, 139215, 1);  // 40.8 kW x 3.412 BTU/h per W
  EXPECT_DOUBLE_EQ(c.racks[0].airflow_cfm, 4420) << "reference-designs spod-h100-rack-power: 4 x 1,105 CFM";
  EXPECT_DOUBLE_EQ(c.racks[0].air_capacity_w, 75000);
  EXPECT_FALSE(c.racks[0].over_capacity);
  EXPECT_EQ(c.racks[0].recommended, "active rear-door heat exchanger");
}

TEST(Cooling, RackOverItsCoolingIsAProblem) {
  // A passive rear door removes 35 kW; the rack gives off 40.8 kW.
  Design d = test::four_dgx_h100_rack();
  d.cooling_units.push_back({"door", "", "rdhx-passive", "", 0, "a01", {}});
  CoolingReport c = cooling_of(d);
  EXPECT_EQ(c.racks_over_capacity, 1);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].code, "rack-over-cooling");
  EXPECT_EQ(c.problems[0].object_id, "a01");
  // Nothing at all reaches a rack without cooling.
  d.cooling_units.clear();
  EXPECT_EQ(cooling_of(d).racks_over_capacity, 1);
  bool found = false;
  for (const auto& p : check_design(d, catalog())) found |= p.code == "rack-over-cooling";
  EXPECT_TRUE(found) << "validate reports it";
}

TEST(Cooling, RowUnitsAreSharedByTheRowsRacksByTheirHeat) {
  // Two racks of 40.8 kW and 20.4 kW on one 70 kW in-row unit: 61.2 kW of heat, shared 2:1.
  Design d = test::four_dgx_h100_rack();
  Rack second = d.racks[0];
  second.id = "a02";
  second.position = 1;
  for (auto& dev : second.devices) dev.id += "-b";
  second.devices.resize(4);  // two DGX and two PDUs on the same feeds
  d.racks.push_back(second);
  d.cooling_units.push_back({"irc", "", "inrow-chilled-water", "row-a", 2, "", {}});
  CoolingReport c = cooling_of(d);
  ASSERT_EQ(c.racks.size(), 2u);
  EXPECT_NEAR(c.racks[0].air_capacity_w, 70000.0 * 40800 / 61200, 1e-6);
  EXPECT_NEAR(c.racks[1].air_capacity_w, 70000.0 * 20400 / 61200, 1e-6);
  EXPECT_EQ(c.racks_over_capacity, 0);
  EXPECT_DOUBLE_EQ(c.capacity_w, 70000);
}

TEST(Cooling, LiquidCooledServersNeedCduCapacity) {
  Design d = test::four_dgx_h100_rack();
  d.racks[0].devices.resize(4);
  d.racks[0].devices.push_back({"lc-1", "", "supermicro-4u-lc-hgx-h100", 20, Face::Front, "", {}, {}});
  d.cooling_units.push_back({"irc", "", "inrow-chilled-water", "row-a", 2, "", {}});
  CoolingReport without = cooling_of(d);
  EXPECT_DOUBLE_EQ(without.racks[0].liquid_heat_w, 10200);
  EXPECT_TRUE(without.racks[0].over_capacity) << "no CDU for the cold plates";
  d.racks[0].devices.push_back({"cdu", "", "cdu-in-rack", 30, Face::Front, "", {}, {}});
  CoolingReport with = cooling_of(d);
  EXPECT_FALSE(with.racks[0].over_capacity);
  EXPECT_NEAR(with.liquid_fraction, 10200.0 / (2 * 10200 + 10200), 1e-12);
}

TEST(Cooling, RecommendationsFollowTheDensityBands) {
  EXPECT_EQ(recommended_cooling(15000), "air (CRAH, hot/cold aisles)");
  EXPECT_EQ(recommended_cooling(35000), "in-row air with containment");
  EXPECT_EQ(recommended_cooling(60000), "active rear-door heat exchanger");
  EXPECT_EQ(recommended_cooling(132000), "direct liquid cooling (CDU)");
}

}  // namespace
}  // namespace cf
