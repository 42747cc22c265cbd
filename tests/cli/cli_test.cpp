// Runs the real clusterforge-cli binary: commands, help, exit codes and error messages.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.h"
#include "io/json_reader.h"

namespace {

std::string data(const std::string& name) { return kSource + "/tests/data/designs/" + name + ".cluster.json"; }

TEST(Cli, HelpOnEveryCommand) {
  for (const char* cmd : {"", "validate ", "analyze ", "bom ", "generate ", "train "}) {
    CliRun r = cli(std::string(cmd) + "--help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << cmd << r.output;
  }
  EXPECT_NE(cli("bom --help").output.find("--format"), std::string::npos);
}

TEST(Cli, NoCommandUnknownOptionAndBadValueAreUsageErrors) {
  CliRun none = cli("");
  EXPECT_EQ(none.status, 2);
  CliRun unknown = cli("analyze " + sample("lab-4x-dgx-h100") + " --frobnicate");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.output.find("--frobnicate"), std::string::npos) << unknown.output;
  CliRun bad = cli("bom " + sample("lab-4x-dgx-h100") + " --format pdf");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.output.find("csv"), std::string::npos) << "names what was expected: " << bad.output;
  CliRun missing = cli("analyze");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.output.find("FILE"), std::string::npos) << missing.output;
}

TEST(Cli, ValidateSamplesExitsZero) {
  CliRun r = cli("validate " + sample("lab-4x-dgx-h100") + " " + sample("dgx-h100-superpod-4su") + " " +
              sample("mi300x-1024"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("valid (0 errors, 0 warnings)"), std::string::npos);
}

TEST(Cli, ValidateReportsProblemsWithCodeAndPath) {
  CliRun r = cli("validate " + data("overlap"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("error [overlapping-u] at /racks/0/devices/1/u"), std::string::npos) << r.output;
}

TEST(Cli, MalformedFileGivesOneErrorWithLineAndColumn) {
  CliRun r = cli("validate " + data("syntax-error"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("syntax-error.cluster.json:5:"), std::string::npos) << r.output;
  CliRun missing = cli("analyze /nonexistent/file.cluster.json");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.output.find("/nonexistent/file.cluster.json: cannot open file"), std::string::npos)
      << missing.output;
}

TEST(Cli, AnalyzeJsonHasTheDocumentedKeys) {
  CliRun r = cli("analyze --json " + sample("dgx-h100-superpod-4su"));
  ASSERT_EQ(r.status, 0) << r.output;
  cf::Json j = cf::parse_json_text(r.output);
  EXPECT_EQ(j["gpus"], 1016);
  EXPECT_EQ(j["servers"], 127);
  EXPECT_EQ(j["racks"], 38);
  EXPECT_NEAR(j["power"]["max_rack_w"].get<double>(), 40800, 1e-6);
  EXPECT_TRUE(j["power"].contains("it_max_w"));
  // Network keys of issue 3 (docs/cli.md).
  const cf::Json& f = j["network"]["fabrics"].at(0);
  for (const char* k : {"name", "tiers", "switches", "links", "oversubscription", "bisection_bps",
                        "full_bisection_bps", "diameter_hops", "bisection_cut"})
    EXPECT_TRUE(f.contains(k)) << k;
  EXPECT_EQ(f["switches"]["leaf"], 32);
  EXPECT_EQ(f["switches"]["spine"], 16);
  EXPECT_EQ(f["links"]["leaf_spine"], 1024);
  EXPECT_DOUBLE_EQ(f["bisection_bps"].get<double>(), 203.2e12);
  EXPECT_EQ(j["network"]["scale_up"].at(0)["gpus_per_domain"], 8);
  // Issue 4's keys.
  for (const char* k : {"it_w", "it_max_w", "facility_w", "pue", "max_rack_w", "racks"})
    EXPECT_TRUE(j["power"].contains(k)) << k;
  for (const char* k : {"heat_w", "capacity_w", "liquid_fraction", "racks_over_capacity"})
    EXPECT_TRUE(j["cooling"].contains(k)) << k;
  for (const char* k : {"capex_usd", "opex_usd_per_year", "tco_usd", "years", "usd_per_gpu_hour", "cloud_usd"})
    EXPECT_TRUE(j["cost"].contains(k)) << k;
  for (const char* k : {"failures_per_day", "mtbf_hours", "checkpoint_interval_s", "goodput"})
    EXPECT_TRUE(j["reliability"].contains(k)) << k;
  EXPECT_DOUBLE_EQ(j["power"]["it_max_w"].get<double>(), 1295400 + 48 * 1720 + 2 * 689);
}

TEST(Cli, BomWritesEachFormat) {
  auto dir = std::filesystem::temp_directory_path() / "cf-cli-bom";
  std::filesystem::create_directories(dir);
  for (const char* fmt : {"csv", "json", "md"}) {
    auto out = dir / (std::string("bom.") + fmt);
    std::filesystem::remove(out);
    CliRun r = cli("bom " + sample("lab-4x-dgx-h100") + " --format " + fmt + " -o " + out.string());
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(std::filesystem::file_size(out) > 100) << fmt;
  }
  std::ifstream in(dir / "bom.csv");
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("category,catalog_id,", 0), 0u);
}

TEST(Cli, GenerateWritesAValidDesign) {
  auto out = std::filesystem::temp_directory_path() / "cf-cli-generate.cluster.json";
  std::filesystem::remove(out);
  CliRun r = cli("generate --servers 127 --server nvidia-dgx-h100 --switch nvidia-qm9700 "
                 "--servers-per-rack 4 --name SuperPOD -o " + out.string());
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("32 leaves, 16 spines"), std::string::npos) << r.output;
  CliRun v = cli("validate " + out.string());
  EXPECT_EQ(v.status, 0) << v.output;
  cf::Json j = cf::parse_json_text(cli("analyze --json " + out.string()).output);
  EXPECT_EQ(j["gpus"], 1016);
  EXPECT_EQ(j["name"], "SuperPOD");
  CliRun tiered = cli("generate --gpus 512 --server nvidia-dgx-h100 --switch nvidia-qm9700 "
                      "--tiers 3 --oversubscription leaf=1,spine=3 -o " + out.string());
  EXPECT_EQ(tiered.status, 0) << tiered.output;
  EXPECT_NE(tiered.output.find("3 tiers"), std::string::npos) << tiered.output;
}

