// Headline figures and the bill of materials on hand-computed cases.

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/summary.h"
#include "io/bom.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(Summary, DgxH100RackDraws40Point8KilowattsAtMaximum) {
  DesignSummary s = summarize(test::four_dgx_h100_rack(), test::installed_catalog());
  EXPECT_EQ(s.gpus, 32);
  EXPECT_EQ(s.servers, 4);
  EXPECT_EQ(s.racks, 1);
  EXPECT_NEAR(s.it_max_w, 40800, 1e-6);
  EXPECT_NEAR(s.max_rack_w, 40800, 1e-6);
  EXPECT_EQ(s.max_rack_id, "a01");
  EXPECT_EQ(s.devices_without_power, 0) << "PDUs distribute power and are not counted as missing";
}

TEST(Summary, SwitchMaximumIsAddedAndUnknownPowerIsCountedNotZeroed) {
  Design d = test::small_design();
  d.racks[0].devices.push_back({"spine", "", "nvidia-q3400-ra", 20, Face::Front, "", {}, {}});
  DesignSummary s = summarize(d, test::installed_catalog());
  EXPECT_NEAR(s.it_max_w, 2 * 10200 + 1720, 1e-6);  // QM9700 max with active cables: 1,720 W
  EXPECT_EQ(s.switches, 2);
  EXPECT_EQ(s.devices_without_power, 1);
}

TEST(Summary, JsonKeysAreStable) {
  Json j = summarize(test::small_design(), test::installed_catalog()).to_json();
  for (const char* k : {"name", "gpus", "servers", "switches", "storage", "racks", "links", "power"})
    EXPECT_TRUE(j.contains(k)) << k;
  for (const char* k : {"it_max_w", "max_rack_w", "devices_without_power", "racks"})
    EXPECT_TRUE(j["power"].contains(k)) << k;
  EXPECT_EQ(j["power"]["racks"][0]["id"], "a01");
}

const BomLine* line(const Bom& bom, const std::string& id, const std::string& parent = "") {
  for (const auto& l : bom.lines)
    if (l.catalog_id == id && l.included_in == parent) return &l;
  return nullptr;
}

TEST(Bom, CountsEveryItemWithSubItemsInTheirServers) {
  const Catalog& c = test::installed_catalog();
  Bom bom = build_bom(test::small_design(), c);
  ASSERT_TRUE(line(bom, "rack-48u-600x1200"));
  EXPECT_EQ(line(bom, "rack-48u-600x1200")->quantity, 1);
  EXPECT_EQ(line(bom, "nvidia-dgx-h100")->quantity, 2);
  EXPECT_EQ(line(bom, "nvidia-qm9700")->quantity, 1);
  EXPECT_EQ(line(bom, "raritan-px3-5878i2r")->quantity, 2);
  const BomLine* gpus = line(bom, "nvidia-h100-sxm5-80gb", "nvidia-dgx-h100");
  ASSERT_TRUE(gpus);
  EXPECT_EQ(gpus->quantity, 16);
  EXPECT_FALSE(gpus->extended_price_usd()) << "GPUs are priced in their server";
  const BomLine* nics = line(bom, "nvidia-connectx-7-400g", "nvidia-dgx-h100");
  ASSERT_TRUE(nics);
  EXPECT_EQ(nics->quantity, 16) << "8 single-port ConnectX-7 per DGX H100";
  // Two links with a transceiver medium: a module at each end, and a fibre run of <= 3 m.
  EXPECT_EQ(line(bom, "nvidia-mma4z00-ns400")->quantity, 4);
}

TEST(Bom, TotalsAddKnownPricesOnlyAndCountTheUnknown) {
  const Catalog& c = test::installed_catalog();
  Bom bom = build_bom(test::small_design(), c);
  double expected = 0;
  int unknown = 0;
  for (const auto& l : bom.lines) {
    if (!l.included_in.empty()) continue;
    const CatalogItem* item = c.item(l.catalog_id);  // null for fibre runs: unpriced
    if (item && item->price_usd)
      expected += *item->price_usd * static_cast<double>(l.quantity);
    else
      ++unknown;
  }
  EXPECT_DOUBLE_EQ(bom.total_price_usd, expected);
  EXPECT_EQ(bom.lines_without_price, unknown);
  EXPECT_GT(bom.total_price_usd, 2 * 200000.0) << "two DGX H100 at an estimated ~$270k each";
  EXPECT_TRUE(bom.total_has_estimates);
}

TEST(Bom, CountsCoolingUnitsOutsideRacks) {
  Design d = test::small_design();
  d.cooling_units.push_back({"door", "", "rdhx-active", "", 0, "a01", {}});
  d.cooling_units.push_back({"irc", "", "inrow-chilled-water", "row-a", 1, "", {}});
  Bom bom = build_bom(d, test::installed_catalog());
  ASSERT_TRUE(line(bom, "rdhx-active"));
  EXPECT_EQ(line(bom, "rdhx-active")->category, "Cooling");
  EXPECT_EQ(line(bom, "inrow-chilled-water")->quantity, 1);
  EXPECT_FALSE(line(bom, "mystery-box"));
}

