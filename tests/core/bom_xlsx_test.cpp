// The XLSX bill of materials, read back by an independent reader (openpyxl, through
// tests/export/read_xlsx.py, with the cached values a non-recalculating reader sees) and held
// against the Bom it was written from.

#include "export/bom_xlsx.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "export/export_error.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "test_support.h"

namespace cf {
namespace {

// The reader's JSON for `file` (see read_xlsx.py for its shape).
Json read_back(const std::filesystem::path& file) {
  const std::string python = CF_SYSTEM_PYTHON;
  if (python.empty() || python.find("NOTFOUND") != std::string::npos)
    ADD_FAILURE() << "no /usr/bin/python3: run installer/install-deps (python3-openpyxl)";
  std::string cmd = "'" + python + "' '" + CF_READ_XLSX_SCRIPT + "' '" + file.string() + "'";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return Json();
  std::string out;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  int status = ::pclose(pipe);
  EXPECT_EQ(status, 0) << cmd;
  return status == 0 ? Json::parse(out) : Json();
}

// Column index of a header text: the test finds columns by name, not by position.
std::size_t column(const Json& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  ADD_FAILURE() << "no column \"" << name << "\" in " << header.dump();
  return 0;
}

// A row of the Summary by its label in column A.
const Json& summary_row(const Json& book, const std::string& label) {
  static const Json none = Json::array({nullptr, nullptr, nullptr});
  for (const auto& row : book["data"]["Summary"]["rows"])
    if (!row.empty() && row[0] == label) return row;
  ADD_FAILURE() << "no Summary row \"" << label << "\"";
  return none;
}

std::string cell_name(std::size_t col, std::size_t row0) {  // 0-based row and column, < 26 columns
  return std::string(1, static_cast<char>('A' + col)) + std::to_string(row0 + 1);
}

bool is_url(const std::string& s) {
  return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

// Everything the workbook must say about `bom`, as the reader sees it.
void expect_workbook_matches(const Bom& bom, const Json& book, const std::string& title) {
  ASSERT_TRUE(book.is_object());
  std::vector<std::string> categories;
  std::map<std::string, std::vector<const BomLine*>> by_category;
  for (const auto& l : bom.lines) {
    if (by_category[l.category].empty()) categories.push_back(l.category);
    by_category[l.category].push_back(&l);
  }
  std::vector<std::string> expected_sheets{"Summary"};
  expected_sheets.insert(expected_sheets.end(), categories.begin(), categories.end());
  EXPECT_EQ(book["sheets"].get<std::vector<std::string>>(), expected_sheets);

  double price_read = 0;  // the sum of every extended price the reader sees
  for (const auto& category : categories) {
    SCOPED_TRACE(category);
    const Json& sheet = book["data"][category];
    ASSERT_TRUE(sheet.contains("lines")) << "no header row and \"Total\" row";
    const Json& header = sheet["header"];
    const std::size_t id = column(header, "Catalog id"), model = column(header, "Model"),
                      parent = column(header, "Included in"), qty = column(header, "Quantity"),
                      unit = column(header, "Unit price (USD)"),
                      est = column(header, "Price is estimate"),
                      ext = column(header, "Extended price (USD)"),
                      power = column(header, "Extended power (W)"),
                      source = column(header, "Source");
    const auto& lines = by_category[category];
    ASSERT_EQ(sheet["lines"].size(), lines.size());
    long long quantity = 0;
    double price = 0, watts = 0;
    bool any_price = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const BomLine& l = *lines[i];
      const Json& row = sheet["lines"][i];
      SCOPED_TRACE(l.catalog_id + " " + l.model);
      EXPECT_EQ(row[id], l.catalog_id.empty() ? Json(nullptr) : Json(l.catalog_id));
      EXPECT_EQ(row[model], l.model);
      EXPECT_EQ(row[parent], l.included_in.empty() ? Json(nullptr) : Json(l.included_in));
      EXPECT_EQ(row[qty], l.quantity);
      quantity += l.quantity;
      if (!l.included_in.empty()) {
        EXPECT_EQ(row[unit], "included");
        EXPECT_EQ(row[ext], "included");
        EXPECT_TRUE(row[est].is_null());
      } else if (l.unit_price_usd) {
        EXPECT_DOUBLE_EQ(row[unit].get<double>(), *l.unit_price_usd);
        EXPECT_DOUBLE_EQ(row[ext].get<double>(),
                         *l.unit_price_usd * static_cast<double>(l.quantity));
        EXPECT_EQ(row[est], l.price_estimate ? "yes" : "no");
        price += row[ext].get<double>();
        any_price = true;
      } else {
        EXPECT_TRUE(row[unit].is_null())
            << "an unknown price is an empty cell, never 0: " << row[unit];
        EXPECT_TRUE(row[ext].is_null()) << row[ext];
        EXPECT_EQ(row[est], "no price");
      }
      if (auto w = l.extended_power_w()) {
        EXPECT_DOUBLE_EQ(row[power].get<double>(), *w);
        watts += *w;
      }
      if (is_url(l.source)) {
        const Json& links = sheet["hyperlinks"];
        std::string at = cell_name(source, i + 1);
        ASSERT_TRUE(links.contains(at)) << at;
        EXPECT_EQ(links[at], l.source);
      }
    }
    // Totals row: the reader sees the cached results of SUM formulas.
    const Json& totals = sheet["totals"];
    const std::size_t totals_row = lines.size() + 1;
    EXPECT_EQ(totals[qty], quantity);
    EXPECT_EQ(sheet["formulas"].value(cell_name(qty, totals_row), "").rfind("=SUM(", 0), 0u);
    if (any_price) {
      EXPECT_NEAR(totals[ext].get<double>(), price, 0.005);
      price_read += totals[ext].get<double>();
    } else {
      EXPECT_TRUE(totals[ext].is_string()) << "no priced line: \"unknown\" or \"included\", not 0";
    }
    if (watts > 0) {
      EXPECT_NEAR(totals[power].get<double>(), watts, 1e-6);
    }
    EXPECT_EQ(sheet["freeze_panes"], "A2");
    EXPECT_EQ(sheet["auto_filter"], "A1:" + cell_name(header.size() - 1, lines.size()));
  }

  // Summary: headline figures, and one formula row per category referring to its sheet.
  const Json& summary = book["data"]["Summary"];
  EXPECT_EQ(summary["rows"][0][0], "Bill of materials: " + title);
  EXPECT_NEAR(summary_row(book, "Total hardware price (USD)")[1].get<double>(), bom.total_price_usd,
              0.005);
  EXPECT_NEAR(price_read, bom.total_price_usd, 0.005)
      << "the category sheets add up to the BOM's total";
  EXPECT_EQ(summary_row(book, "Price includes estimates")[1],
            bom.total_has_estimates ? "yes" : "no");
  EXPECT_EQ(summary_row(book, "Lines without a price")[1], bom.lines_without_price);
  EXPECT_NEAR(
      summary_row(book, "Nameplate power of the rack devices (kW)")[1].get<double>() * 1000.0,
      bom.total_power_w, 1e-6);
  const Json& rows = summary["rows"];
  std::size_t head = 0;
  while (head < rows.size() && !(rows[head].size() > 0 && rows[head][0] == "Category")) ++head;
  ASSERT_LT(head, rows.size());
  const std::size_t lines_col = column(rows[head], "Lines"),
                    qty_col = column(rows[head], "Quantity"),
                    unpriced_col = column(rows[head], "Lines without price");
  int unpriced = 0;
  for (std::size_t k = 0; k < categories.size(); ++k) {
    const Json& row = rows[head + 1 + k];
    const auto& lines = by_category[categories[k]];
    EXPECT_EQ(row[0], categories[k]);
    EXPECT_EQ(row[lines_col], lines.size());
    long long q = 0;
    for (const auto* l : lines) q += l->quantity;
    EXPECT_EQ(row[qty_col], q);
    unpriced += row[unpriced_col].get<int>();
    std::string formula = summary["formulas"].value(cell_name(qty_col, head + 1 + k), "");
    EXPECT_NE(formula.find("'" + categories[k] + "'!"), std::string::npos) << formula;
  }
  EXPECT_EQ(unpriced, bom.lines_without_price);

  EXPECT_EQ(book["properties"]["creator"], "ClusterForge");
  EXPECT_EQ(book["properties"]["company"], "ClusterForge");
  EXPECT_EQ(book["properties"]["title"], "Bill of materials: " + title);
}

struct Sample {
  Bom bom;
  std::string title;
  Json book;
};

Sample write_and_read(const std::string& name) {
  Design d = load_design(test::kSourceDir / "samples" / (name + ".cluster.json"));
  Sample s{build_bom(d, test::installed_catalog()), d.name, {}};
  std::filesystem::path file = test::temp_dir("bom-xlsx-" + name) / "bom.xlsx";
  write_bom_xlsx(s.bom, s.title, file);
  s.book = read_back(file);
  return s;
}

int count_if_lines(const Bom& bom, bool (*pred)(const BomLine&)) {
  return static_cast<int>(std::count_if(bom.lines.begin(), bom.lines.end(), pred));
}

TEST(BomXlsx, LabSampleReadsBackAsTheBom) {
  Sample s = write_and_read("lab-4x-dgx-h100");
  expect_workbook_matches(s.bom, s.book, s.title);
  // The sample exercises what the workbook must get right.
  EXPECT_GT(count_if_lines(s.bom, [](const BomLine& l) { return !l.included_in.empty(); }), 0);
  EXPECT_TRUE(s.bom.total_has_estimates);
}

TEST(BomXlsx, SuperpodSampleReadsBackAsTheBom) {
  Sample s = write_and_read("dgx-h100-superpod-4su");
  expect_workbook_matches(s.bom, s.book, s.title);
  EXPECT_GT(s.bom.lines_without_price, 0) << "fibre runs have no price";
  EXPECT_GT(s.bom.total_price_usd, 127 * 200000.0) << "127 DGX H100 at an estimated ~$270k each";
}

TEST(BomXlsx, SheetNamesFollowExcelRulesAndUnpricedTotalsAreUnknown) {
  BomLine a;
  a.category = "Racks/rows: [planned] * ? and a name far too long for Excel";
  a.model = "Thing";
  a.quantity = 3;
  a.source = "vendor datasheet, page 4";  // not a URL: plain text
  BomLine b = a;
  b.category = "Racks/rows: [planned] * ? and a name far too long, again";  // same first 31 chars
  b.unit_price_usd = 10.25;
  Bom bom;
  bom.lines = {a, b};
  bom.total_price_usd = 3 * 10.25;
  bom.lines_without_price = 1;
  std::filesystem::path file = test::temp_dir("bom-xlsx-names") / "bom.xlsx";
  write_bom_xlsx(bom, "names", file);
  Json book = read_back(file);
  ASSERT_TRUE(book.is_object());
  auto sheets = book["sheets"].get<std::vector<std::string>>();
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[1], "Racks-rows- -planned- - - and a");  // 31 characters, no []:*?/
  EXPECT_EQ(sheets[2], "Racks-rows- -planned- - - a (2)");
  const Json& first = book["data"][sheets[1]];
  std::size_t ext = column(first["header"], "Extended price (USD)");
  EXPECT_EQ(first["totals"][ext], "unknown") << "no priced line: unknown, not $0";
  EXPECT_TRUE(first["hyperlinks"].empty());
  EXPECT_EQ(first["lines"][0][column(first["header"], "Source")], "vendor datasheet, page 4");
  EXPECT_DOUBLE_EQ(book["data"][sheets[2]]["totals"][ext].get<double>(), 30.75);
  EXPECT_NEAR(summary_row(book, "Total hardware price (USD)")[1].get<double>(), 30.75, 1e-9);
}

std::vector<std::string> listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

Bom lab_bom() {
  return build_bom(load_design(test::kSourceDir / "samples" / "lab-4x-dgx-h100.cluster.json"),
                   test::installed_catalog());
}

TEST(BomXlsx, MissingFolderThrowsAndCreatesNothing) {
  std::filesystem::path dir = test::temp_dir("bom-xlsx-missing");
  EXPECT_THROW(write_bom_xlsx(lab_bom(), "t", dir / "absent" / "bom.xlsx"), ExportError);
  EXPECT_TRUE(listing(dir).empty());
}

TEST(BomXlsx, FailureAfterWritingLeavesNoTemporaryAndKeepsTheTarget) {
  // The target is a folder: the workbook is written, and renaming it over the folder fails.
  std::filesystem::path dir = test::temp_dir("bom-xlsx-rename");
  std::filesystem::create_directory(dir / "bom.xlsx");
  EXPECT_THROW(write_bom_xlsx(lab_bom(), "t", dir / "bom.xlsx"), ExportError);
  EXPECT_EQ(listing(dir), std::vector<std::string>{"bom.xlsx"});
  EXPECT_TRUE(std::filesystem::is_directory(dir / "bom.xlsx"));
}

TEST(BomXlsx, ReadonlyFolderThrowsAndLeavesNothing) {
  if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
  std::filesystem::path dir = test::temp_dir("bom-xlsx-readonly");
  ::chmod(dir.c_str(), 0555);
  EXPECT_THROW(write_bom_xlsx(lab_bom(), "t", dir / "bom.xlsx"), ExportError);
  ::chmod(dir.c_str(), 0755);
  EXPECT_TRUE(listing(dir).empty());
}

}  // namespace
}  // namespace cf
