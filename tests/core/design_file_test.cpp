// The design file: round trips (unknown keys included), stable output, versions and migrations,
// atomic saves, and a table of malformed inputs each with its one clear error.

#include <gtest/gtest.h>

#include "io/atomic_file.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(DesignFile, SaveLoadRoundTripIsEqual) {
  Design d = test::small_design();
  EXPECT_EQ(parse_design_text(design_to_text(d)), d);
}

TEST(DesignFile, OutputIsStableAcrossRoundTrips) {
  std::string first = design_to_text(test::small_design());
  EXPECT_EQ(design_to_text(parse_design_text(first)), first);
}

TEST(DesignFile, KeysComeInTheDocumentedOrder) {
  std::string text = design_to_text(test::small_design());
  auto at = [&](const char* key) { return text.find(std::string("\"") + key + "\""); };
  EXPECT_LT(at("format"), at("version"));
  EXPECT_LT(at("version"), at("name"));
  EXPECT_LT(at("name"), at("site"));
  EXPECT_LT(at("site"), at("rows"));
  EXPECT_LT(at("rows"), at("racks"));
  EXPECT_LT(at("racks"), at("power_feeds"));
  EXPECT_LT(at("fabrics"), at("links"));
  EXPECT_LT(at("links"), at("scenarios"));
}

TEST(DesignFile, UnknownKeysSurviveARoundTripInPlace) {
  Json doc = design_to_json(test::small_design());
  doc["x_top"] = Json{{"note", "kept"}};
  doc["racks"][0]["x_asset_tag"] = "RK-0042";
  doc["racks"][0]["devices"][1]["x_serial"] = 12345;
  doc["links"][0]["x_label"] = "A01-L1";
  doc["site"]["x_tier"] = "III";
  doc["assumptions"] = Json{{"years", 4}, {"x_source", "finance"}};
  Design d = design_from_json(doc);
  Json back = design_to_json(d);
  EXPECT_EQ(back["x_top"]["note"], "kept");
  EXPECT_EQ(back["racks"][0]["x_asset_tag"], "RK-0042");
  EXPECT_EQ(back["racks"][0]["devices"][1]["x_serial"], 12345);
  EXPECT_EQ(back["links"][0]["x_label"], "A01-L1");
  EXPECT_EQ(back["site"]["x_tier"], "III");
  EXPECT_EQ(back["assumptions"]["x_source"], "finance");
  EXPECT_EQ(*d.assumptions.years, 4);
  EXPECT_EQ(back, design_to_json(design_from_json(back)));
}

TEST(DesignFile, NewerVersionIsRefusedWithBothVersions) {
  Json doc = design_to_json(test::small_design());
  doc["version"] = 99;
  try {
    design_from_json(doc);
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(e.json_path(), "/version");
    EXPECT_NE(e.message().find("version 99"), std::string::npos) << e.what();
    EXPECT_NE(e.message().find("(2)"), std::string::npos) << e.what();
  }
}

TEST(DesignFile, Version1IsMigratedWithALogLine) {
  const char* v1 = R"({"format": "clusterforge-design", "version": 1, "name": "old",
    "rows": [{"id": "r"}],
    "racks": [{"id": "k1", "catalog": "rack-42u-600x1200", "row": "r", "position": 0}],
    "devices": [{"id": "s1", "rack": "k1", "catalog": "nvidia-dgx-h100", "u": 1},
                {"id": "s2", "rack": "k1", "catalog": "nvidia-dgx-h100", "u": 9}],
    "links": [{"id": "l1", "a": "s1:compute1", "b": "s2:compute1", "medium": "nvidia-mcp4y10", "length_m": 1}]})";
  std::vector<std::string> log;
  Design d = parse_design_text(v1, &log);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_NE(log[0].find("from version 1 to 2"), std::string::npos);
  ASSERT_EQ(d.racks.size(), 1u);
  ASSERT_EQ(d.racks[0].devices.size(), 2u);
  EXPECT_EQ(d.racks[0].devices[1].id, "s2");
  EXPECT_EQ(d.links[0].a, (PortRef{"s1", "compute1"}));
  EXPECT_EQ(d.links[0].b, (PortRef{"s2", "compute1"}));
  EXPECT_EQ(design_to_json(d)["version"], 2);
}

TEST(DesignFile, Version1WithABadLinkEndIsRefused) {
  const char* v1 = R"({"format": "clusterforge-design", "version": 1, "name": "old", "rows": [],
    "racks": [], "links": [{"id": "l1", "a": "nocolon", "b": "x:y", "medium": "m", "length_m": 1}]})";
  try {
    parse_design_text(v1);
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(e.json_path(), "/links/0/a");
  }
}

// --- malformed inputs ---------------------------------------------------------------------------

struct Malformed {
  const char* name;
  std::string text;
  std::string path;     // expected JSON path ("" when the error is a syntax error)
  std::string message;  // expected substring
  int line = 0;         // expected line for syntax errors
};

