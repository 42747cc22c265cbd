// Each validation code, provoked by the smallest change to a clean design.

#include <gtest/gtest.h>

#include "design/validation.h"
#include "test_support.h"

namespace cf {
namespace {

class ValidationTest : public ::testing::Test {
 protected:
  const Catalog& catalog = test::installed_catalog();
  Design design = test::small_design();

  // The problems with `code`.
  std::vector<Problem> with_code(const std::string& code) {
    std::vector<Problem> out;
    for (auto& p : validate(design, catalog))
      if (p.code == code) out.push_back(p);
    return out;
  }
  Device& dev(const std::string& id) {
    for (auto& d : design.racks[0].devices)
      if (d.id == id) return d;
    throw std::runtime_error("no device " + id);
  }
  void wire_all_compute_ports() {
    int port = 3;
    for (const char* dgx : {"dgx-1", "dgx-2"})
      for (int i = (std::string(dgx) == "dgx-1" ? 2 : 2); i <= 8; ++i)
        design.links.push_back({std::string("w") + std::to_string(port), {dgx, "compute" + std::to_string(i)},
                                {"leaf-1", "p" + std::to_string(port++)}, "nvidia-mma4z00-ns400", 3, "compute", {}});
  }
};

TEST_F(ValidationTest, AFullyWiredDesignIsClean) {
  wire_all_compute_ports();
  auto problems = validate(design, catalog);
  for (const auto& p : problems) ADD_FAILURE() << p.code << ": " << p.message;
}

TEST_F(ValidationTest, OverlappingU) {
  dev("dgx-2").u = 5;
  auto p = with_code("overlapping-u");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/racks/0/devices/1/u");
  EXPECT_EQ(p[0].object_id, "dgx-2");
  EXPECT_EQ(p[0].severity, Severity::Error);
}

TEST_F(ValidationTest, DevicesOnOppositeFacesOverlapOnlyWhenFullDepth) {
  // Two half-depth devices at the same U on opposite faces are fine; full-depth ones are not.
  dev("leaf-1").u = 1;  // QM9700 is full depth in the catalog: it collides with dgx-1 at U1
  EXPECT_EQ(with_code("overlapping-u").size(), 1u);
}

TEST_F(ValidationTest, BeyondRack) {
  dev("leaf-1").u = 49;
  auto p = with_code("beyond-rack");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("U1 to U48"), std::string::npos) << p[0].message;
}

TEST_F(ValidationTest, UnknownCatalogId) {
  dev("dgx-2").catalog_id = "nvidia-dgx-h900";
  design.links[0].medium_id = "nvidia-dgx-h100";  // exists, but is not a medium
  auto p = with_code("unknown-catalog-id");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].message.find("unknown catalog id \"nvidia-dgx-h900\""), std::string::npos);
  EXPECT_NE(p[1].message.find("is a server, not a cable or optic"), std::string::npos);
}

TEST_F(ValidationTest, UnknownPort) {
  design.links[0].b.port = "p65";
  auto p = with_code("unknown-port");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/links/0/b/port");
}

TEST_F(ValidationTest, PortInUse) {
  design.links[1].b.port = "p1";
  EXPECT_EQ(with_code("port-in-use").size(), 1u);
}

TEST_F(ValidationTest, PortInUseNamesEveryEarlierLinkInFileOrder) {
  design.links.push_back({"l3", {"dgx-1", "compute2"}, {"leaf-1", "p1"}, "nvidia-mma4z00-ns400", 3, "compute", {}});
  design.links.push_back({"l4", {"dgx-2", "compute2"}, {"leaf-1", "p1"}, "nvidia-mma4z00-ns400", 3, "compute", {}});
  auto p = with_code("port-in-use");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].message, "l3: leaf-1 p1 is also used by link l1");
  EXPECT_EQ(p[0].path, "/links/2/b/port");
  EXPECT_EQ(p[1].message, "l4: leaf-1 p1 is also used by link l1");
  EXPECT_EQ(p[2].message, "l4: leaf-1 p1 is also used by link l3");
  EXPECT_EQ(p[2].path, "/links/3/b/port");
  EXPECT_EQ(p[2].object_id, "l4");
}

TEST_F(ValidationTest, LanesOfASplitPortAreInUseOneByOne) {
  dev("leaf-1").breakouts.push_back({"p", 1, 1, 2});
  design.links[0].b.port = "p1/1";
  design.links[1].b.port = "p1/2";
  EXPECT_TRUE(with_code("port-in-use").empty());
  design.links.push_back({"l3", {"dgx-1", "compute2"}, {"leaf-1", "p1/1"}, "nvidia-mma4z00-ns400", 3, "compute", {}});
  auto p = with_code("port-in-use");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "l3: leaf-1 p1/1 is also used by link l1");
}

