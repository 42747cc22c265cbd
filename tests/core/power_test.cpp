// Power: DGX H100 rack and scalable-unit figures (NVIDIA), load model, 2N feed failover, PUE.

#include <gtest/gtest.h>

#include "analysis/pdu_rating.h"
#include "analysis/power.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

const Catalog& catalog() { return test::installed_catalog(); }

TEST(Power, DgxH100RackIs40Point8KilowattsAtMaximum) {
  PowerReport p = analyze_power(test::four_dgx_h100_rack(), catalog());
  EXPECT_DOUBLE_EQ(p.it_max_w, 40800);
  EXPECT_DOUBLE_EQ(p.max_rack_w, 40800);
  EXPECT_DOUBLE_EQ(p.it_w, 40800) << "default: GPUs at TDP, the provisioning assumption";
}

TEST(Power, GpuUtilizationLowersOnlyTheGpuShare) {
  Design d = test::four_dgx_h100_rack();
  d.assumptions.gpu_utilization = 0.5;
  PowerReport p = analyze_power(d, catalog());
  // 4 x (10,200 - 8 x 700 W x 0.5) = 4 x 7,400 W
  EXPECT_DOUBLE_EQ(p.it_w, 29600);
  EXPECT_DOUBLE_EQ(p.it_max_w, 40800);
}

TEST(Power, ScalableUnitMatchesNvidia) {
  // spod-h100-1su: 31 DGX at 10.2 kW = 316.2 kW; 12 QM9700 at 1.72 kW = 20.64 kW.
  ClusterRequest req;
  req.servers = 31;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.servers_per_rack = 4;
  req.service_fabrics = false;
  Design d = generate_cluster(req, catalog()).design;
  PowerReport p = analyze_power(d, catalog());
  double ufm = 2 * 689;  // the two subnet-manager appliances
  EXPECT_NEAR(p.it_max_w, 316200 + 20640 + ufm, 1e-6);
  EXPECT_NEAR(p.max_rack_w, 40800, 1e-6);
  EXPECT_TRUE(p.problems.empty()) << p.problems.front().message;
}

TEST(Power, TwoNFeedFailover) {
  // Four DGX H100 (40.8 kW) on one 34.5 kVA PDU per side: together 69 kW, but either side alone
  // falls short, and its feed would carry the whole rack.
  Design d = test::four_dgx_h100_rack();
  PowerReport p = analyze_power(d, catalog());
  const double pdu = pdu_rating_w(*catalog().pdu("raritan-px3-5878i2r"));
  EXPECT_NEAR(pdu, 34500, 0.01 * 34500);
  ASSERT_EQ(p.racks.size(), 1u);
  EXPECT_DOUBLE_EQ(p.racks[0].side_a_capacity_w, pdu);
  int failover = 0, over = 0;
  for (const auto& pr : p.problems) {
    failover += pr.code == "feed-failover";
    over += pr.code == "feed-over-capacity";
  }
  EXPECT_EQ(failover, 2);
  EXPECT_EQ(over, 2);
  ASSERT_EQ(p.feeds.size(), 2u);
  EXPECT_DOUBLE_EQ(p.feeds[0].normal_w, 20400) << "shared by both sides";
  EXPECT_DOUBLE_EQ(p.feeds[0].failover_w, 40800) << "one side alone";
  // 40,800 W / (sqrt(3) x 415 V) = 56.76 A per phase
  EXPECT_NEAR(p.feeds[0].failover_phase_a, 56.76, 0.01);

  // A second PDU per side (on its own feed) restores 2N.
  d.power_feeds.push_back({"feed-a2", "", FeedSide::A, 415, 3, 60, {}});
  d.power_feeds.push_back({"feed-b2", "", FeedSide::B, 415, 3, 60, {}});
  d.racks[0].devices.push_back({"pdu-a2", "", "raritan-px3-5878i2r", 0, Face::Rear, "feed-a2", {}, {}});
  d.racks[0].devices.push_back({"pdu-b2", "", "raritan-px3-5878i2r", 0, Face::Rear, "feed-b2", {}, {}});
  PowerReport fixed = analyze_power(d, catalog());
  EXPECT_TRUE(fixed.problems.empty()) << fixed.problems.front().message;
  EXPECT_DOUBLE_EQ(fixed.feeds[0].failover_w, 20400);
  EXPECT_DOUBLE_EQ(fixed.side_a_normal_w, 20400) << "both sides up: half the rack on each";
  EXPECT_DOUBLE_EQ(fixed.side_a_failover_w, 40800) << "B down: side A carries the rack";
}

