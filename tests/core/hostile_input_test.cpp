// Malformed and hostile files (tests/data/hostile, listed with what each must give in
// expected.json): every one is refused with one clear error naming the file, the JSON path and,
// for syntax errors, the line — or, when it is a valid file with something wrong in the design,
// loads and shows the user the expected Problems.

#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/design_report.h"
#include "catalog/catalog_loader.h"
#include "io/design_file.h"
#include "test_support.h"
#include "training/model.h"

namespace cf {
namespace {

const std::filesystem::path kHostile = test::kDataDir / "hostile";

void load(const std::string& loader, const std::filesystem::path& file) {
  if (loader == "design") {
    load_design(file);
  } else if (loader == "catalog") {
    Catalog catalog;
    parse_catalog_text(catalog, test::read_text(file), file.string());
  } else {
    load_model(file);
  }
}

TEST(HostileInput, ThereAreAtLeastFortyAndEachIsListed) {
  Json cases = read_json_file(kHostile / "expected.json");
  EXPECT_GE(cases.size(), 40u);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(kHostile))
    if (e.path().filename() != "expected.json" && e.path().filename() != "README.md") ++files;
  EXPECT_EQ(files, cases.size()) << "every file in tests/data/hostile has its expectation";
}

TEST(HostileInput, EachIsRefusedWithOneClearErrorOrShowsItsProblems) {
  for (const auto& c : read_json_file(kHostile / "expected.json")) {
    const auto file = kHostile / c.at("file").get<std::string>();
    const auto loader = c.at("loader").get<std::string>();
    SCOPED_TRACE(file.filename().string() + ": " + c.at("what").get<std::string>());
    if (c.value("accepted", false)) {
      ASSERT_NO_THROW(load(loader, file));
      Design design = load_design(file);
      std::vector<std::string> codes;
      for (const auto& p : check_design(design, test::installed_catalog())) codes.push_back(p.code);
      for (const auto& expected : c.at("problems"))
        EXPECT_NE(std::find(codes.begin(), codes.end(), expected.get<std::string>()), codes.end())
            << "missing Problem " << expected;
      EXPECT_EQ(parse_design_text(design_to_text(design)), design) << "round trip";
      continue;
    }
    try {
      load(loader, file);
      ADD_FAILURE() << "accepted";
    } catch (const LoadError& e) {
      const std::string what = e.what();
      EXPECT_EQ(e.file(), file.string()) << what;
      EXPECT_EQ(what.find(file.string()), 0u) << what;
      EXPECT_EQ(e.json_path(), c.at("path").get<std::string>()) << what;
      EXPECT_NE(e.message().find(c.at("message").get<std::string>()), std::string::npos) << what;
      if (c.contains("line")) {
        EXPECT_EQ(e.line(), c.at("line").get<int>()) << what;
      }
      if (c.contains("column")) {
        EXPECT_EQ(e.column(), c.at("column").get<int>()) << what;
      }
      if (e.line() > 0) {
        EXPECT_GT(e.column(), 0) << what;
      }
    }
  }
}

}  // namespace
}  // namespace cf
