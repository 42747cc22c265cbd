// The NetBox bulk-import folder (export/netbox_export.h) read back: hand-counted rows for the lab
// and SuperPOD samples, every reference between files resolved, every choice value one of NetBox's
// own, and the CSV parsed by an RFC 4180 reader of the test's own.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "command_support.h"
#include "io/csv.h"
#include "export/export_error.h"
#include "export/netbox_choices.h"
#include "export/netbox_export.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

// Choice values copied from netbox-community/netbox, netbox/dcim/choices.py (the NetBox 4.x
// version holding the InfiniBand 4X and 1.6 Tb/s types, v4.6.9 and later; docs/exports.md).
// InterfaceTypeChoices: the BASE-T and pluggable-transceiver groups, InfiniBand and Other.
const std::set<std::string> kInterfaceTypes = {
    "100base-tx", "1000base-t", "2.5gbase-t", "5gbase-t", "10gbase-t", "25gbase-t",
    "100base-x-sfp", "1000base-x-gbic", "1000base-x-sfp", "2.5gbase-x-sfp", "10gbase-x-sfpp",
    "10gbase-x-xfp", "10gbase-x-xenpak", "10gbase-x-x2", "25gbase-x-sfp28", "50gbase-x-sfp56",
    "40gbase-x-qsfpp", "50gbase-x-sfp28", "100gbase-x-cfp", "100gbase-x-cfp2", "100gbase-x-cfp4",
    "100gbase-x-cxp", "100gbase-x-cpak", "100gbase-x-dsfp", "100gbase-x-sfp112", "100gbase-x-sfpdd",
    "100gbase-x-qsfp28", "100gbase-x-qsfpdd", "200gbase-x-cfp2", "200gbase-x-qsfp56",
    "200gbase-x-qsfpdd", "400gbase-x-cfp2", "400gbase-x-qsfp112", "400gbase-x-qsfpdd",
    "400gbase-x-osfp", "400gbase-x-osfp-rhs", "400gbase-x-cdfp", "400gbase-x-cfp8",
    "800gbase-x-qsfpdd", "800gbase-x-osfp", "1.6tbase-x-osfp1600", "1.6tbase-x-osfp1600-rhs",
    "1.6tbase-x-qsfpdd1600", "infiniband-sdr", "infiniband-ddr", "infiniband-qdr",
    "infiniband-fdr10", "infiniband-fdr", "infiniband-edr", "infiniband-hdr", "infiniband-ndr",
    "infiniband-xdr", "other"};
// CableTypeChoices.
const std::set<std::string> kCableTypes = {
    "cat3", "cat5", "cat5e", "cat6", "cat6a", "cat7", "cat7a", "cat8", "mrj21-trunk", "dac-active",
    "dac-passive", "coaxial", "rg-6", "rg-8", "rg-11", "rg-59", "rg-62", "rg-213", "lmr-100",
    "lmr-200", "lmr-400", "mmf", "mmf-om1", "mmf-om2", "mmf-om3", "mmf-om4", "mmf-om5", "smf",
    "smf-os1", "smf-os2", "aoc", "power", "usb"};
const std::set<std::string> kSiteStatus = {"planned", "staging", "active", "decommissioning", "retired"};
const std::set<std::string> kRackStatus = {"reserved", "available", "planned", "active", "deprecated"};
const std::set<std::string> kDeviceStatus = {"offline", "active",    "planned",        "staged",
                                             "failed",  "inventory", "decommissioning"};
const std::set<std::string> kLinkStatus = {"connected", "planned", "decommissioning"};
const std::set<std::string> kFaces = {"front", "rear"};
const std::set<std::string> kRackWidths = {"10", "19", "21", "23"};
const std::set<std::string> kLengthUnits = {"km", "m", "cm", "mi", "ft", "in"};

// RFC 4180, read independently of the writer: quoted fields may hold commas, quotes (doubled)
// and line breaks; records end with CRLF.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(field), field.clear();
      rows.push_back(row), row.clear();
      ++i;
    } else {
      field += c;
    }
    any = true;
  }
  EXPECT_TRUE(!any || (row.empty() && field.empty())) << "the last record does not end with CRLF";
  return rows;
}

