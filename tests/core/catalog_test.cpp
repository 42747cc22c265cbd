// Catalog loading: unit conversions pinned, required entries present, bad entries refused with the
// file and the entry named, the user folder overriding the installed one.

#include <gtest/gtest.h>

#include <set>

#include "catalog/catalog_loader.h"
#include "catalog/units.h"
#include "io/resources.h"
#include "test_support.h"

namespace cf {
namespace {

using test::kDataDir;

const Catalog& units_catalog() {
  static const Catalog catalog = load_catalog({kDataDir / "catalog-units"});
  return catalog;
}

// --- unit conversions (a synthetic catalog with round figures) ---------------------------------

TEST(CatalogUnits, GigabytesOfMemoryAreDecimalBytes) {
  EXPECT_DOUBLE_EQ(units_catalog().gpu("unit-gpu")->memory_bytes, 80e9);
}

TEST(CatalogUnits, MemoryBandwidthTerabytesPerSecondToBytesPerSecond) {
  EXPECT_DOUBLE_EQ(units_catalog().gpu("unit-gpu")->memory_bandwidth_bytes_per_s, 3.35e12);
}

TEST(CatalogUnits, BidirectionalGigabytesPerSecondToPerDirectionBits) {
  // NVLink 4: 900 GB/s both directions = 450 GB/s each way = 3.6 Tb/s each way.
  EXPECT_DOUBLE_EQ(units_catalog().gpu("unit-gpu")->scale_up_bandwidth_bps, 3.6e12);
}

TEST(CatalogUnits, TeraflopsToFlops) {
  auto* g = units_catalog().gpu("unit-gpu");
  EXPECT_DOUBLE_EQ(g->dense_flops.at(Precision::Bf16), 989.4e12);
  EXPECT_DOUBLE_EQ(g->dense_flops.at(Precision::Fp8), 1978.9e12);
  EXPECT_EQ(g->dense_flops.count(Precision::Fp4), 0u) << "an unpublished precision stays absent";
}

TEST(CatalogUnits, KilowattsToWatts) {
  auto* s = units_catalog().server("unit-server");
  EXPECT_DOUBLE_EQ(*s->max_power_w, 10200.0);
  EXPECT_DOUBLE_EQ(*s->typical_power_w, 8500.0);
  EXPECT_FALSE(s->idle_power_w.has_value()) << "a missing figure is absent, not zero";
}

TEST(CatalogUnits, WattsStayWatts) { EXPECT_DOUBLE_EQ(units_catalog().gpu("unit-gpu")->tdp_w, 700.0); }

TEST(CatalogUnits, GigabitsPerSecondToBitsPerSecond) {
  auto* s = units_catalog().server("unit-server");
  EXPECT_DOUBLE_EQ(s->ports.at(0).speed_bps, 400e9);
  EXPECT_DOUBLE_EQ(s->ports.at(1).breakouts.at(0).speed_bps, 100e9);
}

TEST(CatalogUnits, StorageGigabytesPerSecondAreBytes) {
  auto* s = units_catalog().storage("unit-storage");
  EXPECT_DOUBLE_EQ(*s->read_bytes_per_s, 90e9) << "storage throughput is bytes, not bits";
  EXPECT_DOUBLE_EQ(*s->capacity_bytes, 250e12);
  EXPECT_TRUE(s->power_estimate);
}

TEST(CatalogUnits, MillimetresToMetres) {
  EXPECT_DOUBLE_EQ(*units_catalog().server("unit-server")->depth_m, 0.8971);
  EXPECT_DOUBLE_EQ(*units_catalog().server("unit-server")->system_memory_bytes, 2000e9);
}

TEST(CatalogUnits, ConstantsAgreeWithTheirDefinitions) {
  EXPECT_DOUBLE_EQ(units::kGigabytePerSecondInBits, units::kGigabitPerSecond * units::kBitsPerByte);
  EXPECT_NEAR(1000.0 * units::kWattsToBtuPerHour, 3412.14, 0.01);  // 1 kW = 3,412 BTU/h
  EXPECT_DOUBLE_EQ(42 * units::kRackUnit_m, 1.8669);                // 42U = 73.5 in
}

// --- the installed catalog ------------------------------------------------------------------

TEST(InstalledCatalog, HasTheComponentsTheIssueNames) {
  const Catalog& c = test::installed_catalog();
  for (const char* id : {"nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5-80gb", "nvidia-h200-sxm-141gb",
                         "nvidia-b200-hgx", "nvidia-gb200-gpu", "amd-mi300x", "amd-mi325x",
                         "intel-gaudi3-oam"})
    EXPECT_TRUE(c.gpu(id)) << id;
  for (const char* id : {"nvidia-dgx-a100", "nvidia-dgx-h100", "nvidia-dgx-h200", "nvidia-dgx-b200",
                         "nvidia-gb200-nvl72", "dell-xe9680", "supermicro-sys-821ge-tnhr",
                         "supermicro-as-8125gs-tnmr2", "supermicro-sys-822ga-ngr3"})
    EXPECT_TRUE(c.server(id)) << id;
  for (const char* id : {"nvidia-qm8700", "nvidia-qm9700", "nvidia-q3400-ra", "nvidia-sn5600"})
    EXPECT_TRUE(c.network_switch(id)) << id;
  bool arista_chassis = false;
  for (const auto& [id, s] : c.switches()) arista_chassis |= s.vendor == "Arista" && s.chassis;
  EXPECT_TRUE(arista_chassis);
  for (const char* id : {"nvidia-connectx-7-400g", "nvidia-connectx-8-800g"}) EXPECT_TRUE(c.nic(id)) << id;
  for (const char* id : {"rack-42u-600x1200", "rack-48u-600x1200", "nvidia-mgx-nvl72-rack"})
    EXPECT_TRUE(c.rack(id)) << id;
  EXPECT_FALSE(c.pdus().empty());
  EXPECT_FALSE(c.storage_systems().empty());
  std::set<std::string> cooling_types;
  for (const auto& [id, u] : c.cooling_units()) cooling_types.insert(u.type);
  for (const char* t : {"crah", "inrow", "rdhx_active", "cdu_in_rack", "cdu_facility"})
    EXPECT_TRUE(cooling_types.count(t)) << t;
  // DAC, AOC and optics at 200, 400 and 800 Gb/s.
  std::set<std::pair<std::string, double>> media;
  for (const auto& [id, m] : c.media()) media.insert({m.type, m.speed_bps});
  for (double speed : {200e9, 400e9, 800e9}) {
    EXPECT_TRUE(media.count({"dac", speed})) << "DAC " << speed;
    EXPECT_TRUE(media.count({"transceiver", speed})) << "optic " << speed;
  }
  EXPECT_TRUE(media.count({"aoc", 200e9}));
  EXPECT_TRUE(media.count({"aoc", 400e9}));
}

TEST(InstalledCatalog, PublishedFiguresArriveInSiUnits) {
  const Catalog& c = test::installed_catalog();
  auto* h100 = c.gpu("nvidia-h100-sxm5-80gb");
  EXPECT_DOUBLE_EQ(h100->memory_bytes, 80e9);
  EXPECT_DOUBLE_EQ(h100->memory_bandwidth_bytes_per_s, 3.35e12);
  EXPECT_DOUBLE_EQ(h100->scale_up_bandwidth_bps, 3.6e12);
  EXPECT_DOUBLE_EQ(h100->dense_flops.at(Precision::Bf16), 989.4e12);
  EXPECT_EQ(c.gpu("nvidia-a100-sxm4-80gb")->dense_flops.count(Precision::Fp8), 0u);
  auto* dgx = c.server("nvidia-dgx-h100");  // reference-designs.json: dgx-h100-node
  EXPECT_DOUBLE_EQ(*dgx->max_power_w, 10200.0);
  EXPECT_EQ(dgx->rack_units, 8);
  EXPECT_EQ(dgx->gpus, 8);
  double injection = 0;
  for (const auto& g : dgx->ports)
    if (g.role == PortRole::Compute) injection += g.count * g.speed_bps;
  EXPECT_DOUBLE_EQ(injection, 3.2e12);  // 8 x 400 Gb/s = 3.2 Tb/s = 400 GB/s
  auto* qm9700 = c.network_switch("nvidia-qm9700");
  EXPECT_EQ(qm9700->ports.at(0).count, 64);
  EXPECT_DOUBLE_EQ(qm9700->ports.at(0).speed_bps, 400e9);
}

TEST(InstalledCatalog, EveryEntryHasASourceAndPricesAreFlaggedOrAbsent) {
  const Catalog& c = test::installed_catalog();
  auto check = [](const auto& table) {
    for (const auto& [id, e] : table) {
      EXPECT_EQ(e.source.rfind("http", 0), 0u) << id << " has no public source";
      if (e.price_usd) {
        EXPECT_GT(*e.price_usd, 0) << id << ": a price is never zero";
      }
    }
  };
  check(c.gpus());
  check(c.servers());
  check(c.switches());
  check(c.media());
  // GPU and GPU-system prices are never published: every one must be flagged.
  for (const auto& [id, g] : c.gpus())
    if (g.price_usd) {
      EXPECT_TRUE(g.price_estimate) << id;
    }
  for (const auto& [id, s] : c.servers())
    if (s.price_usd && s.gpus > 0) {
      EXPECT_TRUE(s.price_estimate) << id;
    }
}

// --- refusals ---------------------------------------------------------------------------------

Catalog load_one(const std::string& json) {
  Catalog c;
  load_catalog_document(c, parse_json_text(json), "bad.json");
  return c;
}

std::string error_of(const std::string& json) {
  try {
    load_one(json);
  } catch (const LoadError& e) {
    return e.what();
  }
  return "(no error)";
}

const char* kGpuHead =
    R"({"format": "clusterforge-catalog", "version": 1, "kind": "gpu", "entries": [)";

TEST(CatalogErrors, MissingRequiredFieldNamesFileEntryAndField) {
  std::string msg = error_of(std::string(kGpuHead) +
                             R"({"id": "g1", "vendor": "V", "model": "M", "source": "https://x",
                                 "memory_bandwidth_tbytes_s": 1, "tdp_w": 1,
                                 "dense_tflops": {"bf16": 1},
                                 "scale_up": {"technology": "t", "bandwidth_gbytes_s_bidir": 1}}]})");
  EXPECT_NE(msg.find("bad.json"), std::string::npos) << msg;
  EXPECT_NE(msg.find("entry \"g1\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing required field \"memory_gb\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("/entries/0"), std::string::npos) << msg;
}

TEST(CatalogErrors, EntryWithoutIdIsNamedByPosition) {
  std::string msg = error_of(std::string(kGpuHead) + R"({"vendor": "V"}]})");
  EXPECT_NE(msg.find("entry #0"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing required field \"id\""), std::string::npos) << msg;
}

TEST(CatalogErrors, WrongTypeAndAbsurdValues) {
  std::string head = R"({"format": "clusterforge-catalog", "version": 1, "kind": "rack", "entries": [
      {"id": "r", "vendor": "V", "model": "M", "source": "https://x", "width_mm": 600, "depth_mm": 1200, )";
  EXPECT_NE(error_of(head + R"("rack_units": "42"}]})").find("expected an integer"), std::string::npos);
  EXPECT_NE(error_of(head + R"("rack_units": -3}]})").find("from 1 to 60"), std::string::npos);
  EXPECT_NE(error_of(head + R"("rack_units": 42.5}]})").find("expected an integer"), std::string::npos);
}

TEST(CatalogErrors, UnknownKindNewerVersionAndWrongFormat) {
  EXPECT_NE(error_of(R"({"format": "clusterforge-catalog", "version": 1, "kind": "toaster", "entries": []})")
                .find("unknown catalog kind \"toaster\""),
            std::string::npos);
  EXPECT_NE(error_of(R"({"format": "clusterforge-catalog", "version": 7, "kind": "gpu", "entries": []})")
                .find("newer"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"format": "something-else", "version": 1})").find("not a ClusterForge catalog"),
            std::string::npos);
}

