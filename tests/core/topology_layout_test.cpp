// The layered drawing of a fabric (analysis/topology_layout.h) and the links of the minimum
// bisection cut (analysis/network_bisection.h, min_cut) against hand-computed answers.

#include "analysis/topology_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "analysis/network.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"
#include "network_test_support.h"
#include "test_support.h"

namespace cf {
namespace {

const Fabric& compute_fabric(const Design& d) {
  for (const Fabric& f : d.fabrics)
    if (f.kind == FabricKind::Compute) return f;
  throw std::runtime_error("no compute fabric");
}

// Lays out the first compute fabric with the analysis's report.
struct Laid {
  NetworkReport report;
  TopologyLayout layout;
};
Laid lay_out(const Design& d, const Catalog& c, TopologyOptions options = {}) {
  Laid out;
  out.report = analyze_network(d, c);
  const Fabric& f = compute_fabric(d);
  const FabricReport* r = nullptr;
  for (const FabricReport& fr : out.report.fabrics)
    if (fr.id == f.id) r = &fr;
  out.layout = layout_topology(d, c, f, r, options);
  return out;
}

std::vector<std::string> tier_names(const TopologyLayout& l) {
  std::vector<std::string> out;
  for (const auto& t : l.tiers) out.push_back(t.name);
  return out;
}

// Links and capacity summed per pair of tiers ("Leaves-Spines"), and the cut's share.
struct PairSum {
  int edges = 0, links = 0, cut_links = 0;
  Bps capacity_bps = 0, cut_bps = 0;
};
std::map<std::string, PairSum> per_tier_pair(const TopologyLayout& l) {
  std::map<std::string, PairSum> out;
  for (const TopologyEdge& e : l.edges) {
    PairSum& p = out[l.tiers[l.nodes[e.lower].tier].name + "-" + l.tiers[l.nodes[e.upper].tier].name];
    ++p.edges;
    p.links += e.links;
    p.capacity_bps += e.capacity_bps;
    p.cut_links += e.cut_links;
    p.cut_bps += e.cut_bps;
  }
  return out;
}

const TopologyNode& node(const TopologyLayout& l, const std::string& label) {
  for (const TopologyNode& n : l.nodes)
    if (n.label == label) return n;
  throw std::runtime_error("no node " + label);
}

// The lab: 4 DGX H100 (8 × 400G each) on one QM9700 leaf.
TEST(TopologyLayout, LabSampleIsOneLeafOverFourServers) {
  const Catalog& c = test::installed_catalog();
  Design d = load_design(test::kSourceDir / "samples" / "lab-4x-dgx-h100.cluster.json");
  Laid laid = lay_out(d, c);
  const TopologyLayout& l = laid.layout;
  EXPECT_EQ(tier_names(l), (std::vector<std::string>{"Leaves", "Servers"}));
  ASSERT_EQ(l.tiers[0].nodes.size(), 1u);
  ASSERT_EQ(l.tiers[1].nodes.size(), 4u);
  EXPECT_EQ(l.nodes[l.tiers[0].nodes[0]].label, "leaf-01");
  EXPECT_EQ(l.nodes[l.tiers[0].nodes[0]].gpus, 32);
  EXPECT_FALSE(l.nodes[l.tiers[0].nodes[0]].oversubscription);  // no uplinks
  for (int i = 0; i < 4; ++i) {
    const TopologyNode& n = l.nodes[l.tiers[1].nodes[i]];
    EXPECT_EQ(n.label, "dgx-0" + std::to_string(i + 1));
    EXPECT_EQ(n.gpus, 8);
    EXPECT_EQ(n.up_bps, Bps{8 * 400'000'000'000LL});
  }
  ASSERT_EQ(l.edges.size(), 4u);
  for (const TopologyEdge& e : l.edges) {
    EXPECT_EQ(e.links, 8);
    EXPECT_EQ(e.capacity_bps, Bps{3'200'000'000'000LL});
    EXPECT_FALSE(e.oversubscription);  // from servers: no figure
  }
  EXPECT_EQ(l.links, 32);
  EXPECT_EQ(l.links_not_drawn, 0);
  // Bisection: 16 GPUs a side × 400G = 6.4 Tb/s. The split is "by leaf": the first 16 endpoints
  // (dgx-01, dgx-02) against the rest; the leaf carries all, so the cut closest to half A is
  // half A's own 16 GPU links.
  ASSERT_TRUE(l.bisection_bps);
  EXPECT_DOUBLE_EQ(*l.bisection_bps, 6.4e12);
  EXPECT_EQ(l.cut_bps, Bps{6'400'000'000'000LL});
  EXPECT_EQ(l.cut_links, 16);
  EXPECT_EQ(l.edges[0].cut_links, 8);  // dgx-01
  EXPECT_EQ(l.edges[1].cut_links, 8);  // dgx-02
  EXPECT_EQ(l.edges[2].cut_links, 0);
  EXPECT_EQ(l.edges[3].cut_links, 0);
}

// Four leaves of 4 hosts (100G) with one uplink to each of 2 spines: 2:1 at the leaves. The
// minimum bisection puts leaves 1-2 against 3-4: their 4 uplinks, 400 Gb/s, are the cut.
TEST(TopologyLayout, OversubscribedTwoTierCutsTheUplinksOfHalfTheLeaves) {
  const Catalog& c = test::network_test_catalog();
  Design d = test::two_tier(4, 4, 2);
  Laid laid = lay_out(d, c);
  const TopologyLayout& l = laid.layout;
  EXPECT_EQ(tier_names(l), (std::vector<std::string>{"Spines", "Leaves", "Servers"}));
  EXPECT_EQ(l.tiers[0].nodes.size(), 2u);
  EXPECT_EQ(l.tiers[1].nodes.size(), 4u);
  EXPECT_EQ(l.tiers[2].nodes.size(), 16u);
  auto pairs = per_tier_pair(l);
  EXPECT_EQ(pairs["Servers-Leaves"].links, 16);
  EXPECT_EQ(pairs["Servers-Leaves"].capacity_bps, Bps{1'600'000'000'000LL});
  EXPECT_EQ(pairs["Leaves-Spines"].edges, 8);
  EXPECT_EQ(pairs["Leaves-Spines"].links, 8);
  EXPECT_EQ(pairs["Leaves-Spines"].capacity_bps, Bps{800'000'000'000LL});
  for (const TopologyEdge& e : l.edges) {
    if (l.tiers[l.nodes[e.lower].tier].name != "Leaves") continue;
    ASSERT_TRUE(e.oversubscription);
    EXPECT_DOUBLE_EQ(*e.oversubscription, 2.0);  // 4 × 100G down, 2 × 100G up
  }
  EXPECT_DOUBLE_EQ(*node(l, "leaf3").oversubscription, 2.0);
  ASSERT_TRUE(l.bisection_bps);
  EXPECT_DOUBLE_EQ(*l.bisection_bps, 400e9);
  EXPECT_EQ(l.cut_bps, Bps{400'000'000'000LL});
  EXPECT_EQ(pairs["Leaves-Spines"].cut_links, 4);
  EXPECT_EQ(pairs["Servers-Leaves"].cut_links, 0);
  for (const TopologyEdge& e : l.edges) {
    const std::string& lower = l.nodes[e.lower].label;
    bool expected = lower == "leaf1" || lower == "leaf2";
    EXPECT_EQ(e.in_cut(), expected) << lower << " - " << l.nodes[e.upper].label;
  }
  // The report lists the same links: leaf1 and leaf2 to each spine.
  const auto& ids = laid.report.fabrics[0].cut_link_ids;
  EXPECT_EQ(ids.size(), 4u);
}

ClusterRequest dgx_h100(int servers, int tiers) {
  ClusterRequest req;
  req.service_fabrics = false;
  req.servers = servers;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  req.tiers = tiers;
  return req;
}

// 32 DGX H100 on 64-port QM9700, two tiers: the fabric manager takes one leaf slot per rail, so
// unit 1 holds 31 servers and unit 2 the 32nd; 16 leaves (one per unit and rail), each with 32
// uplinks, 4 to each of 8 spines (16 × 32 = 8 × 64).
TEST(TopologyLayout, GeneratedTwoTierClos) {
  const Catalog& c = test::installed_catalog();
  Laid laid = lay_out(generate_cluster(dgx_h100(32, 2), c).design, c);
  const TopologyLayout& l = laid.layout;
  EXPECT_EQ(tier_names(l), (std::vector<std::string>{"Spines", "Leaves", "Servers"}));
  EXPECT_EQ(l.tiers[0].nodes.size(), 8u);
  EXPECT_EQ(l.tiers[1].nodes.size(), 16u);
  EXPECT_EQ(l.tiers[2].nodes.size(), 32u);
  for (const auto& t : l.tiers) EXPECT_EQ(t.grouping, TopologyGrouping::None);
  // Leaves by unit, then rail.
  EXPECT_EQ(l.nodes[l.tiers[1].nodes[0]].label, "su1-leaf-r1");
  EXPECT_EQ(l.nodes[l.tiers[1].nodes[7]].label, "su1-leaf-r8");
  EXPECT_EQ(l.nodes[l.tiers[1].nodes[8]].label, "su2-leaf-r1");
  auto pairs = per_tier_pair(l);
  EXPECT_EQ(pairs["Servers-Leaves"].edges, 256);  // 32 servers × 8 rails, one link each
  EXPECT_EQ(pairs["Servers-Leaves"].links, 256);
  EXPECT_EQ(pairs["Servers-Leaves"].capacity_bps, Bps{256 * 400'000'000'000LL});  // 102.4 Tb/s
  EXPECT_EQ(pairs["Leaves-Spines"].edges, 128);  // 16 leaves × 8 spines
  EXPECT_EQ(pairs["Leaves-Spines"].links, 512);
  EXPECT_EQ(pairs["Leaves-Spines"].capacity_bps, Bps{512 * 400'000'000'000LL});  // 204.8 Tb/s
  for (const TopologyEdge& e : l.edges) {
    if (l.tiers[l.nodes[e.lower].tier].name != "Leaves") continue;
    EXPECT_EQ(e.links, 4);
    EXPECT_EQ(e.capacity_bps, Bps{1'600'000'000'000LL});
    ASSERT_TRUE(e.oversubscription);
    // Unit 1's leaves: 31 GPUs down, 32 uplinks; unit 2's: 1 GPU down.
    bool unit1 = l.nodes[e.lower].label.rfind("su1-", 0) == 0;
    EXPECT_DOUBLE_EQ(*e.oversubscription, unit1 ? 31.0 / 32 : 1.0 / 32);
  }
  EXPECT_EQ(l.links, 768);
  EXPECT_EQ(l.links_not_drawn, 4);  // the fabric manager's links
  // Non-blocking: 128 GPUs a side × 400G = 51.2 Tb/s. Split "by leaf": leaves r1-r4 of unit 1
  // (124 GPUs) and the first 4 GPUs of r5 (node-001 … node-004); the cut closest to half A is
  // half A's own GPU links.
  EXPECT_DOUBLE_EQ(*l.bisection_bps, 51.2e12);
  EXPECT_EQ(l.cut_candidate, "by leaf");
  EXPECT_EQ(l.cut_bps, Bps{128 * 400'000'000'000LL});
  EXPECT_EQ(pairs["Servers-Leaves"].cut_links, 128);
  EXPECT_EQ(pairs["Leaves-Spines"].cut_links, 0);
  for (const TopologyEdge& e : l.edges) {
    if (l.tiers[l.nodes[e.lower].tier].name != "Servers") continue;
    const std::string& server = l.nodes[e.lower].label;
    const std::string& leaf = l.nodes[e.upper].label;
    int n = std::stoi(server.substr(server.size() - 3));
    bool expected = leaf == "su1-leaf-r1" || leaf == "su1-leaf-r2" || leaf == "su1-leaf-r3" ||
                    leaf == "su1-leaf-r4" || (leaf == "su1-leaf-r5" && n <= 4);
    EXPECT_EQ(e.in_cut(), expected) << server << " - " << leaf;
  }
}

// The SuperPOD sample: 127 servers collapse into their 4 scalable units (31 + 3 × 32); with a
// bound of 8 nodes per tier the 32 leaves group by rail and the 16 spines in pairs.
TEST(TopologyLayout, SuperPodCollapsesServersByUnitAndLeavesByRail) {
  const Catalog& c = test::installed_catalog();
  Design d = load_design(test::kSourceDir / "samples" / "dgx-h100-superpod-4su.cluster.json");
  {
    Laid laid = lay_out(d, c);
    const TopologyLayout& l = laid.layout;
    EXPECT_EQ(tier_names(l), (std::vector<std::string>{"Spines", "Leaves", "Servers"}));
    EXPECT_EQ(l.tiers[0].nodes.size(), 16u);
    EXPECT_EQ(l.tiers[1].nodes.size(), 32u);
    ASSERT_EQ(l.tiers[2].nodes.size(), 4u);
    EXPECT_EQ(l.tiers[2].grouping, TopologyGrouping::Unit);
    EXPECT_EQ(l.tiers[2].devices, 127);
    const char* labels[] = {"Servers of unit 1 (31)", "Servers of unit 2 (32)",
                            "Servers of unit 3 (32)", "Servers of unit 4 (32)"};
    for (int u = 0; u < 4; ++u) {
      const TopologyNode& n = l.nodes[l.tiers[2].nodes[u]];
      EXPECT_EQ(n.label, labels[u]);
      EXPECT_EQ(n.gpus, u == 0 ? 248 : 256);
    }
    auto pairs = per_tier_pair(l);
    EXPECT_EQ(pairs["Servers-Leaves"].edges, 32);  // each unit to its 8 leaves
    EXPECT_EQ(pairs["Servers-Leaves"].links, 1016);
    EXPECT_EQ(pairs["Leaves-Spines"].edges, 512);  // 32 leaves × 16 spines, 2 links each
    EXPECT_EQ(pairs["Leaves-Spines"].links, 1024);
    EXPECT_EQ(pairs["Leaves-Spines"].capacity_bps, Bps{1024 * 400'000'000'000LL});
    const TopologyEdge& first = l.edges.front();  // unit 1 → su1-leaf1: 31 links
    EXPECT_EQ(l.nodes[first.lower].label, "Servers of unit 1 (31)");
    EXPECT_EQ(l.nodes[first.upper].label, "su1-leaf1");
    EXPECT_EQ(first.capacity_bps, Bps{31 * 400'000'000'000LL});
    EXPECT_EQ(l.links_not_drawn, 4);  // UFM
    EXPECT_DOUBLE_EQ(*l.bisection_bps, 203.2e12);
    EXPECT_EQ(l.cut_bps, Bps{508 * 400'000'000'000LL});
    EXPECT_EQ(l.cut_links, 508);
  }
  Laid small = lay_out(d, c, TopologyOptions{8});
  const TopologyLayout& l = small.layout;
  ASSERT_EQ(l.tiers.size(), 3u);
  EXPECT_EQ(l.tiers[0].grouping, TopologyGrouping::Range);
  ASSERT_EQ(l.tiers[0].nodes.size(), 8u);
  EXPECT_EQ(l.nodes[l.tiers[0].nodes[0]].label, "Spines 1\u20132 (2)");
  EXPECT_EQ(l.nodes[l.tiers[0].nodes[0]].device_ids,
            (std::vector<std::string>{"spine01", "spine02"}));
  EXPECT_EQ(l.tiers[1].grouping, TopologyGrouping::Rail);
  ASSERT_EQ(l.tiers[1].nodes.size(), 8u);
  const TopologyNode& rail3 = l.nodes[l.tiers[1].nodes[2]];
  EXPECT_EQ(rail3.label, "Leaves of rail 3 (4)");
  EXPECT_EQ(rail3.device_ids,
            (std::vector<std::string>{"su1-leaf3", "su2-leaf3", "su3-leaf3", "su4-leaf3"}));
  EXPECT_EQ(rail3.gpus, 127);
  EXPECT_EQ(l.tiers[2].nodes.size(), 4u);
  // Rail 3's leaves to spines 1-2: 4 leaves × 2 spines × 2 links.
  int checked = 0;
  for (const TopologyEdge& e : l.edges)
    if (e.lower == l.tiers[1].nodes[2] && e.upper == l.tiers[0].nodes[0]) {
      EXPECT_EQ(e.links, 16);
      EXPECT_EQ(e.capacity_bps, Bps{16 * 400'000'000'000LL});
      ++checked;
    }
  EXPECT_EQ(checked, 1);
  EXPECT_EQ(l.links, 1016 + 1024);  // nothing lost by collapsing
  EXPECT_EQ(l.cut_bps, Bps{508 * 400'000'000'000LL});
}

// 2,048 DGX H100 in three tiers (16,384 GPUs): every tier collapses to at most 64 nodes, by pod
// or by core group, and no device or link is lost.
TEST(TopologyLayout, LargeGeneratedDesignStaysBounded) {
  const Catalog& c = test::installed_catalog();
  Laid laid = lay_out(generate_cluster(dgx_h100(2048, 3), c).design, c);
  const TopologyLayout& l = laid.layout;
  const FabricReport& f = laid.report.fabrics[0];
  EXPECT_EQ(tier_names(l), (std::vector<std::string>{"Cores", "Spines", "Leaves", "Servers"}));
  const int devices[] = {f.core_switches, f.spine_switches, f.leaf_switches, 2048};
  std::size_t nodes = 0;
  for (std::size_t t = 0; t < l.tiers.size(); ++t) {
    EXPECT_LE(l.tiers[t].nodes.size(), 64u) << l.tiers[t].name;
    EXPECT_NE(l.tiers[t].grouping, TopologyGrouping::None) << l.tiers[t].name;
    EXPECT_EQ(l.tiers[t].devices, devices[t]) << l.tiers[t].name;
    int members = 0;
    for (int n : l.tiers[t].nodes) members += static_cast<int>(l.nodes[n].device_ids.size());
    EXPECT_EQ(members, devices[t]) << l.tiers[t].name;
    nodes += l.tiers[t].nodes.size();
  }
  EXPECT_EQ(nodes, l.nodes.size());
  EXPECT_LE(l.nodes.size(), 4u * 64);
  EXPECT_EQ(l.tiers[2].grouping, TopologyGrouping::Pod);
  EXPECT_EQ(l.links, f.links_server_leaf + f.links_leaf_spine + f.links_spine_core);
  EXPECT_EQ(static_cast<double>(l.cut_bps), f.bisection_bps);
}

// The cut's links carry exactly the bisection (max-flow min-cut) on the fat-tree too.
TEST(TopologyLayout, CutLinksCarryTheBisectionOnAFatTree) {
  const Catalog& c = test::network_test_catalog();
  Design d = test::fat_tree(4);
  Laid laid = lay_out(d, c);
  const FabricReport& f = laid.report.fabrics[0];
  EXPECT_EQ(static_cast<double>(laid.layout.cut_bps), f.bisection_bps);
  EXPECT_EQ(laid.layout.cut_links, static_cast<int>(f.cut_link_ids.size()));
  EXPECT_GT(laid.layout.cut_links, 0);
}

}  // namespace
}  // namespace cf