// A CSV file as records keyed by its header.
struct Table {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};
Table table(const std::string& text) {
  Table t;
  const auto rows = parse_csv(text);
  if (rows.empty()) return t;
  t.header = rows.front();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    EXPECT_EQ(rows[r].size(), t.header.size()) << "row " << r;
    std::map<std::string, std::string> m;
    for (std::size_t i = 0; i < rows[r].size() && i < t.header.size(); ++i) m[t.header[i]] = rows[r][i];
    t.rows.push_back(m);
  }
  return t;
}

// The device types YAML as key: value maps, one per document (the writer's own flat layout; the
// Python check below reads it with a real YAML parser).
std::vector<std::map<std::string, std::string>> yaml_documents(const std::string& text) {
  std::vector<std::map<std::string, std::string>> docs;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line == "---") {
      docs.emplace_back();
      continue;
    }
    const auto colon = line.find(": ");
    if (docs.empty() || colon == std::string::npos) continue;
    std::string value = line.substr(colon + 2);
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    docs.back()[line.substr(0, colon)] = value;
  }
  return docs;
}

struct Export {
  std::map<std::string, std::string> files;
  Table sites, manufacturers, roles, racks, devices, interfaces, cables;
  std::vector<std::map<std::string, std::string>> types;
};
Export export_of(const Design& d, NetBoxOptions options = {}) {
  Export e;
  e.files = netbox_import_files(d, test::installed_catalog(), options);
  e.sites = table(e.files.at("01-sites.csv"));
  e.manufacturers = table(e.files.at("02-manufacturers.csv"));
  e.roles = table(e.files.at("03-device-roles.csv"));
  e.types = yaml_documents(e.files.at("04-device-types.yaml"));
  e.racks = table(e.files.at("05-racks.csv"));
  e.devices = table(e.files.at("06-devices.csv"));
  e.interfaces = table(e.files.at("07-interfaces.csv"));
  e.cables = table(e.files.at("08-cables.csv"));
  return e;
}

Design sample(const std::string& name) {
  return load_design(test::kSourceDir / "samples" / (name + ".cluster.json"));
}

// Every reference resolves to an object of an earlier file, and every choice is NetBox's.
void expect_consistent(const Export& e) {
  std::set<std::string> sites, manufacturers, roles, racks, devices;
  std::set<std::pair<std::string, std::string>> types, interfaces;
  for (const auto& r : e.sites.rows) {
    sites.insert(r.at("name"));
    EXPECT_TRUE(kSiteStatus.count(r.at("status")));
  }
  for (const auto& r : e.manufacturers.rows) manufacturers.insert(r.at("name"));
  for (const auto& r : e.roles.rows) {
    roles.insert(r.at("name"));
    EXPECT_EQ(r.at("color").size(), 6u);
  }
  for (const auto& t : e.types) {
    EXPECT_TRUE(manufacturers.count(t.at("manufacturer"))) << t.at("manufacturer");
    EXPECT_TRUE(types.insert({t.at("manufacturer"), t.at("model")}).second) << t.at("model");
  }
  for (const auto& r : e.racks.rows) {
    EXPECT_TRUE(sites.count(r.at("site")));
    EXPECT_TRUE(kRackStatus.count(r.at("status")));
    EXPECT_TRUE(kRackWidths.count(r.at("width")));
    EXPECT_TRUE(racks.insert(r.at("name")).second) << "rack names are unique: " << r.at("name");
  }
  for (const auto& r : e.devices.rows) {
    EXPECT_TRUE(devices.insert(r.at("name")).second) << "device names are unique: " << r.at("name");
    EXPECT_TRUE(roles.count(r.at("role"))) << r.at("role");
    EXPECT_TRUE(types.count({r.at("manufacturer"), r.at("device_type")})) << r.at("device_type");
    EXPECT_TRUE(sites.count(r.at("site")));
    EXPECT_TRUE(kDeviceStatus.count(r.at("status")));
    if (!r.at("rack").empty()) { EXPECT_TRUE(racks.count(r.at("rack"))) << r.at("rack"); }
    EXPECT_EQ(r.at("position").empty(), r.at("face").empty()) << r.at("name");
    if (!r.at("face").empty()) { EXPECT_TRUE(kFaces.count(r.at("face"))); }
  }
  for (const auto& r : e.interfaces.rows) {
    EXPECT_TRUE(devices.count(r.at("device"))) << r.at("device");
    EXPECT_TRUE(kInterfaceTypes.count(r.at("type"))) << r.at("type");
    EXPECT_TRUE(interfaces.insert({r.at("device"), r.at("name")}).second) << r.at("device") << " " << r.at("name");
  }
  for (const auto& r : e.cables.rows) {
    for (const char* side : {"side_a", "side_b"}) {
      const std::string s(side);
      EXPECT_EQ(r.at(s + "_type"), "dcim.interface");
      EXPECT_TRUE(interfaces.count({r.at(s + "_device"), r.at(s + "_name")}))
          << r.at(s + "_device") << " " << r.at(s + "_name");
    }
    if (!r.at("type").empty()) { EXPECT_TRUE(kCableTypes.count(r.at("type"))) << r.at("type"); }
    EXPECT_TRUE(kLinkStatus.count(r.at("status")));
    if (!r.at("length_unit").empty()) { EXPECT_TRUE(kLengthUnits.count(r.at("length_unit"))); }
  }
}

