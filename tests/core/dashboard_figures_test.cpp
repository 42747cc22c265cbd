// The breakdowns the dashboard charts: IT power by category and hardware cost by BOM category,
// each on hand-computed cases and adding up to the report's total.

#include <gtest/gtest.h>

#include "analysis/cost.h"
#include "analysis/power.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

const Catalog& catalog() { return test::installed_catalog(); }

const CategoryPower& category(const PowerReport& p, PowerCategory c) {
  return p.categories.at(static_cast<std::size_t>(c));
}

TEST(PowerByCategory, SmallDesignHandComputed) {
  // small_design: two DGX H100 at 10,200 W; a QM9700 at 747 W typical plus two 8 W modules in its
  // ports (1,720 W maximum); two PDUs that draw nothing of their own.
  PowerReport p = analyze_power(test::small_design(), catalog());
  ASSERT_EQ(p.categories.size(), static_cast<std::size_t>(kPowerCategories));
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Compute).it_w, 2 * 10200);
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Compute).it_max_w, 2 * 10200);
  EXPECT_EQ(category(p, PowerCategory::Compute).devices, 2);
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Switch).it_w, 747 + 2 * 8);
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Switch).it_max_w, 1720);
  EXPECT_EQ(category(p, PowerCategory::Switch).devices, 1);
  for (PowerCategory c : {PowerCategory::Management, PowerCategory::Storage, PowerCategory::Cooling,
                          PowerCategory::Other}) {
    EXPECT_EQ(category(p, c).it_w, 0) << to_string(c);
    EXPECT_EQ(category(p, c).devices, 0) << to_string(c);
  }
}

TEST(PowerByCategory, UtilizationLowersOnlyTheGpuServers) {
  Design d = test::small_design();
  d.assumptions.gpu_utilization = 0.5;
  PowerReport p = analyze_power(d, catalog());
  // 2 x (10,200 - 8 x 700 W x 0.5) = 2 x 7,400 W; the switch is unchanged.
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Compute).it_w, 14800);
  EXPECT_DOUBLE_EQ(category(p, PowerCategory::Switch).it_w, 763);
}

TEST(PowerByCategory, CategoriesAddUpToTheTotals) {
  for (const char* sample : {"lab-4x-dgx-h100", "dgx-h100-superpod-4su", "mi300x-1024"}) {
    Design d = load_design(test::kSourceDir / "samples" / (std::string(sample) + ".cluster.json"));
    PowerReport p = analyze_power(d, catalog());
    double it = 0, max = 0;
    for (const CategoryPower& c : p.categories) it += c.it_w, max += c.it_max_w;
    EXPECT_NEAR(it, p.it_w, 1e-6 * p.it_w) << sample;
    EXPECT_NEAR(max, p.it_max_w, 1e-6 * p.it_max_w) << sample;
    EXPECT_GT(category(p, PowerCategory::Compute).it_w, 0) << sample;
    EXPECT_GT(category(p, PowerCategory::Switch).it_w, 0) << sample;
  }
}

TEST(CostByCategory, SmallDesignHandComputed) {
  const Catalog& c = catalog();
  // Premises, read from the catalog: of small_design's items only the DGX H100 has a price
  // (an estimated $270,000); the rack, the QM9700, the PDU and the 400G module have none.
  ASSERT_DOUBLE_EQ(c.item("nvidia-dgx-h100")->price_usd.value_or(0), 270000.0);
  for (const char* id : {"rack-48u-600x1200", "nvidia-qm9700", "raritan-px3-5878i2r", "nvidia-mma4z00-ns400"})
    ASSERT_FALSE(c.item(id)->price_usd) << id << ": update this test now that it has a price";
  CostReport r = analyze_cost(test::small_design(), c, 30000.0, 16);
  // BOM order: Racks, Servers, Switches, PDUs, Cables & optics; GPUs and NICs ship in the DGX
  // and add no category of their own. Unpriced lines are counted, not priced at zero.
  const std::vector<CategoryCost> expected{
      {"Racks", 0, false, 1},
      {"Servers", 2 * 270000.0, true, 0},
      {"Switches", 0, false, 1},
      {"PDUs", 0, false, 1},
      {"Cables & optics", 0, false, 2},  // the four modules and the two fibre runs: two lines
  };
  EXPECT_EQ(r.hardware_by_category, expected);
  double sum = 0;
  int unpriced = 0;
  for (const CategoryCost& k : r.hardware_by_category) sum += k.usd, unpriced += k.lines_without_price;
  EXPECT_DOUBLE_EQ(sum, r.hardware_usd);
  EXPECT_EQ(unpriced, r.items_without_price);
}

}  // namespace
}  // namespace cf
