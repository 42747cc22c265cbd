// gpu_census: the GPU models of a design with their counts.

#include "analysis/gpu_census.h"

#include <gtest/gtest.h>

#include "analysis/summary.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(GpuCensus, CountsEachGpuModelOfTheGpuServers) {
  // small_design: two DGX H100 (8 x H100 SXM5 each), a leaf and PDUs without GPUs.
  auto census = gpu_census(test::small_design(), test::installed_catalog());
  ASSERT_EQ(census.size(), 1u);
  EXPECT_EQ(census[0].gpu_id, "nvidia-h100-sxm5-80gb");
  EXPECT_EQ(census[0].model, "H100 SXM5 80GB");
  EXPECT_EQ(census[0].gpus, 16);
}

TEST(GpuCensus, MostNumerousFirstAndAddsUpToTheSummary) {
  Design d = test::small_design();
  // One MI300X server (8 GPUs) next to the two DGX H100 (16 GPUs).
  d.racks[0].devices.push_back({"amd-1", "", "supermicro-as-8125gs-tnmr2", 17, Face::Front, "", {}, {}});
  auto census = gpu_census(d, test::installed_catalog());
  ASSERT_EQ(census.size(), 2u);
  EXPECT_EQ(census[0].gpus, 16);
  EXPECT_EQ(census[1].gpu_id, "amd-mi300x");
  EXPECT_EQ(census[1].gpus, 8);
  EXPECT_EQ(census[0].gpus + census[1].gpus, summarize(d, test::installed_catalog()).gpus);

  Design sample = load_design(test::kSourceDir / "samples" / "mi300x-1024.cluster.json");
  auto s = gpu_census(sample, test::installed_catalog());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].gpus, 1024);
  EXPECT_EQ(s[0].model, "Instinct MI300X");
}

}  // namespace
}  // namespace cf