// The lab, counted by hand from samples/lab-4x-dgx-h100.cluster.json and the catalog: rack A01
// with 4 DGX H100 (U1, 9, 17, 25), one QM9700 leaf (U42, rear), 4 zero-U PDUs and an active
// rear door; 32 DAC links.
TEST(NetBoxExport, LabSampleRowsAreItsDevicesPortsAndLinks) {
  const Export e = export_of(sample("lab-4x-dgx-h100"));
  EXPECT_EQ(e.files.size(), 9u);
  ASSERT_EQ(e.sites.rows.size(), 1u);
  EXPECT_EQ(e.sites.rows[0].at("name"), "Lab");
  // NVIDIA (DGX, QM9700), Raritan (PDUs), Generic (rear door).
  EXPECT_EQ(e.manufacturers.rows.size(), 3u);
  // Compute, switch, power, cooling, in the Okabe-Ito colours.
  std::map<std::string, std::string> colors;
  for (const auto& r : e.roles.rows) colors[r.at("name")] = r.at("color");
  EXPECT_EQ(colors, (std::map<std::string, std::string>{
                        {"Compute", "0072b2"}, {"Switch", "e69f00"}, {"Power", "f0e442"}, {"Cooling", "56b4e9"}}));
  EXPECT_EQ(e.types.size(), 4u);
  ASSERT_EQ(e.racks.rows.size(), 1u);
  EXPECT_EQ(e.racks.rows[0].at("name"), "A01");
  EXPECT_EQ(e.racks.rows[0].at("u_height"), "48");
  EXPECT_EQ(e.racks.rows[0].at("outer_width"), "600");
  EXPECT_EQ(e.racks.rows[0].at("outer_depth"), "1200");
  EXPECT_EQ(e.devices.rows.size(), 4u + 1u + 4u + 1u);
  using Placed = std::pair<std::string, std::string>;  // position, face
  std::map<std::string, Placed> placed;
  for (const auto& r : e.devices.rows) placed[r.at("name")] = {r.at("position"), r.at("face")};
  EXPECT_EQ(placed["dgx-01"], Placed("1", "front"));
  EXPECT_EQ(placed["dgx-04"], Placed("25", "front"));
  EXPECT_EQ(placed["leaf-01"], Placed("42", "rear"));
  EXPECT_EQ(placed["a01-pdu1"], Placed("", ""));  // zero-U
  EXPECT_EQ(placed["a01-door"], Placed("", ""));  // on the rear door
  // DGX H100: 8 compute + 4 storage + 1 BMC ports; QM9700: 64 + 1 management.
  EXPECT_EQ(e.interfaces.rows.size(), 4u * 13u + 65u);
  EXPECT_EQ(e.cables.rows.size(), 32u);
  for (const auto& r : e.interfaces.rows) {
    if (r.at("device") == "dgx-01" && r.at("name") == "compute1") {
      EXPECT_EQ(r.at("type"), "400gbase-x-osfp");
      EXPECT_EQ(r.at("speed"), "400000000");  // Kbps
      EXPECT_EQ(r.at("mgmt_only"), "false");
    }
    if (r.at("device") == "leaf-01" && r.at("name") == "mgmt1") {
      EXPECT_EQ(r.at("type"), "1000base-t");
      EXPECT_EQ(r.at("mgmt_only"), "true");
    }
  }
  const auto& first = e.cables.rows.front();
  EXPECT_EQ(first.at("label"), "l1");
  EXPECT_EQ(first.at("side_a_device"), "dgx-01");
  EXPECT_EQ(first.at("side_a_name"), "compute1");
  EXPECT_EQ(first.at("side_b_name"), "p1");
  EXPECT_EQ(first.at("type"), "dac-passive");  // MCP4Y10: a passive copper cable
  EXPECT_EQ(first.at("length"), "1.5");
  EXPECT_EQ(first.at("length_unit"), "m");
  EXPECT_EQ(first.at("status"), "planned");
  expect_consistent(e);
  EXPECT_NE(e.files.at("README.txt").find("08-cables.csv  (32 rows)"), std::string::npos)
      << e.files.at("README.txt");
}

