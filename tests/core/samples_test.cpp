// The shipped samples load, validate clean, and hold what their published references say.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analysis/summary.h"
#include "design/validation.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

std::filesystem::path sample(const std::string& name) {
  return test::kSourceDir / "samples" / (name + ".cluster.json");
}

struct FabricCounts {
  int server_to_switch = 0, switch_to_switch = 0, other = 0;
  std::set<std::string> leaves, spines;  // switches with / without server links
};

FabricCounts count_fabric(const Design& d, const Catalog& c) {
  std::map<std::string, std::string> kind;  // device id -> "server" / "switch"
  for (const auto& r : d.racks)
    for (const auto& dev : r.devices)
      kind[dev.id] = c.server(dev.catalog_id) ? "server" : c.network_switch(dev.catalog_id) ? "switch" : "other";
  FabricCounts f;
  std::set<std::string> switches;
  for (const auto& l : d.links) {
    const auto& a = kind[l.a.device_id];
    const auto& b = kind[l.b.device_id];
    if (a == "switch") switches.insert(l.a.device_id);
    if (b == "switch") switches.insert(l.b.device_id);
    if (a == "switch" && b == "switch") ++f.switch_to_switch;
    else if ((a == "server" && b == "switch") || (a == "switch" && b == "server")) {
      ++f.server_to_switch;
      f.leaves.insert(a == "switch" ? l.a.device_id : l.b.device_id);
    } else ++f.other;
  }
  for (const auto& s : switches)
    if (!f.leaves.count(s)) f.spines.insert(s);
  return f;
}

TEST(Samples, EveryShippedSampleLoadsAndValidatesClean) {
  int count = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::kSourceDir / "samples")) {
    if (e.path().string().find(".cluster.json") == std::string::npos) continue;
    ++count;
    SCOPED_TRACE(e.path().filename().string());
    Design d = load_design(e.path());
    for (const auto& p : validate(d, test::installed_catalog()))
      ADD_FAILURE() << to_string(p.severity) << " " << p.code << ": " << p.message;
    EXPECT_EQ(design_to_text(parse_design_text(design_to_text(d))), design_to_text(d));
  }
  EXPECT_GE(count, 3);
}

TEST(Samples, LabHoldsFourDgxH100) {
  Design d = load_design(sample("lab-4x-dgx-h100"));
  DesignSummary s = summarize(d, test::installed_catalog());
  EXPECT_EQ(s.servers, 4);
  EXPECT_EQ(s.gpus, 32);
  EXPECT_EQ(s.racks, 1);
  EXPECT_EQ(count_fabric(d, test::installed_catalog()).server_to_switch, 32);
}

// reference-designs.json, spod-h100-4su (NVIDIA RA-11333-001, Table 4).
TEST(Samples, SuperPodMatchesNvidiaPublishedFourUnitFabric) {
  const Catalog& c = test::installed_catalog();
  Design d = load_design(sample("dgx-h100-superpod-4su"));
  DesignSummary s = summarize(d, c);
  EXPECT_EQ(s.servers, 127);
  EXPECT_EQ(s.gpus, 1016);
  FabricCounts f = count_fabric(d, c);
  EXPECT_EQ(f.leaves.size(), 32u);
  EXPECT_EQ(f.spines.size(), 16u);
  EXPECT_EQ(f.server_to_switch, 1020) << "cables_compute_and_ufm_to_leaf";
  EXPECT_EQ(f.switch_to_switch, 1024) << "cables_spine_leaf";
  EXPECT_EQ(f.other, 0);
  EXPECT_EQ(s.racks, 38) << "NVIDIA's rack count for 4 SU";
  // spod-h100-rack-power: 4 DGX per rack, 40.8 kW; 127 nodes x 10.2 kW = 1,295.4 kW of DGX.
  double dgx_w = 0;
  for (const auto& r : d.racks)
    for (const auto& dev : r.devices)
      if (dev.catalog_id == "nvidia-dgx-h100") dgx_w += 10200;
  EXPECT_NEAR(dgx_w, 1295400, 1e-6);
  EXPECT_NEAR(s.max_rack_w, 40800, 0.01 * 40800) << "densest rack within 1% of 40.8 kW";
}

TEST(Samples, Mi300xClusterHas1024Gpus) {
  const Catalog& c = test::installed_catalog();
  Design d = load_design(sample("mi300x-1024"));
  DesignSummary s = summarize(d, c);
  EXPECT_EQ(s.gpus, 1024);
  EXPECT_EQ(s.servers, 128);
  FabricCounts f = count_fabric(d, c);
  EXPECT_EQ(f.server_to_switch, 1024) << "one 400G NIC port per GPU";
  EXPECT_EQ(f.leaves.size(), 16u);
  EXPECT_EQ(f.spines.size(), 8u);
  EXPECT_EQ(f.switch_to_switch, 512) << "non-blocking: 32 x 800G up per leaf";
}

}  // namespace
}  // namespace cf
