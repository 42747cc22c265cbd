// Network analysis of hand-built k-ary fat-trees (Al-Fares, Loukissas & Vahdat, SIGCOMM 2008;
// reference-designs.json fattree-k4 and fattree-k48): k^3/4 hosts, 5k^2/4 switches,
// 3k^3/4 links, full bisection = k^3/8 links.

#include <gtest/gtest.h>


#include "analysis/network.h"
#include "network_test_support.h"

namespace cf {
namespace {

TEST(NetworkFatTreeTest, K4CountsAndBisection) {
  Design d = test::fat_tree(4);
  ASSERT_EQ(d.links.size(), 48u);  // 16 host + 16 edge-aggregation + 16 aggregation-core
  NetworkReport report = analyze_network(d, test::network_test_catalog());
  ASSERT_EQ(report.fabrics.size(), 1u);
  const FabricReport& f = report.fabrics[0];
  EXPECT_EQ(f.gpus, 16);
  EXPECT_EQ(f.tiers, 3);
  EXPECT_EQ(f.leaf_switches, 8);
  EXPECT_EQ(f.spine_switches, 8);
  EXPECT_EQ(f.core_switches, 4);
  EXPECT_EQ(f.leaf_switches + f.spine_switches + f.core_switches, 20);
  EXPECT_EQ(f.links_server_leaf, 16);
  EXPECT_EQ(f.links_leaf_spine, 16);
  EXPECT_EQ(f.links_spine_core, 16);
  // bisection_links 8 (reference fattree-k4): 8 × 100G.
  EXPECT_DOUBLE_EQ(f.bisection_bps, 8 * test::kTestPortBps);
  EXPECT_DOUBLE_EQ(f.full_bisection_bps, 8 * test::kTestPortBps);
  ASSERT_TRUE(f.oversubscription_leaf && f.oversubscription_spine);
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf, 1.0);
  EXPECT_DOUBLE_EQ(*f.oversubscription_spine, 1.0);
  // host → edge → aggregation → core → aggregation → edge → host.
  EXPECT_EQ(f.diameter_hops, 6);
  EXPECT_EQ(f.same_rail.hops, 2);       // the other host of the same edge switch
  EXPECT_TRUE(f.other_rail.a.empty());  // 1-GPU hosts: a single rail
  // Another pod: 2 aggregation switches × 2 core switches each (Al-Fares §3: (k/2)^2 paths).
  EXPECT_EQ(f.other_pod.hops, 6);
  EXPECT_DOUBLE_EQ(f.other_pod.paths, 4);
  // Pods are found from the wiring: the split by pod is pods 1-2 | 3-4 and cuts 8 links.
  bool by_pod = false;
  for (const auto& c : f.candidates)
    if (c.name == "by pod") {
      by_pod = true;
      EXPECT_EQ(c.split, "pods 1-2 | 3-4");
      EXPECT_DOUBLE_EQ(c.bisection_bps, 8 * test::kTestPortBps);
    }
  EXPECT_TRUE(by_pod);
  EXPECT_TRUE(report.problems.empty());
}

TEST(NetworkFatTreeTest, K4Failures) {
  const FabricReport f =
      analyze_network(test::fat_tree(4), test::network_test_catalog()).fabrics[0];
  // An aggregation switch (tier 2, "spine") of pod 1: pod 1's edge switches keep one uplink each,
  // so pod 1 sends 2 links' worth to the cores; the split pods 1-2 | 3-4 then cuts 2 + 4 = 6.
  ASSERT_TRUE(f.spine_failure.bisection_bps);
  EXPECT_EQ(f.spine_failure.element_id, "pod1-agg1");
  EXPECT_DOUBLE_EQ(*f.spine_failure.bisection_bps, 6 * test::kTestPortBps);
  // An edge switch: its 2 hosts are lost from one half: 8 − 2 = 6 links.
  ASSERT_TRUE(f.leaf_failure.bisection_bps);
  EXPECT_DOUBLE_EQ(*f.leaf_failure.bisection_bps, 6 * test::kTestPortBps);
  // An edge-aggregation link: that edge switch sends 1 instead of 2: 7 links.
  ASSERT_TRUE(f.link_failure.bisection_bps);
  EXPECT_DOUBLE_EQ(*f.link_failure.bisection_bps, 7 * test::kTestPortBps);
}

TEST(NetworkFatTreeTest, K48FullBisection) {
  Design d = test::fat_tree(48);
  ASSERT_EQ(d.links.size(), 82944u);  // reference fattree-k48 links_total
  const FabricReport f = analyze_network(d, test::network_test_catalog()).fabrics[0];
  EXPECT_EQ(f.gpus, 27648);
  EXPECT_EQ(f.leaf_switches + f.spine_switches + f.core_switches, 2880);
  EXPECT_DOUBLE_EQ(f.bisection_bps, 13824 * test::kTestPortBps);  // bisection_links 13824
  EXPECT_EQ(f.diameter_hops, 6);
}

}  // namespace
}  // namespace cf
