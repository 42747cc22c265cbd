// Reliability and goodput (core/analysis/reliability): hand-computed answers.

#include "analysis/reliability.h"

#include <gtest/gtest.h>

#include <cmath>

#include "test_support.h"

namespace cf {
namespace {

// A design shaped like the Llama 3 405B job: 2,048 DGX H100 (16,384 GPUs; 8 compute NICs + 2
// dual-port storage NICs per host, as Grand Teton's 8 backend + 2 frontend NICs).
Design llama3_shaped_design() {
  Design d;
  d.name = "Llama 3 shaped";
  d.rows.push_back({"row-a", "A", 0, 0, {}});
  for (int r = 0; r < 512; ++r) {
    Rack rack;
    rack.id = "r" + std::to_string(r);
    rack.catalog_id = "rack-48u-600x1200";
    rack.row_id = "row-a";
    rack.position = r;
    for (int s = 0; s < 4; ++s) {
      std::string id = rack.id + "-dgx" + std::to_string(s);
      rack.devices.push_back({id, id, "nvidia-dgx-h100", 1 + 10 * s, Face::Front, "", {}, {}});
    }
    d.racks.push_back(rack);
  }
  return d;
}

Design with_storage(Design d) {
  d.racks.front().devices.push_back({"ddn-1", "ddn-1", "ddn-ai400x2", 20, Face::Front, "", {}, {}});
  return d;
}

TEST(ReliabilityFormulas, YoungAndDalyOnSmallNumbers) {
  // δ = 60 s, M = 3600 s: sqrt(2·60·3600) = 657.267 s; Daly subtracts δ: 597.267 s.
  EXPECT_NEAR(young_interval_s(60, 3600), 657.267, 1e-3);
  EXPECT_NEAR(daly_interval_s(60, 3600), 597.267, 1e-3);
  // δ ≥ 2M: Daly takes τ = M.
  EXPECT_DOUBLE_EQ(daly_interval_s(8000, 3600), 3600);
}

TEST(ReliabilityFormulas, GoodputFirstOrder) {
  // τ = 597.267, δ = 60, M = 3600, R = 600:
  // (1 − (600 + 328.634)/3600) / (1 + 60/597.267) = 0.742046 / 1.100457 = 0.674307.
  EXPECT_NEAR(checkpoint_goodput(597.2670690, 60, 3600, 600), 0.674307, 1e-6);
  // Clamped: restart longer than the MTBF leaves nothing.
  EXPECT_DOUBLE_EQ(checkpoint_goodput(100, 10, 3600, 10000), 0.0);
}

TEST(Reliability, Llama3ShapedClusterReproducesTable5) {
  ReliabilityReport r = analyze_reliability(llama3_shaped_design(), test::installed_catalog());
  // 419 interruptions in 54 days = 7.759 per day; MTBF 24/7.759 = 3.093 h.
  EXPECT_NEAR(r.failures_per_day, 419.0 / 54.0, 1e-9);
  EXPECT_NEAR(r.mtbf_hours, 24 * 54.0 / 419.0, 1e-9);
  ASSERT_EQ(r.by_component.size(), 5u);
  EXPECT_EQ(r.by_component[0].component, "gpu");
  EXPECT_DOUBLE_EQ(r.by_component[0].count, 16384);
  EXPECT_NEAR(r.by_component[0].failures_per_day, 268.0 / 54.0, 1e-9);
  EXPECT_EQ(r.by_component[3].component, "host");
  EXPECT_DOUBLE_EQ(r.by_component[3].count, 2048);
  EXPECT_EQ(r.by_component[4].component, "nic");
  EXPECT_DOUBLE_EQ(r.by_component[4].count, 20480);
  EXPECT_NEAR(r.by_component[4].failures_per_day, 7.0 / 54.0, 1e-9);
}

TEST(Reliability, CheckpointFromParametersAndStorageAppliance) {
  Design d = with_storage(test::small_design());
  d.scenarios.front().parameters = 70e9;
  ReliabilityReport r = analyze_reliability(d, test::installed_catalog());
  // 70e9 parameters × 14 B = 980 GB; DDN AI400X2 writes 65 GB/s: 980/65 = 15.077 s.
  ASSERT_TRUE(r.checkpoint_bytes);
  EXPECT_DOUBLE_EQ(*r.checkpoint_bytes, 980e9);
  ASSERT_TRUE(r.storage_write_bytes_per_s);
  EXPECT_DOUBLE_EQ(*r.storage_write_bytes_per_s, 65e9);
  ASSERT_TRUE(r.checkpoint_write_s);
  EXPECT_NEAR(*r.checkpoint_write_s, 15.0769, 1e-4);
  // 2 DGX H100 = 1/1024 of the Llama 3 job: 7.759/1024 = 0.0075774 per day, MTBF 3167.31 h.
  EXPECT_NEAR(r.failures_per_day, 419.0 / 54.0 / 1024.0, 1e-12);
  EXPECT_NEAR(r.mtbf_hours, 3167.3126, 1e-3);
  // Daly: sqrt(2 · 15.0769 · 3167.3126 · 3600) − 15.0769 = 18527.41 s; goodput 0.998322.
  ASSERT_TRUE(r.checkpoint_interval_s);
  EXPECT_NEAR(*r.checkpoint_interval_s, 18527.41, 0.01);
  ASSERT_TRUE(r.goodput);
  EXPECT_NEAR(*r.goodput, 0.998322, 1e-6);
  EXPECT_TRUE(r.restart_is_default);
  EXPECT_DOUBLE_EQ(r.restart_s, 600);
  // The small design's two links are transceiver links: 4 modules; one leaf switch.
  EXPECT_EQ(r.switches, 1);
  EXPECT_EQ(r.optics, 4);
}

TEST(Reliability, OverridesWin) {
  Design d = with_storage(test::small_design());
  d.assumptions.checkpoint_bytes = 1e12;
  d.assumptions.storage_write_bytes_per_s = 1e10;
  d.assumptions.restart_s = 120;
  ReliabilityReport r = analyze_reliability(d, test::installed_catalog());
  EXPECT_DOUBLE_EQ(*r.checkpoint_bytes, 1e12);
  EXPECT_EQ(r.checkpoint_basis, "assumption");
  EXPECT_DOUBLE_EQ(*r.storage_write_bytes_per_s, 1e10);
  EXPECT_EQ(r.storage_basis, "assumption");
  EXPECT_DOUBLE_EQ(*r.checkpoint_write_s, 100);
  EXPECT_DOUBLE_EQ(r.restart_s, 120);
  EXPECT_FALSE(r.restart_is_default);
}

TEST(Reliability, UnknownsStayUnknown) {
  Design d = test::small_design();  // no storage
  d.scenarios.front().parameters.reset();
  ReliabilityReport r = analyze_reliability(d, test::installed_catalog());
  EXPECT_FALSE(r.checkpoint_bytes);
  EXPECT_FALSE(r.storage_write_bytes_per_s);
  EXPECT_FALSE(r.checkpoint_write_s);
  EXPECT_FALSE(r.checkpoint_interval_s);
  EXPECT_FALSE(r.goodput);
  EXPECT_EQ(r.checkpoint_basis, "unknown");
  EXPECT_EQ(r.notes.size(), 2u);
  Json j = r.to_json();
  EXPECT_TRUE(j["checkpoint_interval_s"].is_null());
  EXPECT_TRUE(j["goodput"].is_null());
  EXPECT_NEAR(j["failures_per_day"].get<double>(), 419.0 / 54.0 / 1024.0, 1e-12);
  EXPECT_TRUE(j["mtbf_hours"].is_number());
}

TEST(Reliability, EmptyDesignHasNoFailures) {
  ReliabilityReport r = analyze_reliability(Design{}, test::installed_catalog());
  EXPECT_DOUBLE_EQ(r.failures_per_day, 0);
  EXPECT_TRUE(std::isinf(r.mtbf_hours));
  Json j = r.to_json();
  EXPECT_TRUE(j["mtbf_hours"].is_null());
  EXPECT_TRUE(j["goodput"].is_null());
}

}  // namespace
}  // namespace cf
