// The cluster generator against published designs and closed forms: NVIDIA's DGX H100 SuperPOD
// (1-4 scalable units), k-ary fat-trees (Al-Fares et al. 2008), oversubscription, breakout,
// planes, and clear refusals.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analysis/design_report.h"
#include "analysis/network.h"
#include "analysis/pdu_rating.h"
#include "analysis/scale_up.h"
#include "analysis/summary.h"
#include "catalog/catalog_loader.h"
#include "design/validation.h"
#include "fabric/cabling.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

const Catalog& fabric_catalog() {
  static const Catalog c = load_catalog(
      {test::kSourceDir / "resources" / "catalog", test::kDataDir / "fabric-catalog"});
  return c;
}

// Link counts by the kinds of device at their ends, and switch tiers by the links they carry.
struct Census {
  int server_leaf = 0, manager_leaf = 0, leaf_spine = 0, spine_core = 0;
  std::set<std::string> leaves, spines, cores;
  int compute_links = 0;
};

Census census(const Design& d, const Catalog& c) {
  std::map<std::string, std::string> kind;
  for (const auto& r : d.racks)
    for (const auto& dev : r.devices) {
      const ServerSpec* s = c.server(dev.catalog_id);
      kind[dev.id] = s ? (s->gpus > 0 ? "server" : "manager") : c.network_switch(dev.catalog_id) ? "switch" : "other";
    }
  Census n;
  std::vector<Link> links;  // the compute fabric(s) only
  for (const auto& l : d.links)
    if (l.fabric_id.rfind("compute", 0) == 0) links.push_back(l);
  // Leaves touch servers; spines touch leaves; cores touch spines only.
  for (const auto& l : links) {
    const std::string &a = kind[l.a.device_id], &b = kind[l.b.device_id];
    if (a == "switch" && b != "switch") n.leaves.insert(l.a.device_id);
    if (b == "switch" && a != "switch") n.leaves.insert(l.b.device_id);
  }
  for (const auto& l : links) {
    if (kind[l.a.device_id] != "switch" || kind[l.b.device_id] != "switch") continue;
    bool a_leaf = n.leaves.count(l.a.device_id), b_leaf = n.leaves.count(l.b.device_id);
    if (a_leaf) n.spines.insert(l.b.device_id);
    if (b_leaf) n.spines.insert(l.a.device_id);
  }
  for (const auto& l : links) {
    const std::string &a = kind[l.a.device_id], &b = kind[l.b.device_id];
    ++n.compute_links;
    if (a == "server" || b == "server") ++n.server_leaf;
    else if (a == "manager" || b == "manager") ++n.manager_leaf;
    else if (n.leaves.count(l.a.device_id) || n.leaves.count(l.b.device_id)) ++n.leaf_spine;
    else {
      ++n.spine_core;
      for (const auto* id : {&l.a.device_id, &l.b.device_id})
        if (!n.spines.count(*id)) n.cores.insert(*id);
    }
  }
  return n;
}

// No Problem from validation or from the power, cooling and network analyses.
void expect_clean(const Design& d, const Catalog& c) {
  for (const auto& p : check_design(d, c)) ADD_FAILURE() << p.code << ": " << p.message;
}

// A request for the compute fabric alone (the service fabrics have tests of their own).
ClusterRequest compute_only() {
  ClusterRequest r;
  r.service_fabrics = false;
  return r;
}

