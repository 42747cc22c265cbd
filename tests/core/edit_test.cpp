// Every edit operation: what it does, what it refuses (with the reason) and that revert restores
// the design exactly.

#include <gtest/gtest.h>

#include "design/edit.h"
#include "design/validation.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

class EditTest : public ::testing::Test {
 protected:
  const Catalog& catalog = test::installed_catalog();
  Design design = test::small_design();

  // Applies, checks the design changed validly, reverts, checks it is back exactly.
  void expect_applies_and_reverts(Edit& edit) {
    Design before = design;
    EditResult r = edit.apply(design, catalog);
    ASSERT_TRUE(r) << edit.text() << ": " << r.reason();
    EXPECT_NE(design, before) << edit.text() << " changed nothing";
    EXPECT_FALSE(has_errors(validate(design, catalog))) << edit.text();
    EXPECT_NO_THROW(parse_design_text(design_to_text(design))) << "result must stay loadable";
    edit.revert(design);
    EXPECT_EQ(design, before) << edit.text() << " did not revert exactly";
    // And again: an undone edit can be redone.
    ASSERT_TRUE(edit.apply(design, catalog));
    edit.revert(design);
    EXPECT_EQ(design, before);
  }

  // Expects a refusal whose reason contains `why`, and an untouched design.
  void expect_refused(Edit& edit, const std::string& why) {
    Design before = design;
    EditResult r = edit.apply(design, catalog);
    ASSERT_FALSE(r) << edit.text() << " was accepted";
    EXPECT_NE(r.reason().find(why), std::string::npos) << r.reason();
    EXPECT_EQ(design, before) << "a refused edit must change nothing";
  }

  static Rack rack(std::string id, int position, std::string catalog_id = "rack-42u-600x1200") {
    Rack r;
    r.id = std::move(id);
    r.catalog_id = std::move(catalog_id);
    r.row_id = "row-a";
    r.position = position;
    return r;
  }
  static Device device(std::string id, std::string catalog_id, int u, Face face = Face::Front) {
    return Device{id, id, std::move(catalog_id), u, face, "", {}, {}};
  }
  static Link link(std::string id, PortRef a, PortRef b, std::string medium = "nvidia-mma4z00-ns400",
                   double length = 3) {
    return Link{std::move(id), std::move(a), std::move(b), std::move(medium), length, "compute", {}};
  }
};

TEST_F(EditTest, AddRack) {
  auto edit = add_rack(rack("a02", 1));
  expect_applies_and_reverts(*edit);
}

TEST_F(EditTest, AddRackRefusals) {
  expect_refused(*add_rack(rack("a01", 5)), "already used by a rack");
  expect_refused(*add_rack(rack("dgx-1", 5)), "already used by a device");
  expect_refused(*add_rack(rack("a02", 0)), "is taken by rack a01");
  expect_refused(*add_rack(rack("a02", 1, "nvidia-dgx-h100")), "is a server, not a rack");
  expect_refused(*add_rack(rack("a02", 1, "no-such-rack")), "unknown catalog id");
  Rack bad_row = rack("a02", 1);
  bad_row.row_id = "row-z";
  expect_refused(*add_rack(bad_row), "unknown row");
  Rack full = rack("a02", 1);
  full.devices.push_back(device("x1", "nvidia-dgx-h100", 1));
  full.devices.push_back(device("x2", "nvidia-dgx-h100", 5));
  expect_refused(*add_rack(full), "overlaps x2");
}

TEST_F(EditTest, MoveRack) {
  expect_applies_and_reverts(*move_rack("a01", "row-a", 7));
  expect_refused(*move_rack("zz", "row-a", 7), "unknown rack");
  expect_refused(*move_rack("a01", "row-q", 7), "unknown row");
  ASSERT_TRUE(add_rack(rack("a02", 1))->apply(design, catalog));
  expect_refused(*move_rack("a01", "row-a", 1), "taken by rack a02");
}

TEST_F(EditTest, RemoveRackTakesItsDevicesAndLinksAndRevertsExactly) {
  auto edit = remove_rack("a01");
  Design before = design;
  ASSERT_TRUE(edit->apply(design, catalog));
  EXPECT_TRUE(design.racks.empty());
  EXPECT_TRUE(design.links.empty()) << "links to removed devices go with them";
  edit->revert(design);
  EXPECT_EQ(design, before);
  expect_applies_and_reverts(*remove_rack("a01"));
  expect_refused(*remove_rack("nope"), "unknown rack");
}