TEST(CatalogErrors, ServerWithUnknownGpuIsRefusedNamingTheEntry) {
  auto dir = test::temp_dir("catalog-ref");
  test::write_text(dir / "s.json", R"({"format": "clusterforge-catalog", "version": 1, "kind": "server",
    "entries": [{"id": "s1", "vendor": "V", "model": "M", "source": "https://x", "gpu": "no-such-gpu",
    "gpus": 8, "rack_units": 8, "cooling": "air",
    "ports": [{"name": "c", "role": "compute", "count": 1, "speed_gbps": 400, "connector": "osfp"}]}]})");
  try {
    load_catalog({dir});
    FAIL() << "expected an error";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("s.json"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("entry \"s1\": unknown GPU \"no-such-gpu\""), std::string::npos)
        << e.what();
  }
}

TEST(CatalogErrors, DuplicateIdWithinTheInstalledCatalogIsRefused) {
  auto dir = test::temp_dir("catalog-dup");
  std::string rack = R"({"id": "r", "vendor": "V", "model": "M", "source": "https://x",
                         "rack_units": 42, "width_mm": 600, "depth_mm": 1200})";
  test::write_text(dir / "a.json", R"({"format": "clusterforge-catalog", "version": 1, "kind": "rack", "entries": [)" + rack + "]}");
  test::write_text(dir / "b.json", R"({"format": "clusterforge-catalog", "version": 1, "kind": "rack", "entries": [)" + rack + "]}");
  EXPECT_THROW(load_catalog({dir}), LoadError);
}

