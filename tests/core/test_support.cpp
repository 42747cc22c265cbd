#include "test_support.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "catalog/catalog_loader.h"
#include "io/design_file.h"
#include "io/json_reader.h"

namespace cf::test {

const Catalog& installed_catalog() {
  static const Catalog catalog = load_catalog({kSourceDir / "resources" / "catalog"});
  return catalog;
}

const Catalog& catalog_with_800g_dgx() {
  static const Catalog c = [] {
    Catalog catalog = test::installed_catalog();
    Json doc = parse_json_text(test::read_text(test::kSourceDir / "resources/catalog/servers.json"));
    Json variant;
    for (const Json& e : doc.at("entries"))
      if (e.at("id") == "nvidia-dgx-h100") variant = e;
    variant["id"] = "test-dgx-h100-800g";
    for (Json& port : variant.at("ports"))
      if (port.at("name") == "compute") port["speed_gbps"] = 800, port["nic"] = "nvidia-connectx-8-800g";
    load_catalog_document(catalog, Json{{"format", "clusterforge-catalog"}, {"version", 1}, {"kind", "server"},
                                        {"entries", Json::array({variant})}},
                          "test");
    return catalog;
  }();
  return c;
}

Design small_design() {
  Design d;
  d.name = "Small test design";
  d.rows.push_back({"row-a", "A", 0, 0, {}});
  Rack rack;
  rack.id = "a01";
  rack.name = "A01";
  rack.catalog_id = "rack-48u-600x1200";
  rack.row_id = "row-a";
  rack.position = 0;
  rack.devices.push_back({"dgx-1", "dgx-1", "nvidia-dgx-h100", 1, Face::Front, "", {}, {}});
  rack.devices.push_back({"dgx-2", "dgx-2", "nvidia-dgx-h100", 9, Face::Front, "", {}, {}});
  rack.devices.push_back({"leaf-1", "leaf-1", "nvidia-qm9700", 47, Face::Rear, "", {}, {}});
  rack.devices.push_back({"pdu-a", "", "raritan-px3-5878i2r", 0, Face::Rear, "feed-a", {}, {}});
  rack.devices.push_back({"pdu-b", "", "raritan-px3-5878i2r", 0, Face::Rear, "feed-b", {}, {}});
  d.racks.push_back(rack);
  d.power_feeds.push_back({"feed-a", "A", FeedSide::A, 415, 3, 60, {}});
  d.power_feeds.push_back({"feed-b", "B", FeedSide::B, 415, 3, 60, {}});
  d.fabrics.push_back({"compute", "Compute", FabricKind::Compute,
                       FabricIntent{2, 1, true, 1.0, std::nullopt}, {}});
  d.links.push_back({"l1", {"dgx-1", "compute1"}, {"leaf-1", "p1"}, "nvidia-mma4z00-ns400", 3.0,
                     "compute", {}});
  d.links.push_back({"l2", {"dgx-2", "compute1"}, {"leaf-1", "p2"}, "nvidia-mma4z00-ns400", 3.0,
                     "compute", {}});
  d.scenarios.push_back({"s1", "Llama 3 8B", "llama3-8b", 1e11, Precision::Bf16, 8.03e9, {}});
  return d;
}

Design four_dgx_h100_rack() {
  Design d = small_design();
  auto& devices = d.racks[0].devices;
  devices.erase(devices.begin() + 2);  // the leaf: the published figure is for the DGX alone
  devices.push_back({"dgx-3", "", "nvidia-dgx-h100", 17, Face::Front, "", {}, {}});
  devices.push_back({"dgx-4", "", "nvidia-dgx-h100", 25, Face::Front, "", {}, {}});
  d.links.clear();
  return d;
}

std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("cf-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace cf::test

namespace cf {
void PrintTo(const Design& design, std::ostream* out) { *out << design_to_text(design); }
}  // namespace cf
