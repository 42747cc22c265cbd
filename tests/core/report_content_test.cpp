// The design report's content (core/export/report_content): its sections, and figures that equal
// the core's own answers (the DesignReport, build_bom, project_training called independently).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <set>

#include "analysis/design_report.h"
#include "export/report_content.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/format.h"
#include "test_support.h"
#include "training/model.h"

namespace cf {
namespace {

const std::filesystem::path kModels = test::kSourceDir / "resources" / "models";

const ReportSection* section(const ReportContent& c, const std::string& id) {
  for (const ReportSection& s : c.sections)
    if (s.id == id) return &s;
  return nullptr;
}

std::string fact(const ReportSection& s, const std::string& label) {
  for (const auto& [l, v] : s.facts)
    if (l == label) return v;
  return "(no fact " + label + ")";
}

const ReportTable* table(const ReportSection& s, const std::string& caption) {
  for (const ReportTable& t : s.tables)
    if (t.caption.rfind(caption, 0) == 0) return &t;
  return nullptr;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// The SuperPOD sample with a second scenario whose model publishes its batch: s1 (Llama 3 70B,
// no published batch) cannot be projected as saved, s2 (GPT-3 175B, 1,536 sequences) can.
struct SuperPod {
  Design design;
  DesignReport report;
  std::vector<ScenarioProjection> scenarios;
  ReportContent content;
};

const SuperPod& superpod() {
  static const SuperPod pod = [] {
    SuperPod p;
    p.design = load_design(test::kSourceDir / "samples" / "dgx-h100-superpod-4su.cluster.json");
    p.design.scenarios.push_back(Scenario{"s2", "GPT-3 175B", "gpt3-175b", 300e9, Precision::Bf16, {}, {}});
    const Catalog& catalog = test::installed_catalog();
    const auto start = std::chrono::steady_clock::now();
    p.report = analyze_design(p.design, catalog);
    ScenarioProjectionOptions options;
    options.models_dir = kModels;
    p.scenarios = project_scenarios(p.design, catalog, p.report, options);
    p.content = build_report_content(p.design, catalog, p.report, p.scenarios, {"superpod.cluster.json", "2025-06-01"});
    std::cout << "[ report ] SuperPOD analysis, projections and report content: "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
    return p;
  }();
  return pod;
}

TEST(ReportFormat, FiguresReadAsWritten) {
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(-1234.4), "-1,234");
  EXPECT_EQ(format_bps(400e9), "400 Gb/s");
  EXPECT_EQ(format_bps(203.2e12), "203.2 Tb/s");
  EXPECT_EQ(format_ratio(2.0), "2:1");
  EXPECT_EQ(format_ratio(std::nullopt), kUnknownFigureUtf8);  // the dash, as the GUI shows it
  EXPECT_EQ(format_usd(34'312'000), "$34.31 M");
  EXPECT_EQ(format_usd(850'240), "$850.2 k");
  EXPECT_EQ(format_usd(950), "$950");
  EXPECT_EQ(format_duration(5.973), "5.973 s");
  EXPECT_EQ(format_duration(3 * 86400 + 0.5 * 86400), "3.5 days");
  EXPECT_EQ(format_percent(0.5973), "59.7 %");
  EXPECT_EQ(format_bytes(512), "512 bytes");
  EXPECT_EQ(format_bytes(1 << 20), "1.0 MiB");
  EXPECT_EQ(format_bytes(64ull << 20), "64 MiB");
  EXPECT_EQ(format_bytes(1ull << 30), "1.0 GiB");
}

TEST(ReportContent, HasEverySectionInOrder) {
  const ReportContent& c = superpod().content;
  std::vector<std::string> ids;
  for (const ReportSection& s : c.sections) ids.push_back(s.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"summary", "bom", "power", "network", "training", "problems", "assumptions"}));
  EXPECT_EQ(c.title, "Design report: DGX SuperPOD (DGX H100), 4 scalable units");
  EXPECT_NE(c.subtitle.find("superpod.cluster.json"), std::string::npos);
  EXPECT_NE(c.subtitle.find("2025-06-01"), std::string::npos);
}

TEST(ReportContent, SummaryShowsTheDesignReportsFigures) {
  const SuperPod& p = superpod();
  const ReportSection& s = *section(p.content, "summary");
  // NVIDIA RA-11333-001 Table 4 (samples/README.md): 127 DGX H100, 1,016 GPUs, 38 racks,
  // 1,379.3 kW nameplate.
  EXPECT_EQ(fact(s, "GPUs"), "1,016");
  EXPECT_EQ(fact(s, "GPU servers"), "127");
  EXPECT_EQ(fact(s, "Racks"), "38");
  EXPECT_TRUE(starts_with(fact(s, "IT power (max)"), "1379.3 kW"));
  EXPECT_EQ(fact(s, "Links"), format_count(p.report.summary.links));
  EXPECT_TRUE(starts_with(fact(s, "IT power (load)"), format_kw(p.report.power.it_w)));
  EXPECT_TRUE(starts_with(fact(s, "IT power (max)"), format_kw(p.report.summary.it_max_w)));
  EXPECT_TRUE(starts_with(fact(s, "Facility power"), format_kw(p.report.power.facility_w) + " (PUE 1.56"));
  EXPECT_TRUE(starts_with(fact(s, "CapEx"), format_usd(p.report.cost.capex_usd)));
  EXPECT_TRUE(starts_with(fact(s, "TCO"), format_usd(p.report.cost.tco_usd) + " over 5 years"));
  EXPECT_EQ(fact(s, "Cost per GPU-hour"), "$" + format_fixed(p.report.cost.usd_per_gpu_hour, 2));
  EXPECT_TRUE(starts_with(fact(s, "Interruptions"), format_fixed(p.report.reliability.failures_per_day, 2) + " per day"));
  // A non-blocking two-tier fabric: 1,016 GPUs × 400 Gb/s / 2 = 203.2 Tb/s both ways.
  EXPECT_EQ(fact(s, "Bisection (Compute)"), "203.2 Tb/s of 203.2 Tb/s non-blocking");
  EXPECT_EQ(fact(s, "Leaf oversubscription (Compute)"), "1:1");
}

TEST(ReportContent, BomTotalIsBuildBomsTotal) {
  const SuperPod& p = superpod();
  const Bom bom = build_bom(p.design, test::installed_catalog());
  const ReportSection& s = *section(p.content, "bom");
  EXPECT_TRUE(starts_with(fact(s, "Hardware (known prices)"), format_usd(bom.total_price_usd)));
  EXPECT_EQ(fact(s, "Lines without a price"), format_count(bom.lines_without_price));
  const ReportTable* items = table(s, "Items");
  ASSERT_TRUE(items);
  EXPECT_EQ(items->rows.size(), bom.lines.size());
  // The category table accounts for every line and every unit.
  const ReportTable* categories = table(s, "By category");
  ASSERT_TRUE(categories);
  long long lines = 0, quantity = 0, bom_quantity = 0;
  for (const auto& row : categories->rows) {
    auto number = [](std::string text) {
      text.erase(std::remove(text.begin(), text.end(), ','), text.end());
      return std::stoll(text);
    };
    lines += number(row[1]);
    quantity += number(row[2]);
  }
  for (const BomLine& l : bom.lines) bom_quantity += l.quantity;
  EXPECT_EQ(lines, static_cast<long long>(bom.lines.size()));
  EXPECT_EQ(quantity, bom_quantity);
  EXPECT_EQ(s.charts, std::vector<std::string>{"cost"});
}

TEST(ReportContent, UnknownPricesStayUnknown) {
  // The installed catalog with the DGX H100's price removed: its BOM line has no price.
  Catalog catalog = test::installed_catalog();
  ServerSpec dgx = *catalog.server("nvidia-dgx-h100");
  dgx.price_usd.reset();
  catalog.add(dgx);
  const Design design = test::four_dgx_h100_rack();
  const int unpriced_before = build_bom(design, test::installed_catalog()).lines_without_price;
  const DesignReport report = analyze_design(design, catalog);
  const ReportContent c = build_report_content(design, catalog, report, {});
  const ReportSection& s = *section(c, "bom");
  EXPECT_EQ(fact(s, "Lines without a price"), format_count(unpriced_before + 1));
  const ReportTable* items = table(s, "Items");
  ASSERT_TRUE(items);
  const auto dgx_row = std::find_if(items->rows.begin(), items->rows.end(),
                                    [](const auto& row) { return row[1] == "NVIDIA DGX H100 (nvidia-dgx-h100)"; });
  ASSERT_NE(dgx_row, items->rows.end());
  EXPECT_EQ((*dgx_row)[3], "unknown");  // unit price
  EXPECT_EQ((*dgx_row)[4], "unknown");  // extended price
  EXPECT_EQ((*dgx_row)[6], "price unknown");
  const ReportTable* categories = table(s, "By category");
  const auto servers = std::find_if(categories->rows.begin(), categories->rows.end(),
                                    [](const auto& row) { return row[0] == "Servers"; });
  ASSERT_NE(servers, categories->rows.end());
  EXPECT_EQ((*servers)[3], "unknown");
  EXPECT_NE((*servers)[4].find("without a price"), std::string::npos);
}

TEST(ReportContent, OneTrainingSubsectionPerScenarioWithProjectTrainingsBestPlan) {
  const SuperPod& p = superpod();
  const ReportSection& training = *section(p.content, "training");
  ASSERT_EQ(training.subsections.size(), p.design.scenarios.size());
  EXPECT_EQ(training.subsections[0].id, "training-s1");
  EXPECT_EQ(training.subsections[1].id, "training-s2");

  // GPT-3 175B projected independently, through project_training's design+catalog overload.
  TrainingRequest req;
  req.model = load_model(kModels / "gpt3-175b.json");
  req.tokens = 300e9;
  const TrainingReport expected = project_training(p.design, test::installed_catalog(), req);
  ASSERT_TRUE(expected.best());
  const ReportSection& s2 = training.subsections[1];
  EXPECT_EQ(s2.title, "GPT-3 175B");
  EXPECT_EQ(fact(s2, "Best plan"), describe(expected.best()->plan) + " on " +
                                       format_count(expected.best()->plan.gpus()) + " of 1,016 GPUs");
  EXPECT_EQ(fact(s2, "Step time"), format_duration(expected.best()->step_time_s));
  EXPECT_TRUE(starts_with(fact(s2, "Throughput"), format_count(expected.best()->tokens_per_s) + " tokens/s"));
  EXPECT_TRUE(starts_with(fact(s2, "Time to train"), format_duration(*expected.time_to_train_s)));
  // The search's own counts, the plans a bound ruled out included (the search is deterministic).
  ASSERT_GT(expected.search.pruned, 0);
  EXPECT_TRUE(starts_with(fact(s2, "Plans evaluated"),
                          format_count(static_cast<double>(expected.search.evaluated)) + " (" +
                              format_count(static_cast<double>(expected.search.feasible)) + " fit; " +
                              format_count(static_cast<double>(expected.search.pruned)) + " ruled out by a bound) in "));
  EXPECT_EQ(s2.charts, (std::vector<std::string>{"step-time:s2", "scaling:s2"}));
  // The breakdown table ends with the step, whose seconds are the best plan's.
  const ReportTable* breakdown = table(s2, "Step time");
  ASSERT_TRUE(breakdown);
  EXPECT_EQ(breakdown->rows.back()[1], format_fixed(expected.best()->step_time_s, 3));
  // The scaling table's last point is the whole design: the same throughput.
  const ReportTable* scaling = table(s2, "Scaling");
  ASSERT_TRUE(scaling);
  EXPECT_EQ(scaling->rows.back()[0], "1,016");
  EXPECT_EQ(scaling->rows.back()[2], format_count(expected.best()->tokens_per_s));
}

TEST(ReportContent, UnprojectableScenarioSaysWhy) {
  const SuperPod& p = superpod();
  // Llama 3 70B publishes no global batch and the file format has no place for one.
  const ReportSection& s1 = section(p.content, "training")->subsections[0];
  EXPECT_EQ(s1.title, "Llama 3 70B pre-training");
  EXPECT_EQ(fact(s1, "Best plan"), "(no fact Best plan)");
  EXPECT_TRUE(s1.charts.empty());
  ASSERT_FALSE(s1.paragraphs.empty());
  EXPECT_NE(s1.paragraphs.front().find("Not projected: Llama 3 70B has no published global batch"), std::string::npos);
  EXPECT_TRUE(starts_with(fact(*section(p.content, "summary"), "Training: Llama 3 70B pre-training"), "not projected"));

  // Given a batch, it projects, as project_training does with that batch.
  ScenarioProjectionOptions options;
  options.models_dir = kModels;
  options.default_global_batch = 1024;
  options.scaling_curves = false;
  const auto projected = project_scenarios(p.design, test::installed_catalog(), p.report, options);
  ASSERT_TRUE(projected[0].report);
  TrainingRequest req;
  req.model = load_model(kModels / "llama3-70b.json");
  req.global_batch = 1024;
  const TrainingReport expected = project_training(p.design, test::installed_catalog(), req);
  ASSERT_TRUE(expected.best() && projected[0].report->best());
  EXPECT_EQ(describe(projected[0].report->best()->plan), describe(expected.best()->plan));
  EXPECT_FALSE(projected[0].curve);
  // A model that is not shipped.
  Design design = p.design;
  design.scenarios = {Scenario{"x", "", "no-such-model", 1e9, Precision::Bf16, {}, {}}};
  const auto missing = project_scenarios(design, test::installed_catalog(), p.report, options);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_FALSE(missing[0].report);
  EXPECT_NE(missing[0].why_not.find("\"no-such-model\" is not a shipped model"), std::string::npos);
}

TEST(ReportContent, PowerAndCoolingTablesAndCharts) {
  const SuperPod& p = superpod();
  const ReportSection& s = *section(p.content, "power");
  EXPECT_EQ(s.charts, (std::vector<std::string>{"power-by-category", "rack-power"}));
  const ReportTable* racks = table(s, "Racks");
  ASSERT_TRUE(racks);
  EXPECT_EQ(racks->rows.size(), p.report.power.racks.size());  // 38 racks: under the cap of 40
  EXPECT_TRUE(racks->note.empty());
  EXPECT_EQ(racks->rows.front()[0], p.report.power.max_rack_id);
  // The category table's total is the IT load.
  const ReportTable* categories = table(s, "IT power by category");
  ASSERT_TRUE(categories);
  EXPECT_EQ(categories->rows.back()[2], format_fixed(p.report.power.it_w / 1000, 1));

  // A smaller cap keeps the most loaded racks and says so.
  ReportOptions options;
  options.max_table_rows = 10;
  const ReportContent capped = build_report_content(p.design, test::installed_catalog(), p.report, {}, options);
  const ReportTable* few = table(*section(capped, "power"), "Racks");
  ASSERT_TRUE(few);
  EXPECT_EQ(few->rows.size(), 10u);
  EXPECT_EQ(few->note, "Showing the most loaded 10 of 38 racks.");
}

TEST(ReportContent, NetworkHasOneSubsectionPerFabricAndTheScaleUpDomains) {
  const SuperPod& p = superpod();
  const ReportSection& s = *section(p.content, "network");
  ASSERT_EQ(s.subsections.size(), p.report.network.fabrics.size() + 1);
  const ReportSection& fabric = s.subsections.front();
  EXPECT_EQ(fact(fabric, "Tiers"), "2 (32 leaves, 16 spines, 0 cores)");
  EXPECT_EQ(fact(fabric, "GPU endpoints"), "1,016 at 400 Gb/s each");
  const ReportSection& up = s.subsections.back();
  EXPECT_EQ(up.id, "scale-up");
  ASSERT_EQ(up.tables.size(), 1u);
  ASSERT_EQ(up.tables[0].rows.size(), 1u);
  // 127 NVLink domains of 8 GPUs at 450 GB/s each way (catalog: 900 GB/s bidirectional).
  EXPECT_EQ(up.tables[0].rows[0][3], "8");
  EXPECT_EQ(up.tables[0].rows[0][4], "127");
  EXPECT_EQ(up.tables[0].rows[0][5], "450 GB/s");
}

TEST(ReportContent, ProblemsAndAssumptions) {
  const SuperPod& p = superpod();
  const ReportSection& problems = *section(p.content, "problems");
  if (p.report.problems.empty()) {
    EXPECT_TRUE(problems.tables.empty());
  } else {
    ASSERT_EQ(problems.tables.size(), 1u);
    EXPECT_EQ(problems.tables[0].rows.size(), std::min<std::size_t>(p.report.problems.size(), 200));
  }
  const ReportSection& a = *section(p.content, "assumptions");
  const ReportTable* assumed = table(a, "Assumptions");
  ASSERT_TRUE(assumed);
  // The sample sets no assumption: every row takes the documented default, and the restart
  // time is the one flagged as an estimate.
  for (const auto& row : assumed->rows) EXPECT_NE(row[2], "the design's assumption") << row[0];
  const auto restart = std::find_if(assumed->rows.begin(), assumed->rows.end(),
                                    [](const auto& row) { return row[0] == "Restart after an interruption"; });
  ASSERT_NE(restart, assumed->rows.end());
  EXPECT_EQ((*restart)[1], "10.0 min");
  EXPECT_EQ((*restart)[3], "yes");
  // Every catalog item of the BOM has its source listed once.
  const ReportTable* sources = table(a, "Catalog sources");
  ASSERT_TRUE(sources);
  const Bom bom = build_bom(p.design, test::installed_catalog());
  std::set<std::string> ids;
  for (const BomLine& l : bom.lines)
    if (!l.catalog_id.empty()) ids.insert(l.catalog_id);  // fibre runs have none
  EXPECT_EQ(sources->rows.size(), ids.size());
  for (const auto& row : sources->rows) EXPECT_TRUE(starts_with(row[3], "http")) << row[0];
  EXPECT_NE(a.paragraphs.front().find("docs/methods.md"), std::string::npos);
}

TEST(ReportContent, AssumptionsTheDesignSetsAreMarkedAsItsOwn) {
  Design design = test::four_dgx_h100_rack();
  design.assumptions.pue = 1.3;
  design.assumptions.restart_s = 300;
  const DesignReport report = analyze_design(design, test::installed_catalog());
  const ReportContent c = build_report_content(design, test::installed_catalog(), report, {});
  const ReportTable* assumed = table(*section(c, "assumptions"), "Assumptions");
  ASSERT_TRUE(assumed);
  auto row = [&](const std::string& name) {
    return *std::find_if(assumed->rows.begin(), assumed->rows.end(), [&](const auto& r) { return r[0] == name; });
  };
  EXPECT_EQ(row("PUE")[1], "1.30");
  EXPECT_EQ(row("PUE")[2], "the design's assumption");
  EXPECT_EQ(row("Restart after an interruption")[1], "5.0 min");
  EXPECT_EQ(row("Restart after an interruption")[2], "the design's assumption");
  EXPECT_EQ(row("Energy price")[2].rfind("default", 0), 0u);
}

}  // namespace
}  // namespace cf