TEST(Cli, GenerateRefusesWhatCannotBeBuilt) {
  CliRun both = cli("generate --gpus 8 --servers 1 --server nvidia-dgx-h100 --switch nvidia-qm9700 -o /tmp/x.json");
  EXPECT_EQ(both.status, 2) << both.output;
  CliRun ratio = cli("generate --gpus 8 --server nvidia-dgx-h100 --switch nvidia-qm9700 "
                     "--oversubscription core=2 -o /tmp/x.json");
  EXPECT_EQ(ratio.status, 2);
  EXPECT_NE(ratio.output.find("TIER=R"), std::string::npos) << ratio.output;
  CliRun radix = cli("generate --gpus 32768 --tiers 2 --server nvidia-dgx-h100 --switch nvidia-qm9700 -o /tmp/x.json");
  EXPECT_EQ(radix.status, 1);
  EXPECT_NE(radix.output.find("cannot generate: "), std::string::npos) << radix.output;
  EXPECT_NE(radix.output.find("--tiers 3"), std::string::npos) << radix.output;
  CliRun no_nic = cli("generate --gpus 8 --server nvidia-ufm-appliance-ndr --switch nvidia-qm9700 -o /tmp/x.json");
  EXPECT_EQ(no_nic.status, 1);
  EXPECT_NE(no_nic.output.find("has no GPUs"), std::string::npos) << no_nic.output;
}

TEST(Cli, UserCatalogOverridesAnEntry) {
  CliRun plain = cli("bom --format csv " + data("overlap"));
  EXPECT_EQ(plain.output.find("Site standard 42U"), std::string::npos);
  CliRun r = cli("--user-catalog " + kSource + "/tests/data/user-catalog bom --format csv " + data("overlap"));
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("Racks,rack-42u-600x1200,My Co,Site standard 42U"), std::string::npos) << r.output;
  CliRun missing = cli("--user-catalog /nonexistent-folder validate " + sample("lab-4x-dgx-h100"));
  EXPECT_EQ(missing.status, 2);
}

}  // namespace