std::string with(const std::string& racks, const std::string& links = "[]",
                 const std::string& more = "") {
  return R"({"format": "clusterforge-design", "version": 2, "name": "t",
 "rows": [{"id": "row-a"}],
 "power_feeds": [{"id": "feed-a", "side": "A", "voltage_v": 415, "phases": 3, "current_a": 60}],
 "fabrics": [{"id": "compute", "kind": "compute"}],
 "racks": )" + racks + R"(, "links": )" + links + more + "}";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

const std::string kRack =
    R"([{"id": "a01", "catalog": "rack-42u-600x1200", "row": "row-a", "position": 0, "devices": [
    {"id": "s1", "catalog": "nvidia-dgx-h100", "u": 1}, {"id": "s2", "catalog": "nvidia-dgx-h100", "u": 9}]}])";

std::vector<Malformed> malformed_cases() {
  return {
      {"empty file", "", "", "syntax error", 1},
      {"truncated", "{\n \"format\": \"clusterforge-design\",\n \"version\": 2,\n \"racks\": [", "",
       "syntax error", 4},
      {"trailing comma", "{\"format\": \"clusterforge-design\",\n}", "", "syntax error", 2},
      {"not an object", "[1, 2, 3]", "", "expected an object, got an array"},
      {"no format", R"({"version": 2})", "", "missing required field \"format\""},
      {"other format", R"({"format": "drawio", "version": 2})", "/format", "expected \"clusterforge-design\""},
      {"version as string", R"({"format": "clusterforge-design", "version": "2"})", "/version",
       "expected an integer"},
      {"version zero", R"({"format": "clusterforge-design", "version": 0})", "/version",
       "from 1 to"},
      {"missing name", R"({"format": "clusterforge-design", "version": 2, "rows": [], "racks": [], "links": []})",
       "", "missing required field \"name\""},
      {"racks not an array", with("{}"), "/racks", "expected an array, got an object"},
      {"rack without catalog", with(R"([{"id": "a01", "row": "row-a", "position": 0}])"), "/racks/0",
       "missing required field \"catalog\""},
      {"negative position", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": -3}])"),
       "/racks/0/position", "from 0 to 10000"},
      {"absurd position", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 1000000000000}])"),
       "/racks/0/position", "from 0 to 10000"},
      {"fractional u", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0,
          "devices": [{"id": "d", "catalog": "c", "u": 1.5}]}])"),
       "/racks/0/devices/0/u", "expected an integer"},
      {"negative u", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0,
          "devices": [{"id": "d", "catalog": "c", "u": -3}]}])"),
       "/racks/0/devices/0/u", "from 0 to 60"},
      {"unknown face", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0,
          "devices": [{"id": "d", "catalog": "c", "u": 1, "face": "top"}]}])"),
       "/racks/0/devices/0/face", "expected one of front, rear"},
      {"empty id", with(R"([{"id": "", "catalog": "c", "row": "row-a", "position": 0}])"), "/racks/0/id",
       "must not be empty"},
      {"duplicate id", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0},
                                {"id": "a01", "catalog": "c", "row": "row-a", "position": 1}])"),
       "/racks/1/id", "duplicate id \"a01\""},
      {"id shared across kinds", with(R"([{"id": "row-a", "catalog": "c", "row": "row-a", "position": 0}])"),
       "/racks/0/id", "duplicate id \"row-a\""},
      {"dangling row", with(R"([{"id": "a01", "catalog": "c", "row": "row-z", "position": 0}])"),
       "/racks/0/row", "unknown row \"row-z\""},
      {"reference to the wrong kind", with(R"([{"id": "a01", "catalog": "c", "row": "feed-a", "position": 0}])"),
       "/racks/0/row", "which is a power feed, not a row"},
      {"dangling feed", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0,
          "devices": [{"id": "p", "catalog": "c", "u": 0, "feed": "feed-z"}]}])"),
       "/racks/0/devices/0/feed", "unknown power feed \"feed-z\""},
      {"dangling link device", with(kRack, R"([{"id": "l1", "a": {"device": "s1", "port": "compute1"},
          "b": {"device": "ghost", "port": "p1"}, "medium": "m", "length_m": 2}])"),
       "/links/0/b/device", "unknown device \"ghost\""},
      {"link end without port", with(kRack, R"([{"id": "l1", "a": {"device": "s1"},
          "b": {"device": "s2", "port": "compute1"}, "medium": "m", "length_m": 2}])"),
       "/links/0/a", "missing required field \"port\""},
      {"link to itself", with(kRack, R"([{"id": "l1", "a": {"device": "s1", "port": "compute1"},
          "b": {"device": "s1", "port": "compute1"}, "medium": "m", "length_m": 2}])"),
       "/links/0/b", "cannot connect a port to itself"},
      {"negative length", with(kRack, R"([{"id": "l1", "a": {"device": "s1", "port": "compute1"},
          "b": {"device": "s2", "port": "compute1"}, "medium": "m", "length_m": -1}])"),
       "/links/0/length_m", "from 0 to 100000"},
      {"huge length", with(kRack, R"([{"id": "l1", "a": {"device": "s1", "port": "compute1"},
          "b": {"device": "s2", "port": "compute1"}, "medium": "m", "length_m": 1e300}])"),
       "/links/0/length_m", "from 0 to 100000"},
      {"dangling fabric", with(kRack, R"([{"id": "l1", "a": {"device": "s1", "port": "compute1"},
          "b": {"device": "s2", "port": "compute1"}, "medium": "m", "length_m": 2, "fabric": "nope"}])"),
       "/links/0/fabric", "unknown fabric \"nope\""},
      {"bad breakout range", with(R"([{"id": "a01", "catalog": "c", "row": "row-a", "position": 0,
          "devices": [{"id": "d", "catalog": "c", "u": 1, "breakout": {"p9-p2": 2}}]}])"),
       "/racks/0/devices/0/breakout/p9-p2", "port range"},
      {"zero tokens", with("[]", "[]", R"(, "scenarios": [{"id": "s", "model": "m", "tokens": 0, "precision": "bf16"}])"),
       "/scenarios/0/tokens", "from 1 to"},
      {"unknown precision", with("[]", "[]", R"(, "scenarios": [{"id": "s", "model": "m", "tokens": 1e12, "precision": "fp7"}])"),
       "/scenarios/0/precision", "expected one of"},
      {"cooling unit with no place", with("[]", "[]", R"(, "cooling_units": [{"id": "c1", "catalog": "x"}])"),
       "/cooling_units/0", "needs a \"row\""},
      {"fabric intent with four tiers",
       replaced(with("[]"), "\"kind\": \"compute\"}", "\"kind\": \"compute\", \"intent\": {\"tiers\": 4}}"),
       "/fabrics/0/intent/tiers", "from 1 to 3"},
      {"feed with bad side", replaced(with("[]"), "\"side\": \"A\"", "\"side\": \"C\""),
       "/power_feeds/0/side", "expected one of A, B"},
  };
}