TEST(CatalogErrors, SyntaxErrorGivesLineAndColumn) {
  auto dir = test::temp_dir("catalog-syntax");
  test::write_text(dir / "broken.json", "{\n  \"format\": \"clusterforge-catalog\",\n  \"version\" 1\n}");
  try {
    load_catalog({dir});
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("broken.json:3:"), std::string::npos) << e.what();
  }
}

// --- user catalog folder ----------------------------------------------------------------------

TEST(UserCatalog, AddsAndOverridesWithoutTouchingInstalledFiles) {
  auto installed = test::kSourceDir / "resources" / "catalog";
  auto before = test::read_text(installed / "racks.json");
  Catalog c = load_catalog({installed, kDataDir / "user-catalog"});
  ASSERT_TRUE(c.rack("my-rack-45u"));
  EXPECT_EQ(c.rack("my-rack-45u")->rack_units, 45);
  EXPECT_EQ(c.rack("rack-42u-600x1200")->model, "Site standard 42U");
  EXPECT_DOUBLE_EQ(*c.rack("rack-42u-600x1200")->max_load_kg, 900);
  EXPECT_EQ(c.overridden(), std::vector<std::string>{"rack-42u-600x1200"});
  EXPECT_EQ(test::read_text(installed / "racks.json"), before);
  EXPECT_TRUE(c.server("nvidia-dgx-h100")) << "installed entries stay";
}

TEST(UserCatalog, MissingUserFolderIsNotAnError) {
  Catalog c = load_catalog({test::kSourceDir / "resources" / "catalog", "/nonexistent/cf-user"});
  EXPECT_TRUE(c.server("nvidia-dgx-h100"));
}

TEST(UserCatalog, FolderComesFromOptionThenEnvironmentThenXdg) {
  EXPECT_EQ(user_catalog_dir(std::filesystem::path("/opt/x")), "/opt/x");
  ::setenv("CLUSTERFORGE_USER_CATALOG", "/env/cat", 1);
  EXPECT_EQ(user_catalog_dir(), "/env/cat");
  ::unsetenv("CLUSTERFORGE_USER_CATALOG");
  ::setenv("XDG_DATA_HOME", "/xdg", 1);
  EXPECT_EQ(user_catalog_dir(), "/xdg/clusterforge/catalog");
  ::unsetenv("XDG_DATA_HOME");
}

}  // namespace
}  // namespace cf
