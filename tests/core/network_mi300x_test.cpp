// Network analysis of the 1,024 x MI300X sample: 16 SN5600 leaves (64 × 400G lanes down, 32 × 800G
// up), 8 spines, rail-optimized (samples/README.md: bisection 1024 × 400G / 2 = 204.8 Tb/s).

#include <gtest/gtest.h>

#include "analysis/network.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(NetworkMi300xTest, BreakoutLanesAndSpineFailure) {
  Design design = load_design(test::kSourceDir / "samples" / "mi300x-1024.cluster.json");
  design.fabrics[0].intent = FabricIntent{2, 1, true, 1.0, std::nullopt};
  NetworkReport report = analyze_network(design, test::installed_catalog());
  EXPECT_TRUE(report.problems.empty());  // one rail per leaf, 1:1 as intended
  const FabricReport& f = report.fabrics.at(0);
  EXPECT_EQ(f.gpus, 1024);
  EXPECT_EQ(f.leaf_switches, 16);
  EXPECT_EQ(f.spine_switches, 8);
  EXPECT_EQ(f.links_server_leaf, 1024);
  EXPECT_EQ(f.links_leaf_spine, 512);
  EXPECT_DOUBLE_EQ(f.gpu_link_bps, 400e9);  // a 400G lane of an 800G port
  ASSERT_TRUE(f.oversubscription_leaf);
  EXPECT_DOUBLE_EQ(*f.oversubscription_leaf, 1.0);  // 64 × 400G : 32 × 800G
  EXPECT_DOUBLE_EQ(f.bisection_bps, 204.8e12);
  EXPECT_DOUBLE_EQ(f.full_bisection_bps, 204.8e12);
  EXPECT_EQ(f.diameter_hops, 4);
  EXPECT_DOUBLE_EQ(f.other_rail.paths, 8 * 4 * 4);  // 8 spines, 4 parallel links up and down
  // Here GPUs and spine links are equal (1024 × 400G = 512 × 800G), so a spine takes exactly its
  // share: every leaf keeps 28 of 32 uplinks, and 8 whole leaves per half give 204.8 × 7/8.
  ASSERT_TRUE(f.spine_failure.bisection_bps);
  EXPECT_DOUBLE_EQ(*f.spine_failure.bisection_bps, 204.8e12 * 7 / 8);
}

}  // namespace
}  // namespace cf