TEST_F(EditTest, MountDevice) {
  expect_applies_and_reverts(*mount_device("a01", device("dgx-3", "nvidia-dgx-h100", 17)));
  // In-rack cooling (a CDU) mounts like any device.
  expect_applies_and_reverts(*mount_device("a01", device("cdu", "cdu-in-rack", 25)));
}

TEST_F(EditTest, MountDeviceRefusals) {
  expect_refused(*mount_device("a01", device("dgx-3", "nvidia-dgx-h100", 5)), "overlaps dgx-1");
  expect_refused(*mount_device("a01", device("dgx-3", "nvidia-dgx-h100", 44)), "beyond a01");
  expect_refused(*mount_device("a01", device("dgx-3", "nvidia-dgx-h100", 0)), "beyond a01");
  expect_refused(*mount_device("a01", device("dgx-3", "nvidia-h100-sxm5-80gb", 17)),
                 "is a gpu, not something that mounts");
  expect_refused(*mount_device("a01", device("dgx-3", "nope", 17)), "unknown catalog id");
  expect_refused(*mount_device("a01", device("dgx-1", "nvidia-dgx-h100", 17)), "already used");
  expect_refused(*mount_device("zz", device("dgx-3", "nvidia-dgx-h100", 17)), "unknown rack");
  expect_refused(*mount_device("a01", device("pdu-c", "raritan-px3-5878i2r", 3)), "zero-U");
  Device pdu = device("pdu-c", "raritan-px3-5878i2r", 0);
  pdu.feed_id = "feed-z";
  expect_refused(*mount_device("a01", pdu), "unknown power feed");
  Device split = device("leaf-2", "nvidia-qm9700", 45);
  split.breakouts.push_back({"p", 1, 4, 3});
  expect_refused(*mount_device("a01", split), "cannot split into 3 lanes");
}

TEST_F(EditTest, MoveDeviceWithinAndAcrossRacks) {
  expect_applies_and_reverts(*move_device("dgx-2", "a01", 20, Face::Front));
  ASSERT_TRUE(add_rack(rack("a02", 1))->apply(design, catalog));
  expect_applies_and_reverts(*move_device("dgx-2", "a02", 1, Face::Front));
  expect_refused(*move_device("dgx-2", "a01", 3, Face::Front), "overlaps dgx-1");
  expect_refused(*move_device("dgx-2", "a02", 40, Face::Front), "beyond a02");
  expect_refused(*move_device("ghost", "a01", 20, Face::Front), "unknown device");
  expect_refused(*move_device("dgx-2", "nope", 20, Face::Front), "unknown rack");
}

TEST_F(EditTest, MovingADeviceOntoItsOwnSlotIsAllowed) {
  // A drag that ends where it started must not be refused as overlapping itself.
  auto edit = move_device("dgx-2", "a01", 10, Face::Front);
  ASSERT_TRUE(edit->apply(design, catalog)) << "overlaps only its own old position";
}

TEST_F(EditTest, UnmountDeviceTakesItsLinks) {
  auto edit = unmount_device("dgx-1");
  Design before = design;
  ASSERT_TRUE(edit->apply(design, catalog));
  ASSERT_EQ(design.links.size(), 1u);
  EXPECT_EQ(design.links[0].id, "l2");
  edit->revert(design);
  EXPECT_EQ(design, before);
  expect_applies_and_reverts(*unmount_device("leaf-1"));
  expect_refused(*unmount_device("ghost"), "unknown device");
}

