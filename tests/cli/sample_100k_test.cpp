// The 100,000-GPU sample (generated at build time, samples/CMakeLists.txt): valid, and what its
// intent says — 100,000 GPUs in DGX B300 (8 GPUs each) whose 8 x 800G rails reach a non-blocking
// fabric: bisection = 100,000 x 800 Gb/s / 2 = 40 Pb/s.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"

TEST(Sample100k, ValidatesWithoutErrors) {
  CliRun r = cli("validate " CF_SAMPLE_100K);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("valid (0 errors"), std::string::npos) << r.output;
}

TEST(Sample100k, HasTheIntendedSizeAndAFullBisection) {
  CliRun r = cli("analyze --json " CF_SAMPLE_100K);
  ASSERT_EQ(r.status, 0) << r.output.substr(0, 2000);
  const auto report = nlohmann::json::parse(r.output.substr(r.output.find('{')));
  EXPECT_EQ(report["gpus"], 100000);
  EXPECT_EQ(report["servers"], 100000 / 8);
  const auto& compute = report["network"]["fabrics"][0];
  EXPECT_EQ(compute["id"], "compute");
  EXPECT_EQ(compute["tiers"], 3);
  EXPECT_EQ(compute["gpus"], 100000);
  EXPECT_DOUBLE_EQ(compute["gpu_link_bps"].get<double>(), 800e9);
  EXPECT_DOUBLE_EQ(compute["full_bisection_bps"].get<double>(), 100000 * 800e9 / 2);
  EXPECT_DOUBLE_EQ(compute["bisection_bps"].get<double>(), 100000 * 800e9 / 2);
}