// reference-designs.json, spod-h100-{1..4}su: NVIDIA RA-11333-001, Table 4.
TEST(FabricGenerator, DgxH100SuperPodMatchesNvidiaForOneToFourUnits) {
  Json ref = read_json_file(test::kDataDir / "reference-designs.json");
  int checked = 0;
  for (const auto& cs : ref["cases"]) {
    if (cs["category"] != "clos-2tier-rail-optimized") continue;
    SCOPED_TRACE(cs["id"].get<std::string>());
    const Json& pub = cs["expected_published"];
    const Json& derived = cs["expected_derived"];
    ClusterRequest req = compute_only();
    req.servers = pub["node_count"].get<int>();
    req.server_id = cs["inputs"]["server"];
    req.switch_id = cs["inputs"]["switch"];
    req.servers_per_rack = 4;
    GeneratedCluster g = generate_cluster(req, test::installed_catalog());
    Census n = census(g.design, test::installed_catalog());
    DesignSummary s = summarize(g.design, test::installed_catalog());
    EXPECT_EQ(s.servers, pub["node_count"].get<int>());
    EXPECT_EQ(s.gpus, pub["gpu_count"].get<int>());
    EXPECT_EQ(static_cast<int>(n.leaves.size()), pub["leaf_switches"].get<int>());
    EXPECT_EQ(static_cast<int>(n.spines.size()), pub["spine_switches"].get<int>());
    EXPECT_EQ(g.planes.at(0).leaves, pub["leaf_switches"].get<int>());
    EXPECT_EQ(g.planes.at(0).spines, pub["spine_switches"].get<int>());
    EXPECT_EQ(n.server_leaf + n.manager_leaf, pub["cables_compute_and_ufm_to_leaf"].get<int>());
    EXPECT_EQ(n.server_leaf, derived["cables_gpu_to_leaf"].get<int>());
    EXPECT_EQ(n.manager_leaf, derived["cables_ufm_to_leaf"].get<int>());
    EXPECT_EQ(n.leaf_spine, pub["cables_spine_leaf"].get<int>());
    EXPECT_EQ(n.spine_core, 0);
    EXPECT_EQ(static_cast<int>(n.leaves.size() + n.spines.size()),
              derived["total_compute_ib_switches"].get<int>());
    // Power: DGX at 10.2 kW and QM9700 at 1.72 kW, within the published 1 %.
    double dgx_kw = s.servers * 10.2, switch_kw = (n.leaves.size() + n.spines.size()) * 1.72;
    EXPECT_NEAR(dgx_kw, derived["dgx_it_power_kw_max"].get<double>(), 0.01 * dgx_kw);
    EXPECT_NEAR(switch_kw, derived["compute_fabric_switch_power_kw_max"].get<double>(), 0.01 * switch_kw);
    expect_clean(g.design, test::installed_catalog());
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}

TEST(FabricGenerator, SpineCountFollowsTheDivisorRuleNotLinearSize) {
  // 3 SU: 24 leaves x 32 uplinks need 12 spine-sized groups of 64 ports; 12 does not divide 32,
  // so 16 spines, each leaf with 2 links to each (NVIDIA publishes 16 for 3 SU).
  ClosInputs in{95, 8, 64, 1, 1, 0, 1, 1};
  ClosPlan p = plan_clos(in);
  EXPECT_EQ(p.units, 3);
  EXPECT_EQ(p.spines, 16);
  EXPECT_EQ(p.leaf_spine_links, 2);
  EXPECT_EQ(*smallest_divisor_at_least(32, 12), 16);
  EXPECT_FALSE(smallest_divisor_at_least(32, 33).has_value());
  EXPECT_EQ(down_ports(64, 1), 32);
  EXPECT_EQ(down_ports(64, 7), 56);
  EXPECT_EQ(down_ports(64, 3), 48);
}

// Al-Fares et al. 2008: k-port switches build k^3/4 hosts, k^2/2 edge and aggregation switches,
// k^2/4 cores; links = 3 k^3/4.
void expect_fat_tree(int k, const std::string& switch_id) {
  SCOPED_TRACE("k=" + std::to_string(k));
  ClusterRequest req = compute_only();
  req.servers = k * k * k / 4;
  req.server_id = "test-host";
  req.switch_id = switch_id;
  GeneratedCluster g = generate_cluster(req, fabric_catalog());
  const ClosPlan& p = g.planes.at(0);
  EXPECT_EQ(p.tiers, 3);
  EXPECT_EQ(p.leaves, k * k / 2);
  EXPECT_EQ(p.spines, k * k / 2);
  EXPECT_EQ(p.cores, k * k / 4);
  EXPECT_EQ(p.pods, k);
  Census n = census(g.design, fabric_catalog());
  EXPECT_EQ(n.server_leaf, k * k * k / 4);
  EXPECT_EQ(static_cast<int>(n.leaves.size() + n.spines.size() + n.cores.size()), 5 * k * k / 4);
  EXPECT_EQ(n.compute_links, 3 * k * k * k / 4);
}

TEST(FabricGenerator, KAryFatTreeK4) { expect_fat_tree(4, "test-switch-4p"); }
TEST(FabricGenerator, KAryFatTreeK48) { expect_fat_tree(48, "test-switch-48p"); }

TEST(FabricGenerator, OversubscribedTopTierHasTheRequestedRatio) {
  // 7:1 at the spines of a three-tier fabric of 64-port switches: 56 down, 8 up per spine.
  ClusterRequest req = compute_only();
  req.servers = 2048;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.tiers = 3;
  req.spine_oversubscription = 7;
  GeneratedCluster g = generate_cluster(req, test::installed_catalog());
  const ClosPlan& p = g.planes.at(0);
  EXPECT_EQ(p.spine_down, 56);
  EXPECT_EQ(p.spine_up, 8);
  EXPECT_DOUBLE_EQ(static_cast<double>(p.spine_down) / p.spine_up, 7.0);
  Census n = census(g.design, test::installed_catalog());
  EXPECT_EQ(n.spine_core, p.spines * 8);
  EXPECT_EQ(n.leaf_spine, p.leaves * 32);
  ASSERT_TRUE(g.design.fabrics[0].intent);
  EXPECT_EQ(*g.design.fabrics[0].intent->spine_oversubscription, 7.0);
  expect_clean(g.design, test::installed_catalog());
}

TEST(FabricGenerator, LeafOversubscriptionSplitsPorts) {
  ClusterRequest req = compute_only();
  req.servers = 64;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.leaf_oversubscription = 3;
  GeneratedCluster g = generate_cluster(req, test::installed_catalog());
  EXPECT_EQ(g.planes[0].leaf_down, 48);
  EXPECT_EQ(g.planes[0].leaf_up, 16);
  expect_clean(g.design, test::installed_catalog());
}

TEST(FabricGenerator, BreakoutPutsTwo400GNicsOnOne800GPort) {
  ClusterRequest req = compute_only();
  req.gpus = 1024;
  req.server_id = "supermicro-as-8125gs-tnmr2";
  req.switch_id = "nvidia-sn5600";
  GeneratedCluster g = generate_cluster(req, test::installed_catalog());
  const ClosPlan& p = g.planes.at(0);
  EXPECT_EQ(p.endpoints_per_leaf, 64);  // 32 ports x 2 lanes
  EXPECT_EQ(p.leaves, 16);
  EXPECT_EQ(p.spines, 8);
  Census n = census(g.design, test::installed_catalog());
  EXPECT_EQ(n.server_leaf, 1024);
  EXPECT_EQ(n.manager_leaf, 0) << "Ethernet: no subnet manager";
  EXPECT_EQ(n.leaf_spine, 512);
  expect_clean(g.design, test::installed_catalog());
}

TEST(FabricGenerator, PlanesSplitNicPortsIntoIndependentFabrics) {
  ClusterRequest req = compute_only();
  req.servers = 64;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.planes = 2;
  GeneratedCluster g = generate_cluster(req, test::installed_catalog());
  ASSERT_EQ(g.planes.size(), 2u);
  EXPECT_EQ(g.planes[0].leaves, 3 * 4) << "4 rails per plane";
  std::map<std::string, int> by_fabric;
  for (const auto& l : g.design.links) ++by_fabric[l.fabric_id];
  EXPECT_EQ(by_fabric.size(), 2u) << "two compute planes, no service fabrics requested";
  EXPECT_EQ(by_fabric["compute-p1"], by_fabric["compute-p2"]);
  expect_clean(g.design, test::installed_catalog());
}

TEST(FabricGenerator, RefusesWhatCannotBeBuilt) {
  const Catalog& c = test::installed_catalog();
  auto refusal = [&](ClusterRequest r) -> std::string {
    try {
      generate_cluster(r, c);
    } catch (const GenerateError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  ClusterRequest base = compute_only();
  base.servers = 16;
  base.server_id = "nvidia-dgx-h100";
  base.switch_id = "nvidia-qm9700";
  ClusterRequest r = base;
  r.servers = 4096;
  r.tiers = 2;
  EXPECT_NE(refusal(r).find("two tiers of 64-port switches cannot reach"), std::string::npos) << refusal(r);
  r = base;
  r.server_id = "nvidia-ufm-appliance-ndr";
  EXPECT_NE(refusal(r).find("has no GPUs"), std::string::npos);
  r = base;
  r.switch_id = "nvidia-qm8700";  // 200G HDR ports, 400G NICs
  EXPECT_NE(refusal(r).find("slower than the server's NICs"), std::string::npos) << refusal(r);
  r = base;
  r.planes = 3;
  EXPECT_NE(refusal(r).find("do not divide into 3 planes"), std::string::npos);
  r = base;
  r.servers.reset();
  EXPECT_NE(refusal(r).find("either a GPU count or a server count"), std::string::npos);
  r = base;
  r.switch_id = "nvidia-dgx-h100";
  EXPECT_NE(refusal(r).find("unknown switch"), std::string::npos);
  r = base;
  r.servers = 70000 / 8;
  EXPECT_NE(refusal(r).find("three tiers of 64-port switches cannot reach"), std::string::npos) << refusal(r);
}

TEST(FabricGenerator, AutoRackSizingRespectsTheCoolingBudget) {
  ClusterRequest req = compute_only();
  req.servers = 32;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  EXPECT_EQ(generate_cluster(req, test::installed_catalog()).servers_per_rack, 3)
      << "air: 40 kW / 10.2 kW";
  req.cooling = CoolingChoice::RearDoor;
  EXPECT_EQ(generate_cluster(req, test::installed_catalog()).servers_per_rack, 6)
      << "rear door 75 kW allows 7; the 48U rack holds 6 x 8U";
}

TEST(FabricGenerator, GeneratedDesignRoundTripsThroughTheFile) {
  ClusterRequest req = compute_only();
  req.servers = 31;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  Design d = generate_cluster(req, test::installed_catalog()).design;
  EXPECT_EQ(parse_design_text(design_to_text(d)), d);
}

TEST(Cabling, LengthFormulaAndMediumByReach) {
  EXPECT_DOUBLE_EQ(link_length_m({0, 0}, {0, 0}, true), 1.5);
  // (6 + 3 + 2 x 1.5) x 1.1 = 13.2 m
  EXPECT_DOUBLE_EQ(link_length_m({0, 0}, {6, 3}, false), 13.2);
  const Catalog& c = test::installed_catalog();
  EXPECT_EQ(pick_medium(c, 400e9, 1.5)->type, "dac");
  EXPECT_EQ(pick_medium(c, 400e9, 13.2)->fiber, "mmf");
  EXPECT_EQ(pick_medium(c, 400e9, 80)->fiber, "mmf") << "a 100 m multimode AOC reaches";
  EXPECT_EQ(pick_medium(c, 400e9, 150)->fiber, "smf");
  EXPECT_EQ(pick_medium(c, 800e9, 600)->id, "nvidia-mms4x50-nm");
  EXPECT_EQ(pick_medium(c, 800e9, 5000), nullptr);
}


TEST(PduRating, ThreePhaseIsRootThreeVoltsAmpsDeratedTo80Percent) {
  // Raritan PX3-5878I2R: 415 V, 60 A, three-phase, sold as 34.5 kVA.
  const PduSpec* pdu = test::installed_catalog().pdu("raritan-px3-5878i2r");
  ASSERT_TRUE(pdu);
  EXPECT_NEAR(pdu_rating_w(*pdu), 34500, 0.01 * 34500);
  PduSpec single;
  single.phases = 1;
  single.voltage_v = 230;
  single.current_a = 16;
  EXPECT_DOUBLE_EQ(pdu_rating_w(single), 230 * 16 * 0.8);
}

TEST(FabricGenerator, EachRackSideCarriesTheRackAlone) {
  ClusterRequest req = compute_only();
  req.servers = 31;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.servers_per_rack = 4;
  Design d = generate_cluster(req, test::installed_catalog()).design;
  const Catalog& c = test::installed_catalog();
  std::map<std::string, FeedSide> side;
  for (const auto& f : d.power_feeds) side[f.id] = f.side;
  for (const auto& rack : d.racks) {
    double load = 0, a = 0, b = 0;
    for (const auto& dev : rack.devices) {
      if (const PduSpec* p = c.pdu(dev.catalog_id))
        (side.at(dev.feed_id) == FeedSide::A ? a : b) += pdu_rating_w(*p);
      else if (const Mountable* m = c.mountable(dev.catalog_id); m && m->max_power_w)
        load += *m->max_power_w;
    }
    EXPECT_GE(a, load) << rack.id;
    EXPECT_GE(b, load) << rack.id;
  }
}


TEST(ScaleUp, DomainsComeFromTheCatalog) {
  const Catalog& c = test::installed_catalog();
  auto spod = analyze_scale_up(load_design(test::kSourceDir / "samples" / "dgx-h100-superpod-4su.cluster.json"), c);
  ASSERT_EQ(spod.size(), 1u) << "the UFM appliances have no GPUs";
  EXPECT_EQ(spod[0].gpus_per_domain, 8);
  EXPECT_EQ(spod[0].domains, 127);
  EXPECT_DOUBLE_EQ(spod[0].bandwidth_bps_per_gpu, 3.6e12);  // 900 GB/s bidirectional
  Design racks = test::small_design();
  racks.links.clear();
  racks.racks[0].catalog_id = "nvidia-mgx-nvl72-rack";
  racks.racks[0].devices = {{"nvl-1", "", "nvidia-gb200-nvl72", 1, Face::Front, "", {}, {}}};
  Rack second = racks.racks[0];
  second.id = "a02";
  second.position = 1;
  second.devices[0].id = "nvl-2";
  racks.racks.push_back(second);
  auto nvl = analyze_scale_up(racks, c);
  ASSERT_EQ(nvl.size(), 1u);
  EXPECT_EQ(nvl[0].gpus_per_domain, 72);
  EXPECT_EQ(nvl[0].domains, 2);
  EXPECT_DOUBLE_EQ(nvl[0].bandwidth_bps_per_gpu, 7.2e12);  // 1.8 TB/s bidirectional
  auto mi = analyze_scale_up(load_design(test::kSourceDir / "samples" / "mi300x-1024.cluster.json"), c);
  EXPECT_EQ(mi[0].domains, 128);
  EXPECT_DOUBLE_EQ(mi[0].bandwidth_bps_per_gpu, 896e9 * 8 / 2);
}


TEST(FabricGenerator, ServiceFabricsAreSizedFromTheOtherPorts) {
  ClusterRequest req;
  req.servers = 127;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.servers_per_rack = 4;
  const Catalog& c = test::installed_catalog();
  Design d = generate_cluster(req, c).design;
  std::map<std::string, int> links;
  for (const auto& l : d.links) ++links[l.fabric_id];
  // Storage: 4 x 400G per DGX H100 on SN5600 lanes (64 per leaf): 508 endpoints, 8 leaves,
  // each with 32 x 800G up to 4 spines: 256 uplinks.
  EXPECT_EQ(links["storage"], 127 * 4 + 8 * 32);
  EXPECT_EQ(links["compute"], 2044) << "unchanged by the service fabrics";
  // Out-of-band: every BMC and every switch or appliance management port has a 1G link.
  int oob_ports = 127;  // DGX BMCs
  for (const auto& r : d.racks)
    for (const auto& dev : r.devices)
      if (const SwitchSpec* s = c.network_switch(dev.catalog_id); s && dev.id.rfind("oob-", 0) != 0)
        oob_ports += 1;  // each fabric switch has one management port
  oob_ports += 2;        // the two UFM appliances' BMCs
  int oob_edge = 0;
  for (const auto& l : d.links)
    if (l.fabric_id == "oob" && (l.a.device_id.rfind("oob-", 0) != 0 || l.b.device_id.rfind("oob-", 0) != 0))
      ++oob_edge;
  EXPECT_EQ(oob_edge, oob_ports);
  std::set<std::string> kinds;
  for (const auto& f : d.fabrics) kinds.insert(to_string(f.kind));
  EXPECT_EQ(kinds, (std::set<std::string>{"compute", "storage", "oob", "scale_up"}))
      << "the DGX H100 has no separate in-band ports in the catalog";
  // The only problems are the out-of-band switches' unpublished maximum power.
  for (const auto& p : validate(d, c)) {
    EXPECT_EQ(p.code, "missing-spec") << p.message;
    EXPECT_TRUE(p.object_id == "nvidia-sn2201" || p.object_id == "nvidia-sn4600c") << p.object_id;
  }
}


TEST(FabricGenerator, LeavesStandInTheMiddleOrAtTheEndOfTheirUnit) {
  ClusterRequest req = compute_only();
  req.servers = 31;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.servers_per_rack = 4;
  auto position_of = [](const Design& d, const std::string& rack) {
    for (const auto& r : d.racks)
      if (r.id == rack) return r.position;
    return -1;
  };
  Design middle = generate_cluster(req, test::installed_catalog()).design;
  EXPECT_EQ(position_of(middle, "su1-net"), 4) << "8 compute racks, leaves between r04 and r05";
  req.leaves_at_row_end = true;
  Design end = generate_cluster(req, test::installed_catalog()).design;
  EXPECT_EQ(position_of(end, "su1-net"), 8);
  EXPECT_EQ(position_of(end, "su1-r08"), 7);
  // Shorter server cables with the leaves in the middle.
  auto total = [](const Design& d) {
    double m = 0;
    for (const auto& l : d.links) m += l.length_m;
    return m;
  };
  EXPECT_LT(total(middle), total(end));
}


TEST(FabricGenerator, RackScaleSystemsConnectEachComputeTrayAsANode) {
  // GB200 NVL72: 18 compute trays of 4 ConnectX-7 each; rail r of every tray to leaf r.
  ClusterRequest req = compute_only();
  req.servers = 16;
  req.server_id = "nvidia-gb200-nvl72";
  req.switch_id = "nvidia-qm9700";
  req.cooling = CoolingChoice::Liquid;
  const Catalog& c = test::installed_catalog();
  GeneratedCluster g = generate_cluster(req, c);
  const ClosPlan& p = g.planes.at(0);
  // 16 x 18 = 288 nodes + 1 subnet-manager slot over 32-slot units: 10 units of 4 rails.
  EXPECT_EQ(p.units, 10);
  EXPECT_EQ(p.leaves, 40);
  EXPECT_EQ(g.servers_per_rack, 1);
  for (const auto& r : g.design.racks)
    for (const auto& d : r.devices)
      if (d.catalog_id == "nvidia-gb200-nvl72") {
        EXPECT_EQ(r.catalog_id, "nvidia-mgx-nvl72-rack");
      }
  for (const auto& p : validate(g.design, c)) ADD_FAILURE() << p.message;
  // Switches stay air-cooled: network racks keep the 40 kW air budget and in-row coolers.
  DesignSummary s = summarize(g.design, c);
  for (const auto& r : s.rack_power)
    if (r.id.rfind("net-", 0) == 0) {
      EXPECT_LE(r.max_w, 40000) << r.id;
    }
  std::map<std::string, std::set<std::string>> cooling_by_row;
  for (const auto& u : g.design.cooling_units) cooling_by_row[u.row_id].insert(c.cooling(u.catalog_id)->type);
  EXPECT_EQ(cooling_by_row["row-net-01"], std::set<std::string>{"inrow"});
  // The NVL72 is hybrid with no published liquid share: its heat is sized as air (and flagged).
  EXPECT_EQ(cooling_by_row["row-01"], std::set<std::string>{"inrow"});
  // A liquid-cooled server gets facility CDUs for its cold plates, in-row air for the rest.
  ClusterRequest lc = compute_only();
  lc.gpus = 512;
  lc.server_id = "supermicro-4u-lc-hgx-h100";
  lc.switch_id = "nvidia-sn5600";
  lc.cooling = CoolingChoice::Liquid;
  Design liquid = generate_cluster(lc, c).design;
  std::set<std::string> types;
  for (const auto& u : liquid.cooling_units)
    if (u.row_id == "row-01") types.insert(c.cooling(u.catalog_id)->type);
  EXPECT_EQ(types, (std::set<std::string>{"cdu_facility", "inrow"}));
  expect_clean(liquid, c);
  NetworkReport net = analyze_network(g.design, c);
  ASSERT_EQ(net.fabrics.size(), 1u);
  EXPECT_DOUBLE_EQ(net.fabrics[0].bisection_bps, 1152 / 2 * 400e9) << "non-blocking";
  EXPECT_TRUE(net.problems.empty()) << net.problems.front().message;
}


TEST(FabricGenerator, SevenToOneAtTheTopTierHasTheClosedFormBisection) {
  // 48-port switches, one 100G port per host, spines at 7:1 (42 down, 6 up): a pod is 42 leaves
  // of 24 hosts = 1,008 hosts, and two pods meet only through the cores. Closed form: the pod
  // split carries (N/2 x 100G) / 7 = 1,008 x 100G / 7 = 14.4 Tb/s.
  ClusterRequest req = compute_only();
  req.servers = 2016;
  req.server_id = "test-host";
  req.switch_id = "test-switch-48p";
  req.tiers = 3;
  req.spine_oversubscription = 7;
  GeneratedCluster g = generate_cluster(req, fabric_catalog());
  ASSERT_EQ(g.planes.at(0).pods, 2);
  NetworkReport net = analyze_network(g.design, fabric_catalog());
  ASSERT_EQ(net.fabrics.size(), 1u);
  EXPECT_DOUBLE_EQ(net.fabrics[0].full_bisection_bps, 1008 * 100e9);
  EXPECT_DOUBLE_EQ(net.fabrics[0].bisection_bps, 1008 * 100e9 / 7);
  ASSERT_TRUE(net.fabrics[0].oversubscription_spine.has_value());
  EXPECT_DOUBLE_EQ(*net.fabrics[0].oversubscription_spine, 7.0);
  EXPECT_TRUE(net.problems.empty()) << "the measured 7:1 is the intent";
}

}  // namespace
}  // namespace cf