TEST_F(EditTest, Connect) {
  expect_applies_and_reverts(*connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p3"})));
}

TEST_F(EditTest, ConnectRefusals) {
  expect_refused(*connect(link("l1", {"dgx-1", "compute2"}, {"leaf-1", "p3"})), "already used by a link");
  expect_refused(*connect(link("l3", {"dgx-1", "compute1"}, {"leaf-1", "p3"})),
                 "dgx-1 compute1 is already used by link l1");
  expect_refused(*connect(link("l3", {"dgx-1", "compute9"}, {"leaf-1", "p3"})), "compute1 to compute8");
  expect_refused(*connect(link("l3", {"dgx-1", "eth1"}, {"leaf-1", "p3"})), "has no ports named eth");
  expect_refused(*connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p3/1"})), "not configured for breakout");
  expect_refused(*connect(link("l3", {"dgx-1", "compute2"}, {"ghost", "p3"})), "unknown device");
  expect_refused(*connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p3"}, "nvidia-dgx-h100")),
                 "unknown medium");
  expect_refused(*connect(link("l3", {"dgx-1", "compute2"}, {"dgx-1", "compute2"})), "to itself");
  expect_refused(*connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p3"}, "nvidia-mma4z00-ns400", -2)),
                 "length");
  Link no_fabric = link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p3"});
  no_fabric.fabric_id = "nope";
  expect_refused(*connect(no_fabric), "unknown fabric");
}

TEST_F(EditTest, BreakoutLanesAreSeparatePortsButNotTheWholePort) {
  ASSERT_TRUE(set_property("leaf-1", "breakout", Json{{"p9-p10", 2}})->apply(design, catalog));
  expect_applies_and_reverts(*connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p9/1"})));
  ASSERT_TRUE(connect(link("l3", {"dgx-1", "compute2"}, {"leaf-1", "p9/1"}))->apply(design, catalog));
  expect_applies_and_reverts(*connect(link("l4", {"dgx-1", "compute3"}, {"leaf-1", "p9/2"})));
  expect_refused(*connect(link("l4", {"dgx-1", "compute3"}, {"leaf-1", "p9/1"})), "already used by link l3");
  expect_refused(*connect(link("l4", {"dgx-1", "compute3"}, {"leaf-1", "p9"})), "split into 2 lanes");
  expect_refused(*connect(link("l4", {"dgx-1", "compute3"}, {"leaf-1", "p9/3"})), "lanes 1 to 2");
}

TEST_F(EditTest, Disconnect) {
  expect_applies_and_reverts(*disconnect("l1"));
  expect_refused(*disconnect("l9"), "unknown link");
}

TEST_F(EditTest, SetProperty) {
  expect_applies_and_reverts(*set_property("dgx-1", "name", "gpu-node-01"));
  expect_applies_and_reverts(*set_property("dgx-2", "u", 20));
  expect_applies_and_reverts(*set_property("l1", "length_m", 12.5));
  expect_applies_and_reverts(*set_property("l1", "medium", "nvidia-mms4x00-ns400"));
  expect_applies_and_reverts(*set_property("a01", "power_limit_kw", 45));
  expect_applies_and_reverts(*set_property("a01", "catalog", "rack-52u-700x1200"));
  expect_applies_and_reverts(*set_property("", "name", "Renamed"));
  expect_applies_and_reverts(*set_property("site", "rack_pitch_m", 0.8));
  expect_applies_and_reverts(*set_property("s1", "tokens", 2e12));
  expect_applies_and_reverts(*set_property("s1", "precision", "fp8"));
  expect_applies_and_reverts(*set_property("row-a", "y_m", 3.0));
  expect_applies_and_reverts(*set_property("assumptions", "energy_usd_per_kwh", 0.12));
  expect_applies_and_reverts(*set_property("s1", "parameters", 70.6e9));
}

TEST_F(EditTest, SetPropertyRefusals) {
  expect_refused(*set_property("dgx-2", "u", 5), "overlaps dgx-1");
  expect_refused(*set_property("dgx-2", "u", -1), "from 0 to 60");
  expect_refused(*set_property("dgx-2", "u", "high"), "expected an integer");
  expect_refused(*set_property("dgx-2", "catalog", "nvidia-gb200-nvl72"), "beyond a01");
  expect_refused(*set_property("dgx-2", "id", "x"), "cannot be set");
  expect_refused(*set_property("dgx-2", "colour", "red"), "has no property \"colour\"");
  expect_refused(*set_property("ghost", "name", "x"), "unknown object");
  expect_refused(*set_property("l1", "b", Json{{"device", "leaf-1"}, {"port", "p2"}}), "already used by link l2");
  expect_refused(*set_property("a01", "catalog", "rack-42u-600x1200"), "leaf-1");
  expect_refused(*set_property("a01", "devices", Json::array()), "cannot be set");
  expect_refused(*set_property("pdu-a", "feed", "feed-z"), "unknown power feed");
  expect_refused(*set_property("s1", "precision", "fp7"), "expected one of");
  expect_refused(*set_property("assumptions", "gpu_utilization", 1.5), "from 0 to 1");
}

}  // namespace
}  // namespace cf
