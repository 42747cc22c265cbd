// Links proposed for the user (the GUI's Connect dialog): free ports, length from the racks'
// places, medium for the port speed and length, the devices' fabric, a fresh id.

#include "fabric/link_proposal.h"

#include <gtest/gtest.h>

#include "design/edit.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(LinkProposal, FreePortsLeaveOutLinkedOnes) {
  const Design d = test::small_design();
  const auto dgx = free_ports(d, test::installed_catalog(), "dgx-1");
  // 8 compute + 4 storage + 1 BMC ports, compute1 linked (l1).
  EXPECT_EQ(dgx.size(), 12u);
  EXPECT_EQ(std::count(dgx.begin(), dgx.end(), "compute1"), 0);
  EXPECT_EQ(dgx.front(), "compute2");
  // 64 fabric ports + mgmt, p1 and p2 linked.
  const auto leaf = free_ports(d, test::installed_catalog(), "leaf-1");
  EXPECT_EQ(leaf.size(), 63u);
  EXPECT_EQ(leaf.front(), "p3");
  EXPECT_TRUE(free_ports(d, test::installed_catalog(), "no-such-device").empty());
}

TEST(LinkProposal, InOneRackACopperPatchInTheDevicesFabric) {
  const Design d = test::small_design();
  const Catalog& c = test::installed_catalog();
  std::string why;
  auto link = propose_link(d, c, {"dgx-1", "compute2"}, {"leaf-1", "p3"}, &why);
  ASSERT_TRUE(link) << why;
  EXPECT_EQ(link->length_m, 1.5);  // a patch inside one rack (docs/methods.md, "Cabling")
  const MediumSpec* m = c.medium(link->medium_id);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->type == "dac" || m->type == "acc") << m->id;
  EXPECT_GE(m->speed_bps, 400e9);
  EXPECT_EQ(link->fabric_id, "compute");
  EXPECT_EQ(link->id, "link-1");
  // And the connect edit takes it as it is.
  Design edited = d;
  EXPECT_TRUE(connect(*link)->apply(edited, c));
}

TEST(LinkProposal, BetweenRowsTheLengthFollowsTheFloor) {
  Design d = test::small_design();
  d.rows.push_back({"row-b", "B", 0, 3.0, {}});
  Rack b = d.racks[0];
  b.id = "b03";
  b.row_id = "row-b";
  b.position = 2;
  b.devices = {{"dgx-9", "", "nvidia-dgx-h100", 1, Face::Front, "", {}, {}}};
  d.racks.push_back(b);
  std::string why;
  auto link = propose_link(d, test::installed_catalog(), {"dgx-9", "compute1"}, {"leaf-1", "p3"}, &why);
  ASSERT_TRUE(link) << why;
  // (|1.2 − 0| + |3 − 0| + 2 × 1.5 vertical) × 1.1 slack = 7.92 → 8.0 m.
  EXPECT_DOUBLE_EQ(link->length_m, 8.0);
  const MediumSpec* m = test::installed_catalog().medium(link->medium_id);
  ASSERT_TRUE(m);
  EXPECT_GE(m->reach_m, 8.0);
}

TEST(LinkProposal, AnUnknownPortSaysWhy) {
  std::string why;
  EXPECT_FALSE(propose_link(test::small_design(), test::installed_catalog(), {"dgx-1", "compute9"}, {"leaf-1", "p3"}, &why));
  EXPECT_NE(why.find("dgx-1"), std::string::npos) << why;
}

}  // namespace
}  // namespace cf