TEST_F(ValidationTest, AnEndOnAnUnknownDeviceIsSkipped) {
  // Refused on load (check_structure), but an in-memory design may have it: no throw, and the
  // link's other end still counts.
  design.links[1].a.device_id = "ghost";
  design.links.push_back({"l3", {"dgx-1", "compute2"}, {"leaf-1", "p2"}, "nvidia-mma4z00-ns400", 3, "compute", {}});
  std::vector<Problem> problems;
  ASSERT_NO_THROW(problems = validate(design, catalog));
  auto p = with_code("port-in-use");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].message, "l3: leaf-1 p2 is also used by link l2");
  EXPECT_EQ(with_code("unconnected-server-nic").size(), 2u);  // dgx-2 lost its only link
}

TEST_F(ValidationTest, PortSpeedMismatch) {
  // A 400G DGX port on a 200G breakout lane of the leaf.
  dev("leaf-1").breakouts.push_back({"p", 1, 1, 2});
  design.links[0].b.port = "p1/1";
  auto p = with_code("port-speed-mismatch");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("400 Gb/s port to a 200 Gb/s port"), std::string::npos) << p[0].message;
  EXPECT_EQ(p[0].severity, Severity::Warning);
}

TEST_F(ValidationTest, MediumSlowerThanPort) {
  design.links[0].medium_id = "nvidia-mcp1650-h";  // a 200G HDR cable on 400G ports
  design.links[0].length_m = 1;
  EXPECT_EQ(with_code("port-speed-mismatch").size(), 1u);
}

TEST_F(ValidationTest, CableLongerThanItsReach) {
  design.links[0].length_m = 51;  // MMA4Z00-NS400 reaches 50 m on multimode fibre
  auto p = with_code("cable-over-reach");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].path, "/links/0/length_m");
  design.links[0].length_m = 50;
  EXPECT_TRUE(with_code("cable-over-reach").empty()) << "exactly the reach is fine";
}

TEST_F(ValidationTest, RackOverPower) {
  // Two DGX H100 (10.2 kW each) and a QM9700 (1.72 kW max) = 22.12 kW.
  design.racks[0].power_limit_w = 22100;
  auto p = with_code("rack-over-power");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("22.1 kW"), std::string::npos) << p[0].message;
  design.racks[0].power_limit_w = 22120;
  EXPECT_TRUE(with_code("rack-over-power").empty());
}

TEST_F(ValidationTest, RackOverWeight) {
  // The 48U rack is rated 800 kg; seven DGX H100 at 130.45 kg each weigh 913 kg.
  for (int i = 0; i < 5; ++i)
    design.racks[0].devices.push_back({"x" + std::to_string(i), "", "nvidia-dgx-h100", 17 + 8 * i, Face::Front, "", {}, {}});
  design.racks[0].devices[2].u = 57;  // move the leaf out of the way (it is now beyond the rack)
  auto p = with_code("rack-over-weight");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("rated load of 800 kg"), std::string::npos) << p[0].message;
}

TEST_F(ValidationTest, UnconnectedServerNic) {
  auto p = with_code("unconnected-server-nic");
  ASSERT_EQ(p.size(), 2u) << "one problem per server, not per port";
  EXPECT_NE(p[0].message.find("7 compute ports not connected (compute2, compute3, compute4, compute5, ...)"),
            std::string::npos)
      << p[0].message;
}

TEST_F(ValidationTest, RackPositionConflict) {
  Rack twin = design.racks[0];
  twin.id = "a02";
  twin.devices.clear();
  design.racks.push_back(twin);
  EXPECT_EQ(with_code("rack-position-conflict").size(), 1u);
}

TEST_F(ValidationTest, BadBreakout) {
  dev("leaf-1").breakouts.push_back({"p", 60, 70, 2});
  auto p = with_code("bad-breakout");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].message.find("p1 to p64"), std::string::npos) << p[0].message;
}

TEST_F(ValidationTest, MissingSpecIsAProblemNotAZero) {
  design.racks[0].devices.push_back({"spine", "", "nvidia-q3400-ra", 20, Face::Front, "", {}, {}});
  auto p = with_code("missing-spec");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].object_id, "nvidia-q3400-ra");
}

}  // namespace
}  // namespace cf