TEST(DesignFile, MalformedInputsEachGiveOneClearError) {
  for (const auto& c : malformed_cases()) {
    SCOPED_TRACE(c.name);
    try {
      parse_design_text(c.text);
      ADD_FAILURE() << "accepted: " << c.name;
    } catch (const LoadError& e) {
      EXPECT_EQ(e.json_path(), c.path) << e.what();
      EXPECT_NE(e.message().find(c.message), std::string::npos) << e.what();
      if (c.line) {
        EXPECT_EQ(e.line(), c.line) << e.what();
      }
    }
  }
}

TEST(DesignFile, ErrorsFromAFileNameTheFilePathAndLineColumn) {
  auto dir = test::temp_dir("design-errors");
  test::write_text(dir / "bad.cluster.json", "{\n  \"format\": \"clusterforge-design\",\n  \"version\": 2,,\n}");
  try {
    load_design(dir / "bad.cluster.json");
    FAIL();
  } catch (const LoadError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("bad.cluster.json:3:"), std::string::npos) << what;
    EXPECT_EQ(e.line(), 3);
    EXPECT_GT(e.column(), 0);
  }
  test::write_text(dir / "ref.cluster.json", with(R"([{"id": "a01", "catalog": "c", "row": "nowhere", "position": 0}])"));
  try {
    load_design(dir / "ref.cluster.json");
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "ref.cluster.json").string() + ": at /racks/0/row: refers to unknown row \"nowhere\"");
  }
  EXPECT_THROW(load_design(dir / "missing.cluster.json"), LoadError);
}

// --- saving ----------------------------------------------------------------------------------

TEST(DesignSave, KeepsABackupOfThePreviousFile) {
  auto dir = test::temp_dir("save-bak");
  auto file = dir / "d.cluster.json";
  Design d = test::small_design();
  save_design(d, file);
  d.name = "renamed";
  save_design(d, file);
  EXPECT_EQ(load_design(file).name, "renamed");
  EXPECT_EQ(load_design(file.string() + ".bak").name, "Small test design");
}

TEST(DesignSave, AFailureMidwayLeavesThePreviousFileIntact) {
  auto dir = test::temp_dir("save-fail");
  auto file = dir / "d.cluster.json";
  Design d = test::small_design();
  save_design(d, file);
  std::string before = test::read_text(file);
  d.name = "never written";
  set_save_fault_hook([] { throw std::runtime_error("disk full (simulated)"); });
  EXPECT_THROW(save_design(d, file), std::runtime_error);
  set_save_fault_hook(nullptr);
  EXPECT_EQ(test::read_text(file), before);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u) << "the temporary file is cleaned up";
}

TEST(DesignSave, UnwritableFolderIsAClearError) {
  try {
    save_design(test::small_design(), "/nonexistent-dir/x.cluster.json");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cf