TEST(Bom, UnknownCatalogIdsAreListedNotDropped) {
  Design d = test::small_design();
  d.racks[0].devices[1].catalog_id = "mystery-box";
  Bom bom = build_bom(d, test::installed_catalog());
  const BomLine* l = line(bom, "mystery-box");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->category, "Unknown");
  EXPECT_EQ(l->quantity, 1);
}

TEST(Bom, CsvJsonAndMarkdownAgree) {
  Bom bom = build_bom(test::small_design(), test::installed_catalog());
  std::string csv = bom_to_csv(bom);
  EXPECT_EQ(csv.rfind("category,catalog_id,vendor,model,included_in,length,quantity,", 0), 0u);
  EXPECT_NE(csv.find("Servers,nvidia-dgx-h100,NVIDIA"), std::string::npos) << csv;
  std::size_t rows = std::count(csv.begin(), csv.end(), '\n');
  EXPECT_EQ(rows, bom.lines.size() + 2) << "header + lines + total";
  Json j = bom_to_json(bom);
  EXPECT_EQ(j["lines"].size(), bom.lines.size());
  EXPECT_DOUBLE_EQ(j["totals"]["price_usd"].get<double>(), bom.total_price_usd);
  std::string md = bom_to_markdown(bom, "t");
  EXPECT_NE(md.find("| Servers | NVIDIA"), std::string::npos);
  EXPECT_NE(md.find("(est.)"), std::string::npos);
  EXPECT_NE(md.find("| 2 | $270,000 (est.) | $540,000 |"), std::string::npos) << md;
}

}  // namespace
}  // namespace cf

#include "analysis/design_report.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"

namespace cf {
namespace {

TEST(Bom, CableAndOpticCountsEqualTheLinksByType) {
  const Catalog& c = test::installed_catalog();
  ClusterRequest req;
  req.servers = 64;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  Design d = generate_cluster(req, c).design;  // DAC, multimode, single-mode and RJ45 links
  std::map<std::string, long long> links;     // by medium type
  for (const auto& l : d.links) ++links[c.medium(l.medium_id)->type];
  Bom bom = build_bom(d, c);
  std::map<std::string, long long> items;
  long long fibre_runs = 0;
  for (const auto& l : bom.lines) {
    if (l.category != "Cables & optics") continue;
    if (l.catalog_id.empty()) {
      fibre_runs += l.quantity;
      EXPECT_FALSE(l.length.empty());
      continue;
    }
    const MediumSpec* m = c.medium(l.catalog_id);
    items[m->type] += l.quantity;
    if (m->type != "transceiver") {
      EXPECT_FALSE(l.length.empty()) << l.catalog_id;
    }
  }
  EXPECT_EQ(items["transceiver"], 2 * links["transceiver"]) << "a module at each end";
  EXPECT_EQ(fibre_runs, links["transceiver"]) << "one fibre run per optical link";
  for (const char* cable : {"dac", "acc", "aoc"}) EXPECT_EQ(items[cable], links[cable]) << cable;
  EXPECT_GT(links["dac"] + links["transceiver"], 0);
}

TEST(Bom, OrderableLengthBucketsRoundUp) {
  const Catalog& c = test::installed_catalog();
  Design d = test::small_design();
  d.links[0].medium_id = "nvidia-mcp4y10";  // DAC sold in 0.5, 1, 1.5 and 2 m
  d.links[0].length_m = 1.2;
  d.links[1].medium_id = "nvidia-mcp4y10";
  d.links[1].length_m = 1.5;
  Bom bom = build_bom(d, c);
  const BomLine* dac = nullptr;
  for (const auto& l : bom.lines)
    if (l.catalog_id == "nvidia-mcp4y10") dac = &l;
  ASSERT_TRUE(dac);
  EXPECT_EQ(dac->length, "1.5 m");
  EXPECT_EQ(dac->quantity, 2);
}

TEST(Bom, TotalsAgreeWithAnalyze) {
  const Catalog& c = test::installed_catalog();
  for (const char* name : {"lab-4x-dgx-h100", "dgx-h100-superpod-4su", "mi300x-1024"}) {
    Design d = load_design(test::kSourceDir / "samples" / (std::string(name) + ".cluster.json"));
    Bom bom = build_bom(d, c);
    DesignReport r = analyze_design(d, c);
    EXPECT_DOUBLE_EQ(bom.total_power_w, r.power.it_max_w) << name;
    EXPECT_DOUBLE_EQ(bom.total_price_usd, r.cost.hardware_usd) << name;
  }
}

}  // namespace
}  // namespace cf
