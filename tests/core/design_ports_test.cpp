// DesignDevices and DesignPorts: every device with its catalog entries, every link end resolved
// once, physical ports numbered across the design; checked against the catalog's port counts
// worked out by hand.

#include <gtest/gtest.h>

#include "design/design_ports.h"
#include "test_support.h"

namespace cf {
namespace {

class DesignPortsTest : public ::testing::Test {
 protected:
  const Catalog& catalog = test::installed_catalog();
  Design design = test::small_design();
};

// DGX H100: compute1-8, storage1-4, bmc1 = 13 ports; QM9700: p1-64, mgmt1 = 65; the PDUs none.
TEST_F(DesignPortsTest, NumbersPhysicalPortsDeviceAfterDevice) {
  const DesignDevices devices(design, catalog);
  ASSERT_EQ(devices.all().size(), 5u);
  EXPECT_EQ(devices.all()[0].first_port, 0);
  EXPECT_EQ(devices.all()[1].first_port, 13);
  EXPECT_EQ(devices.all()[2].first_port, 26);
  EXPECT_EQ(devices.all()[3].first_port, 91);
  EXPECT_EQ(devices.all()[4].first_port, 91);
  EXPECT_EQ(devices.physical_ports(), 91);
  const DeviceEntry& dgx2 = devices.at(0, 1);
  EXPECT_EQ(dgx2.device->id, "dgx-2");
  ASSERT_NE(dgx2.server, nullptr);
  EXPECT_EQ(dgx2.network_switch, nullptr);
  // storage3 of dgx-2: after its 8 compute ports, the third storage port.
  EXPECT_EQ(DesignPorts::physical_port(dgx2, dgx2.spec->ports[1], 3), 13 + 8 + 2);
  EXPECT_NE(devices.at(0, 2).network_switch, nullptr);
  EXPECT_EQ(devices.at(0, 3).spec->kind, ItemKind::Pdu);
}

TEST_F(DesignPortsTest, ResolvesBothEndsOfEveryLink) {
  const DesignPorts ports(design, catalog);
  const LinkEnd& a = ports.end(1, 0);  // l2: dgx-2 compute1
  const LinkEnd& b = ports.end(1, 1);  // l2: leaf-1 p2
  EXPECT_EQ(a.device, 1);
  ASSERT_TRUE(a.port);
  EXPECT_EQ(a.port->group->name, "compute");
  EXPECT_EQ(a.port->index, 1);
  EXPECT_EQ(a.port->lane, 0);
  EXPECT_EQ(a.port->speed_bps, 400e9);
  EXPECT_EQ(a.physical_port, 13);
  EXPECT_EQ(b.device, 2);
  EXPECT_EQ(b.physical_port, 26 + 1);
  ASSERT_NE(ports.devices().medium(1), nullptr);
  EXPECT_EQ(ports.devices().medium(1)->id, "nvidia-mma4z00-ns400");
}

TEST_F(DesignPortsTest, LanesOfASplitPortShareItsPhysicalPort) {
  design.racks[0].devices[2].breakouts.push_back({"p", 2, 2, 2});
  design.links[1].b.port = "p2/2";
  const DesignPorts ports(design, catalog);
  const LinkEnd& b = ports.end(1, 1);
  ASSERT_TRUE(b.port);
  EXPECT_EQ(b.port->index, 2);
  EXPECT_EQ(b.port->lane, 2);
  EXPECT_EQ(b.port->speed_bps, 200e9);  // QM9700 2 x 200G breakout
  EXPECT_EQ(b.physical_port, 27);
  EXPECT_EQ(b.port->physical(), "p2");
}

TEST_F(DesignPortsTest, WhatDoesNotResolveIsLeftEmpty) {
  design.links[0].a.port = "compute9";          // a DGX H100 has 8
  design.links[1].a.device_id = "no-such-device";  // refused on load, possible in memory
  design.links[1].medium_id = "nvidia-dgx-h100";   // not a medium
  design.racks[0].devices[2].catalog_id = "unknown-switch";
  const DesignPorts ports(design, catalog);
  EXPECT_EQ(ports.end(0, 0).device, 0);
  EXPECT_FALSE(ports.end(0, 0).port);
  EXPECT_EQ(ports.end(0, 0).physical_port, -1);
  EXPECT_EQ(ports.end(1, 0).device, -1);
  EXPECT_FALSE(ports.end(1, 0).port);
  EXPECT_EQ(ports.end(1, 1).device, 2);  // the leaf is there, its catalog entry is not
  EXPECT_FALSE(ports.end(1, 1).port);
  EXPECT_EQ(ports.devices().medium(1), nullptr);
  EXPECT_EQ(ports.devices().physical_ports(), 26);  // the unknown switch has no ports
}

TEST_F(DesignPortsTest, FindsDevicesByIdTheFirstOfDuplicates) {
  design.racks[0].devices[4].id = "pdu-a";
  const DesignDevices devices(design, catalog);
  EXPECT_EQ(devices.find("leaf-1"), 2);
  EXPECT_EQ(devices.find("pdu-a"), 3);
  EXPECT_EQ(devices.find("a01"), -1);  // a rack, not a device
}

TEST(PortsConflict, SamePhysicalPortWholeOrSameLane) {
  const PortGroup p{"p", PortRole::Fabric, 4, 400e9, "", "", {}};
  const PortGroup q{"q", PortRole::Fabric, 4, 400e9, "", "", {}};
  EXPECT_TRUE(ports_conflict({&p, 1, 0, 0}, {&p, 1, 0, 0}));
  EXPECT_TRUE(ports_conflict({&p, 1, 0, 0}, {&p, 1, 2, 0}));  // the whole port and a lane
  EXPECT_TRUE(ports_conflict({&p, 1, 2, 0}, {&p, 1, 2, 0}));
  EXPECT_FALSE(ports_conflict({&p, 1, 1, 0}, {&p, 1, 2, 0}));
  EXPECT_FALSE(ports_conflict({&p, 1, 0, 0}, {&p, 2, 0, 0}));
  EXPECT_FALSE(ports_conflict({&p, 1, 0, 0}, {&q, 1, 0, 0}));
}

}  // namespace
}  // namespace cf
