// Cost and TCO on hand-computed cases (docs/methods.md, "Cost and TCO").

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/cost.h"
#include "analysis/cost_defaults.h"
#include "test_support.h"

namespace cf {
namespace {

constexpr double kCent = 0.005;  // "to the cent": within half a cent

// One rack (rack-48u-600x1200) holding two DGX H100; no links, no PDUs.
Design two_dgx_rack() {
  Design d;
  d.name = "Two DGX H100";
  d.rows.push_back({"row-a", "A", 0, 0, {}});
  Rack rack;
  rack.id = "a01";
  rack.catalog_id = "rack-48u-600x1200";
  rack.row_id = "row-a";
  rack.devices.push_back({"dgx-1", "", "nvidia-dgx-h100", 1, Face::Front, "", {}, {}});
  rack.devices.push_back({"dgx-2", "", "nvidia-dgx-h100", 9, Face::Front, "", {}, {}});
  d.racks.push_back(rack);
  return d;
}

Design with_test_assumptions(Design d) {
  d.assumptions.years = 5;
  d.assumptions.energy_usd_per_kwh = 0.10;
  d.assumptions.integration_factor = 0.1;
  d.assumptions.cloud_usd_per_gpu_hour = 2.0;
  return d;
}

bool defaulted(const CostReport& r, const std::string& name) {
  return std::find(r.defaults_used.begin(), r.defaults_used.end(), name) != r.defaults_used.end();
}

TEST(Cost, TwoDgxH100HandComputed) {
  const Catalog& c = test::installed_catalog();
  // Premises of the arithmetic below, read from the catalog (not from build_bom): the DGX H100 is
  // an estimated $270,000 and the rack has no published price.
  const ServerSpec* dgx = c.server("nvidia-dgx-h100");
  ASSERT_TRUE(dgx && dgx->price_usd);
  ASSERT_DOUBLE_EQ(*dgx->price_usd, 270000.0);
  ASSERT_TRUE(dgx->price_estimate);
  ASSERT_TRUE(c.rack("rack-48u-600x1200"));
  ASSERT_FALSE(c.rack("rack-48u-600x1200")->price_usd) << "update this test if racks get a price";

  // 30 kW facility power, 2 x 8 = 16 GPUs.
  CostReport r = analyze_cost(with_test_assumptions(two_dgx_rack()), c, 30000.0, 16);

  // Hardware = 2 x 270,000 = 540,000.00; the rack is counted as unpriced, not as $0.
  EXPECT_NEAR(r.hardware_usd, 540000.00, kCent);
  EXPECT_EQ(r.items_without_price, 1);
  EXPECT_TRUE(r.capex_has_estimates);
  // Integration = 540,000 x 0.1 = 54,000.00; CapEx = 540,000 + 54,000 = 594,000.00.
  EXPECT_NEAR(r.integration_usd, 54000.00, kCent);
  EXPECT_NEAR(r.capex_usd, 594000.00, kCent);
  // Energy = 30,000 W x 8,760 h / 1,000 = 262,800 kWh/year; x $0.10 = 26,280.00 $/year.
  EXPECT_NEAR(r.energy_kwh_per_year, 262800.0, 1e-6);
  EXPECT_NEAR(r.energy_usd_per_year, 26280.00, kCent);
  EXPECT_NEAR(r.opex_usd_per_year, 26280.00, kCent);
  // TCO = 594,000 + 5 x 26,280 = 594,000 + 131,400 = 725,400.00.
  EXPECT_DOUBLE_EQ(r.years, 5.0);
  EXPECT_NEAR(r.tco_usd, 725400.00, kCent);
  // GPU-hours = 16 x 5 x 8,760 = 700,800; $/GPU-hour = 725,400 / 700,800 = 1.035102...
  EXPECT_NEAR(r.gpu_hours, 700800.0, 1e-6);
  EXPECT_NEAR(r.usd_per_gpu_hour, 725400.0 / 700800.0, 1e-9);
  EXPECT_NEAR(r.usd_per_gpu_hour, 1.04, kCent);
  // Cloud = 700,800 x $2 = 1,401,600.00; cloud - TCO = 1,401,600 - 725,400 = 676,200.00.
  EXPECT_NEAR(r.cloud_usd, 1401600.00, kCent);
  EXPECT_NEAR(r.cloud_minus_tco_usd, 676200.00, kCent);
  EXPECT_TRUE(r.defaults_used.empty());
}

TEST(Cost, HardwareIsTheSumOfCatalogPricesOfTheDevices) {
  // small_design(): the rack, 2 DGX H100, a QM9700, 2 PDUs and 2 transceiver links (4 modules
  // and 2 fibre runs).
  // Expected total from the catalog directly: top-level items only (GPUs and NICs ship in the DGX).
  const Catalog& c = test::installed_catalog();
  Design d = test::small_design();
  double expected = 0;
  int unpriced = 0;
  auto add = [&](const std::string& id, double qty) {
    const CatalogItem* item = c.item(id);
    ASSERT_TRUE(item) << id;
    if (item->price_usd)
      expected += *item->price_usd * qty;
    else
      ++unpriced;
  };
  add("rack-48u-600x1200", 1);
  add("nvidia-dgx-h100", 2);
  add("nvidia-qm9700", 1);
  add("raritan-px3-5878i2r", 2);
  add("nvidia-mma4z00-ns400", 4);
  ++unpriced;  // the two links' fibre runs (one BOM line, <= 3 m): not in the catalog, unpriced
  CostReport r = analyze_cost(with_test_assumptions(d), c, 30000.0, 16);
  EXPECT_NEAR(r.hardware_usd, expected, kCent);
  EXPECT_EQ(r.items_without_price, unpriced);
  EXPECT_NEAR(r.capex_usd, expected * 1.1, kCent);
}

TEST(Cost, ItemWithoutPriceIsCountedNotZeroFilled) {
  const Catalog& c = test::installed_catalog();
  Design d = with_test_assumptions(two_dgx_rack());
  CostReport before = analyze_cost(d, c, 30000.0, 16);
  // A switch without a catalog price, and an id the catalog lacks: two more unpriced items.
  d.racks[0].devices.push_back({"leaf", "", "nvidia-qm9700", 47, Face::Rear, "", {}, {}});
  d.racks[0].devices.push_back({"box", "", "mystery-box", 30, Face::Front, "", {}, {}});
  ASSERT_FALSE(c.item("nvidia-qm9700")->price_usd);
  CostReport after = analyze_cost(d, c, 30000.0, 16);
  EXPECT_EQ(after.items_without_price, before.items_without_price + 2);
  EXPECT_NEAR(after.hardware_usd, before.hardware_usd, kCent);
  EXPECT_TRUE(after.capex_has_estimates);
  EXPECT_EQ(after.to_json()["items_without_price"], before.items_without_price + 2);
}

TEST(Cost, EstimatesFlagIsClearWithoutPricedEstimates) {
  Design d;
  d.racks.push_back({"a01", "", "rack-48u-600x1200", "", 0, std::nullopt, {}, {}});
  CostReport r = analyze_cost(d, test::installed_catalog(), 0.0, 0);
  EXPECT_FALSE(r.capex_has_estimates);
  EXPECT_EQ(r.items_without_price, 1);
  EXPECT_DOUBLE_EQ(r.capex_usd, 0.0);
}

TEST(Cost, DefaultsWhenAssumptionsAreEmpty) {
  CostReport r = analyze_cost(two_dgx_rack(), test::installed_catalog(), 30000.0, 16);
  EXPECT_DOUBLE_EQ(r.energy_usd_per_kwh, kDefaultEnergyUsdPerKwh);
  EXPECT_DOUBLE_EQ(r.years, kDefaultYears);
  EXPECT_DOUBLE_EQ(r.integration_factor, kDefaultIntegrationFactor);
  EXPECT_DOUBLE_EQ(r.cloud_usd_per_gpu_hour, kDefaultCloudUsdPerGpuHour);
  EXPECT_EQ(r.defaults_used, (std::vector<std::string>{"energy_usd_per_kwh", "years",
                                                       "integration_factor",
                                                       "cloud_usd_per_gpu_hour"}));
  // 540,000 x (1 + 0) + 5 x (262,800 kWh x $0.0806 = 21,181.68) = 540,000 + 105,908.40
  // = 645,908.40; cloud = 16 x 5 x 8,760 = 700,800 GPU-h x $2.99 = 2,095,392.00.
  EXPECT_NEAR(r.opex_usd_per_year, 21181.68, kCent);
  EXPECT_NEAR(r.tco_usd, 645908.40, kCent);
  EXPECT_NEAR(r.cloud_usd, 2095392.00, kCent);
}

TEST(Cost, OverridesWin) {
  Design d = two_dgx_rack();
  d.assumptions.years = 3;
  d.assumptions.energy_usd_per_kwh = 0.20;
  CostReport r = analyze_cost(d, test::installed_catalog(), 10000.0, 16);
  EXPECT_DOUBLE_EQ(r.years, 3.0);
  EXPECT_DOUBLE_EQ(r.energy_usd_per_kwh, 0.20);
  EXPECT_FALSE(defaulted(r, "years"));
  EXPECT_FALSE(defaulted(r, "energy_usd_per_kwh"));
  EXPECT_TRUE(defaulted(r, "integration_factor"));
  EXPECT_TRUE(defaulted(r, "cloud_usd_per_gpu_hour"));
  // 10,000 W x 8,760 h / 1,000 = 87,600 kWh x $0.20 = 17,520.00 $/year;
  // TCO = 540,000 + 3 x 17,520 = 592,560.00; GPU-hours = 16 x 3 x 8,760 = 420,480.
  EXPECT_NEAR(r.opex_usd_per_year, 17520.00, kCent);
  EXPECT_NEAR(r.tco_usd, 592560.00, kCent);
  EXPECT_NEAR(r.gpu_hours, 420480.0, 1e-6);
}

TEST(Cost, JsonKeysAreStable) {
  CostReport r = analyze_cost(with_test_assumptions(two_dgx_rack()), test::installed_catalog(),
                              30000.0, 16);
  Json j = r.to_json();
  for (const char* k : {"capex_usd", "opex_usd_per_year", "tco_usd", "years", "usd_per_gpu_hour",
                        "cloud_usd", "hardware_usd", "capex_has_estimates", "items_without_price",
                        "integration_factor", "integration_usd", "energy_kwh_per_year",
                        "gpu_hours", "cloud_usd_per_gpu_hour", "cloud_minus_tco_usd",
                        "defaults_used"})
    EXPECT_TRUE(j.contains(k)) << k;
  EXPECT_NEAR(j["tco_usd"].get<double>(), 725400.00, kCent);
  EXPECT_NEAR(j["usd_per_gpu_hour"].get<double>(), 725400.0 / 700800.0, 1e-9);
}

TEST(Cost, NoGpusGivesNoCostPerGpuHour) {
  CostReport r = analyze_cost(with_test_assumptions(two_dgx_rack()), test::installed_catalog(),
                              30000.0, 0);
  EXPECT_DOUBLE_EQ(r.gpu_hours, 0.0);
  EXPECT_DOUBLE_EQ(r.usd_per_gpu_hour, 0.0);
  EXPECT_TRUE(r.to_json()["usd_per_gpu_hour"].is_null());
  EXPECT_DOUBLE_EQ(r.cloud_usd, 0.0);
}

}  // namespace
}  // namespace cf