// The 4-SU SuperPOD: 127 DGX H100 (13 ports each), 48 QM9700 (65), 2 UFM appliances (2 IB +
// BMC) and 140 PDUs in 38 racks, 26 cooling units, 2,044 transceiver links.
TEST(NetBoxExport, SuperPodCountsAndReferencesHold) {
  const Export e = export_of(sample("dgx-h100-superpod-4su"), {.built = true});
  EXPECT_EQ(e.racks.rows.size(), 38u);
  EXPECT_EQ(e.devices.rows.size(), 127u + 48u + 2u + 140u + 26u);
  EXPECT_EQ(e.interfaces.rows.size(), 127u * 13u + 48u * 65u + 2u * 3u);
  EXPECT_EQ(e.cables.rows.size(), 2044u);
  for (const auto& r : e.cables.rows) {
    EXPECT_EQ(r.at("status"), "connected");
    EXPECT_EQ(r.at("type"), "mmf");  // MMA4Z00-NS400: a multimode SR4 transceiver
  }
  for (const auto& r : e.devices.rows) EXPECT_EQ(r.at("status"), "active");
  expect_consistent(e);
}

// The MI300X cluster: 128 servers (8 compute + 2 front-end + 1 BMC ports), 16 SN5600 leaves
// with p1-p32 split in two (64 lanes + 32 ports + management) and 8 spines (64 + 1), 1,536 links
// from lanes and whole ports.
TEST(NetBoxExport, BreakoutLanesAreInterfacesOfTheirOwn) {
  const Export e = export_of(sample("mi300x-1024"));
  EXPECT_EQ(e.devices.rows.size(), 292u + 26u);
  EXPECT_EQ(e.interfaces.rows.size(), 128u * 11u + 16u * (64u + 32u + 1u) + 8u * 65u);
  EXPECT_EQ(e.cables.rows.size(), 1536u);
  std::map<std::string, std::string> leaf;  // name -> type, of leaf-g1-r1
  for (const auto& r : e.interfaces.rows)
    if (r.at("device") == "leaf-g1-r1") leaf[r.at("name")] = r.at("type") + " " + r.at("speed");
  EXPECT_EQ(leaf.count("p1"), 0u);  // used through its lanes only
  EXPECT_EQ(leaf["p1/2"], "400gbase-x-osfp 400000000");
  EXPECT_EQ(leaf["p64"], "800gbase-x-osfp 800000000");
  expect_consistent(e);
}

TEST(NetBoxExport, CommasQuotesAndDuplicateNamesSurviveTheCsv) {
  Design d = sample("lab-4x-dgx-h100");
  d.racks[0].name = "A01, \"east\"";
  d.racks[0].devices[0].name = "dgx, \"one\"";
  d.racks[0].devices[1].name = "twin";
  d.racks[0].devices[2].name = "twin";  // not unique: both keep their ids
  const Export e = export_of(d);
  EXPECT_EQ(e.racks.rows[0].at("name"), "A01, \"east\"");
  std::set<std::string> names;
  for (const auto& r : e.devices.rows) {
    names.insert(r.at("name"));
    EXPECT_EQ(r.at("rack"), "A01, \"east\"");
  }
  EXPECT_TRUE(names.count("dgx, \"one\""));
  EXPECT_TRUE(names.count("dgx-02"));
  EXPECT_TRUE(names.count("dgx-03"));
  EXPECT_FALSE(names.count("twin"));
  expect_consistent(e);
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("plain"), "plain");
}