TEST(Power, SwitchLoadIsTypicalPlusItsOptics) {
  // small_design: a QM9700 (747 W typical with passive cables, 1,720 W maximum) with two
  // 400G SR4 modules (8 W each) at its end of the two links.
  Design d = test::small_design();
  PowerReport p = analyze_power(d, catalog());
  EXPECT_DOUBLE_EQ(p.it_w, 2 * 10200 + 747 + 2 * 8);
  EXPECT_DOUBLE_EQ(p.it_max_w, 2 * 10200 + 1720);
}

TEST(Power, IdleIsSummedWhereTheCatalogHasIt) {
  PowerReport p = analyze_power(test::four_dgx_h100_rack(), catalog());
  EXPECT_DOUBLE_EQ(p.it_idle_w, 0);
  EXPECT_EQ(p.devices_without_idle, 4) << "NVIDIA publishes no idle figure for the DGX H100";
}

TEST(Power, OverThePdusRatingIsAnError) {
  Design d = test::four_dgx_h100_rack();
  d.racks[0].devices.push_back({"dgx-5", "", "nvidia-dgx-h100", 33, Face::Front, "", {}, {}});
  // 51 kW on 2 x 34.5 kVA is within the sum (69 kW); 7 DGX (71.4 kW) are not.
  d.racks[0].devices.push_back({"dgx-6", "", "nvidia-dgx-h100", 41, Face::Front, "", {}, {}});
  d.racks[0].catalog_id = "rack-52u-700x1200";
  d.racks[0].devices.push_back({"dgx-7", "", "nvidia-dgx-h100", 9, Face::Rear, "", {}, {}});
  PowerReport p = analyze_power(d, catalog());
  EXPECT_DOUBLE_EQ(p.it_max_w, 7 * 10200);
  bool over = false;
  for (const auto& pr : p.problems) over |= pr.code == "rack-over-pdu-rating" && pr.severity == Severity::Error;
  EXPECT_TRUE(over);
}

TEST(Power, PueFromTheAirAndLiquidShares) {
  PowerReport air = analyze_power(test::four_dgx_h100_rack(), catalog());
  EXPECT_DOUBLE_EQ(air.liquid_fraction, 0);
  EXPECT_DOUBLE_EQ(air.pue, kAirPue);
  EXPECT_DOUBLE_EQ(air.facility_w, 40800 * kAirPue);
  Design d = test::four_dgx_h100_rack();
  d.assumptions.pue = 1.3;
  EXPECT_DOUBLE_EQ(analyze_power(d, catalog()).facility_w, 40800 * 1.3);
  // Half the load liquid-cooled: PUE halfway between.
  Design mixed = test::four_dgx_h100_rack();
  mixed.racks[0].devices.resize(4);  // dgx-1, dgx-2 (air) and the two PDUs
  mixed.racks[0].devices.push_back({"lc-1", "", "supermicro-4u-lc-hgx-h100", 20, Face::Front, "", {}, {}});
  mixed.racks[0].devices.push_back({"lc-2", "", "supermicro-4u-lc-hgx-h100", 24, Face::Front, "", {}, {}});
  PowerReport m = analyze_power(mixed, catalog());
  EXPECT_DOUBLE_EQ(m.liquid_fraction, 0.5) << "the liquid-cooled HGX is also 10.2 kW";
  EXPECT_DOUBLE_EQ(m.pue, 1 + 0.5 * (kAirPue - 1) + 0.5 * (kLiquidPue - 1));
}

TEST(Power, SamplesAre2NAndClean) {
  for (const char* name : {"lab-4x-dgx-h100", "dgx-h100-superpod-4su", "mi300x-1024"}) {
    PowerReport p = analyze_power(load_design(test::kSourceDir / "samples" / (std::string(name) + ".cluster.json")), catalog());
    for (const auto& pr : p.problems) ADD_FAILURE() << name << ": " << pr.message;
  }
}

}  // namespace
}  // namespace cf
