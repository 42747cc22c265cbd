// Network analysis of an oversubscribed two-tier Clos built by hand, and the intent Problems.

#include <gtest/gtest.h>

#include "analysis/network.h"
#include "network_test_support.h"

namespace cf {
namespace {

// 4 leaves × 14 hosts at 100G, each leaf with one 100G uplink to each of 2 spines: every leaf has
// 14 × 100G down and 2 × 100G up, 7:1. N = 56 GPUs. A split along whole leaves (2 | 2) can only
// cross on the A leaves' 4 uplinks: bisection = 4 × 100G = 400G = (N/2 × rate) / 7 = 28 × 100G / 7.
// A split that cuts through leaves does better (GPUs of one leaf talk through the leaf itself).
class NetworkClosTest : public ::testing::Test {
 protected:
  const Catalog& catalog = test::network_test_catalog();
  Design design = test::two_tier(4, 14, 2);
};

TEST_F(NetworkClosTest, OversubscribedBisectionHasTheClosedForm) {
  NetworkReport report = analyze_network(design, catalog);
  const FabricReport& f = report.fabrics.at(0);
  EXPECT_EQ(f.gpus, 56);
  EXPECT_EQ(f.tiers, 2);
  EXPECT_EQ(f.leaf_switches, 4);
  EXPECT_EQ(f.spine_switches, 2);
  EXPECT_EQ(f.links_leaf_spine, 8);
  ASSERT_TRUE(f.oversubscription_leaf);
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf, 7.0);
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf_total, 7.0);
  EXPECT_DOUBLE_EQ(f.full_bisection_bps, 28 * 100e9);
  EXPECT_DOUBLE_EQ(f.bisection_bps, 28 * 100e9 / 7);
  EXPECT_EQ(f.cut_candidate, "by leaf");
  EXPECT_EQ(f.cut_split, "leaves leaf1, leaf2 | leaf3, leaf4");
  // all-to-all: B / (N/2) = 400G / 28; all-reduce within the (single) rail crosses the leaves: 100G
  // / 7.
  EXPECT_DOUBLE_EQ(f.all_to_all_bps_per_gpu, 400e9 / 28);
  EXPECT_DOUBLE_EQ(f.all_reduce_bps_per_gpu, 100e9 / 7);
  EXPECT_TRUE(report.problems.empty());  // no intent: nothing to depart from
}

TEST_F(NetworkClosTest, OversubscriptionOverIntent) {
  design.fabrics[0].intent = FabricIntent{2, 1, false, 1.0, std::nullopt};
  NetworkReport report = analyze_network(design, catalog);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].code, "oversubscription-over-intent");
  EXPECT_EQ(report.problems[0].object_id, "leaf1");
  EXPECT_NE(report.problems[0].message.find("7:1"), std::string::npos)
      << report.problems[0].message;
  // Within 1 % of the intent is not a departure.
  design.fabrics[0].intent->leaf_oversubscription = 6.95;
  EXPECT_TRUE(analyze_network(design, catalog).problems.empty());
  design.fabrics[0].intent->leaf_oversubscription = 6.9;
  EXPECT_EQ(analyze_network(design, catalog).problems.size(), 1u);
}

TEST_F(NetworkClosTest, OddNumberOfGpusSplitsFloorCeil) {
  design = test::two_tier(3, 5, 2);  // 15 GPUs, 5:2 per leaf
  const FabricReport f = analyze_network(design, catalog).fabrics.at(0);
  EXPECT_EQ(f.cut_gpus_a, 7);
  EXPECT_EQ(f.cut_gpus_b, 8);
  EXPECT_DOUBLE_EQ(f.full_bisection_bps, 7 * 100e9);
  // leaf1 whole (5, sends 2 up) + 2 GPUs of leaf2 (sent locally or up): 2 + 2 = 4 links.
  EXPECT_DOUBLE_EQ(f.bisection_bps, 4 * 100e9);
}

TEST_F(NetworkClosTest, LinksOfOtherFabricsAndUnknownPortsAreLeftOut) {
  design.fabrics.push_back({"storage", "Storage", FabricKind::Storage, std::nullopt, {}});
  design.links[0].fabric_id = "storage";  // leaf1-h1 leaves the compute fabric
  design.links[1].b.port = "p99";         // no such port: validation's unknown-port
  // A switch reached only through a link with an unknown port is not in the fabric.
  design.racks.back().devices.push_back(
      {"spare", "spare", "test-switch-r16", 40, Face::Front, "", {}, {}});
  design.links.push_back({"bad", {"spare", "p77"}, {"spine1", "p16"}, "", 2, "compute", {}});
  const FabricReport f = analyze_network(design, catalog).fabrics.at(0);
  EXPECT_EQ(f.gpus, 54);
  EXPECT_EQ(f.spine_switches, 2);
  EXPECT_EQ(f.unreached_switches, 0);
  EXPECT_EQ(analyze_network(design, catalog).fabrics.size(), 1u);  // compute fabrics only
}

TEST_F(NetworkClosTest, LinkCapacityIsTheSlowestOfPortsAndMedium) {
  design.links[0].medium_id = "generic-cat6-rj45-1g";  // leaf1-h1: 1G cable between 100G ports
  design.links[1].medium_id = "nvidia-mma4z00-ns400";  // 400G optic between 100G ports: 100G
  const FabricReport f = analyze_network(design, catalog).fabrics.at(0);
  EXPECT_DOUBLE_EQ(f.gpu_link_bps, 100e9);  // the median endpoint link
  ASSERT_TRUE(f.oversubscription_leaf);
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf, 7.0);  // leaves 2-4 are unchanged
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf_total, (4 * 1400e9 - 99e9) / 800e9);
}

TEST_F(NetworkClosTest, EmptyFabric) {
  design.links.clear();
  const FabricReport f = analyze_network(design, catalog).fabrics.at(0);
  EXPECT_EQ(f.gpus, 0);
  EXPECT_EQ(f.tiers, 0);
  EXPECT_DOUBLE_EQ(f.bisection_bps, 0);
  EXPECT_EQ(f.diameter_hops, 0);
  EXPECT_FALSE(f.leaf_failure.bisection_bps);
  EXPECT_NO_THROW(f.to_json().dump());
}

}  // namespace
}  // namespace cf