TEST(NetBoxExport, PortsAndMediaMapToNetBoxChoices) {
  EXPECT_EQ(netbox_interface_type("osfp", 800e9), "800gbase-x-osfp");
  EXPECT_EQ(netbox_interface_type("OSFP", 400e9), "400gbase-x-osfp");
  EXPECT_EQ(netbox_interface_type("qsfp112", 400e9), "400gbase-x-qsfp112");
  EXPECT_EQ(netbox_interface_type("qsfp56", 200e9), "200gbase-x-qsfp56");
  EXPECT_EQ(netbox_interface_type("qsfp28", 100e9), "100gbase-x-qsfp28");
  EXPECT_EQ(netbox_interface_type("rj45", 1e9), "1000base-t");
  EXPECT_EQ(netbox_interface_type("osfp", 200e9), "other");  // no 200G OSFP type in NetBox
  EXPECT_EQ(netbox_interface_type("cxp", 100e9), "other");
  MediumSpec m;
  m.type = "acc";
  EXPECT_EQ(netbox_cable_type(&m), "dac-active");
  m.type = "transceiver";
  m.fiber = "smf";
  EXPECT_EQ(netbox_cable_type(&m), "smf");
  m.fiber = "";
  EXPECT_EQ(netbox_cable_type(&m), "");
  EXPECT_EQ(netbox_cable_type(nullptr), "");
  EXPECT_EQ(netbox_slug("Raritan (Legrand)"), "raritan-legrand");
  // Every media type in the catalog maps to a NetBox cable type.
  for (const auto& [id, medium] : test::installed_catalog().media())
    EXPECT_TRUE(kCableTypes.count(netbox_cable_type(&medium))) << id;
}

// The YAML read by a real YAML parser (PyYAML's safe_load_all, what NetBox itself uses).
TEST(NetBoxExport, DeviceTypesAreMultiDocumentYaml) {
  const test::CommandRun probe = test::run_command("python3 -c 'import yaml' 2>&1");
  if (probe.status != 0) GTEST_SKIP() << "python3-yaml is not installed";
  const auto dir = test::temp_dir("netbox-yaml");
  const auto files = netbox_import_files(sample("dgx-h100-superpod-4su"), test::installed_catalog());
  test::write_text(dir / "types.yaml", files.at("04-device-types.yaml"));
  const test::CommandRun r = test::run_command(
      "python3 -c 'import sys, yaml; d = list(yaml.safe_load_all(open(sys.argv[1]))); "
      "print(len(d), sorted(x[\"slug\"] for x in d), all(isinstance(x[\"u_height\"], int) for x in d))' " +
      test::shell_quote((dir / "types.yaml").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.output;
  // DGX H100, QM9700, UFM appliance, Raritan PDU, and the in-row coolers between the racks.
  EXPECT_EQ(r.output.substr(0, r.output.find(' ')), "5") << r.output;
  EXPECT_NE(r.output.find("'nvidia-dgx-h100'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("] True"), std::string::npos) << r.output;
}

TEST(NetBoxExport, WritesTheFolderOrNothing) {
  const auto dir = test::temp_dir("netbox-folder");
  const Design d = sample("lab-4x-dgx-h100");
  write_netbox_import(d, test::installed_catalog(), dir / "netbox");
  int files = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir / "netbox")) files += f.is_regular_file();
  EXPECT_EQ(files, 9);
  EXPECT_EQ(test::read_text(dir / "netbox" / "08-cables.csv"),
            netbox_import_files(d, test::installed_catalog()).at("08-cables.csv"));
  // A folder that cannot be made (its parent is a file): ExportError, and no scratch left behind.
  test::write_text(dir / "blocker", "x");
  EXPECT_THROW(write_netbox_import(d, test::installed_catalog(), dir / "blocker" / "netbox"), ExportError);
  for (const auto& f : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(f.path().filename().string().find(".partial"), std::string::npos) << f.path();
}

}  // namespace
}  // namespace cf
