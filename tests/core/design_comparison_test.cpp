// Comparing designs: a design against itself differs nowhere; one DGX H100 less is 8 GPUs and the
// DGX's catalog maximum less; 800G NICs instead of 400G double the bisection; swapping the
// server model keeps the wiring or refuses with a reason.

#include "analysis/design_comparison.h"

#include <gtest/gtest.h>

#include "catalog/catalog_loader.h"
#include "design/replace_model.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"
#include "test_support.h"
#include "training/model.h"

namespace cf {
namespace {

Design lab() { return load_design(test::kSourceDir / "samples/lab-4x-dgx-h100.cluster.json"); }

struct Analysed {
  Design design;
  DesignReport report;
  Analysed(Design d, const Catalog& c) : design(std::move(d)), report(analyze_design(design, c)) {}
  ComparedDesign as(std::string name, const TrainingReport* training = nullptr) const {
    return {std::move(name), &design, &report, training};
  }
};

Design without(Design d, const std::string& device_id, const Catalog& c) {
  auto edit = unmount_device(device_id);
  EXPECT_TRUE(edit->apply(d, c));
  return d;
}

TEST(DesignComparison, ADesignAgainstItselfDiffersNowhere) {
  const Catalog& c = test::installed_catalog();
  Analysed a(lab(), c);
  DesignComparison cmp = compare_designs({a.as("A"), a.as("B")}, c);
  ASSERT_EQ(cmp.names, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(cmp.group_names(),
            (std::vector<std::string>{"Scale", "Network", "Power & cooling", "Cost", "Reliability"}));
  for (const ComparisonRow& row : cmp.rows) {
    SCOPED_TRACE(row.key);
    EXPECT_FALSE(row.differs);
    if (row.unit == ComparisonUnit::Text) continue;
    ASSERT_EQ(row.values.size(), 2u);
    if (row.values[0]) {
      EXPECT_EQ(row.delta[1], 0.0);
      EXPECT_EQ(row.relative[1], 0.0);
    } else {
      EXPECT_FALSE(row.delta[1]);  // no figure: no difference either, and never a zero
    }
    EXPECT_EQ(row.verdict(1), 0);
  }
  for (const InventoryRow& row : cmp.inventory) EXPECT_FALSE(row.differs) << row.catalog_id;
  // The lab sample's figures, from its file: 4 DGX H100 (32 H100) on one leaf in one rack.
  EXPECT_EQ(cmp.row("gpus")->values[0], 32.0);
  EXPECT_EQ(cmp.row("gpu_model")->texts[0], "H100 SXM5 80GB");
  EXPECT_EQ(cmp.row("servers")->values[0], 4.0);
  EXPECT_EQ(cmp.row("racks")->values[0], 1.0);
  EXPECT_EQ(cmp.row("switches")->values[0], 1.0);
  EXPECT_EQ(cmp.row("tiers")->values[0], 1.0);
  // One leaf and no uplinks: there is no oversubscription figure, and no zero in its place.
  EXPECT_FALSE(cmp.row("oversubscription_leaf")->values[0]);
  EXPECT_FALSE(cmp.row("oversubscription_leaf")->notes[0].empty());
  // The fabric is non-blocking: 16 GPU pairs at 400 Gb/s.
  EXPECT_DOUBLE_EQ(*cmp.row("bisection_bps")->values[0], 16 * 400e9);
  EXPECT_EQ(cmp.row("it_max_w")->values[0], a.report.power.it_max_w);
}

TEST(DesignComparison, OneServerLessIsEightGpusAndItsNameplateLess) {
  const Catalog& c = test::installed_catalog();
  Analysed a(lab(), c), b(without(lab(), "dgx-04", c), c);
  DesignComparison cmp = compare_designs({a.as("lab"), b.as("lab - 1")}, c);
  const ComparisonRow& gpus = *cmp.row("gpus");
  EXPECT_EQ(gpus.values[1], 24.0);
  EXPECT_EQ(gpus.delta[1], -8.0);
  EXPECT_DOUBLE_EQ(*gpus.relative[1], -0.25);
  EXPECT_TRUE(gpus.differs);
  EXPECT_EQ(gpus.verdict(1), 0);  // fewer GPUs is a choice, neither better nor worse
  EXPECT_EQ(cmp.row("servers")->delta[1], -1.0);
  // The DGX H100's catalog maximum is 10.2 kW; at the default full GPU load it draws that much,
  // and its passive copper adds nothing to the leaf.
  const double dgx_w = *c.server("nvidia-dgx-h100")->max_power_w;
  ASSERT_EQ(dgx_w, 10200.0);
  EXPECT_DOUBLE_EQ(*cmp.row("it_max_w")->delta[1], -dgx_w);
  EXPECT_DOUBLE_EQ(*cmp.row("it_w")->delta[1], -dgx_w);
  EXPECT_EQ(cmp.row("it_w")->verdict(1), 1);  // less power is better
  EXPECT_FALSE(cmp.row("gpu_model")->differs);
  // Three pairs of 400G GPUs fewer across the bisection: 16 → 12 pairs.
  EXPECT_DOUBLE_EQ(*cmp.row("bisection_bps")->delta[1], -4 * 400e9);
  EXPECT_EQ(cmp.row("bisection_bps")->verdict(1), -1);
  // Why: the inventory says one DGX H100, its eight GPUs and 8 compute cables less.
  auto quantities = [&](const std::string& category, const std::string& id) {
    for (const InventoryRow& row : cmp.inventory)
      if (row.category == category && row.catalog_id == id) return row.quantities;
    return std::vector<long long>{};
  };
  EXPECT_EQ(quantities("Servers", "nvidia-dgx-h100"), (std::vector<long long>{4, 3}));
  EXPECT_EQ(quantities("GPUs", "nvidia-h100-sxm5-80gb"), (std::vector<long long>{32, 24}));
  EXPECT_EQ(quantities("Cables & optics", "nvidia-mcp4y10"), (std::vector<long long>{32, 24}));
  EXPECT_EQ(quantities("Switches", "nvidia-qm9700"), (std::vector<long long>{1, 1}));
  for (const InventoryRow& row : cmp.inventory)
    if (row.catalog_id == "nvidia-dgx-h100") {
      EXPECT_EQ(row.delta, (std::vector<long long>{0, -1}));
    }
  for (const InventoryRow& row : cmp.inventory)
    if (row.category == "Switches") {
      EXPECT_FALSE(row.differs);
    }
}

Design generated(const Catalog& c, const std::string& server) {
  ClusterRequest req;
  req.gpus = 256;
  req.server_id = server;
  req.switch_id = "nvidia-q3400-ra";
  req.service_fabrics = false;
  return generate_cluster(req, c).design;
}

TEST(DesignComparison, EightHundredGigabitNicsDoubleTheBisection) {
  const Catalog& c = test::catalog_with_800g_dgx();
  Analysed a(generated(c, "nvidia-dgx-h100"), c), b(generated(c, "test-dgx-h100-800g"), c);
  DesignComparison cmp = compare_designs({a.as("400G"), b.as("800G")}, c);
  const ComparisonRow& bisection = *cmp.row("bisection_bps");
  // Non-blocking both: 128 GPU pairs at the link rate.
  EXPECT_DOUBLE_EQ(*bisection.values[0], 128 * 400e9);
  EXPECT_DOUBLE_EQ(*bisection.values[1], 128 * 800e9);
  EXPECT_DOUBLE_EQ(*bisection.relative[1], 1.0);
  EXPECT_EQ(bisection.verdict(1), 1);
  EXPECT_DOUBLE_EQ(*cmp.row("gpu_link_bps")->relative[1], 1.0);
  EXPECT_FALSE(cmp.row("gpus")->differs);
  EXPECT_FALSE(cmp.row("gpu_model")->differs);
  // The inventory names the cause: the server model and its NICs.
  bool servers = false, nics = false;
  for (const InventoryRow& row : cmp.inventory) {
    if (row.category == "Servers" && row.catalog_id == "test-dgx-h100-800g")
      servers = row.differs && row.quantities == std::vector<long long>{0, 32};
    if (row.category == "NICs" && row.catalog_id == "nvidia-connectx-8-800g") nics = row.differs;
  }
  EXPECT_TRUE(servers);
  EXPECT_TRUE(nics);
}

TEST(DesignComparison, TrainingRowsComeFromTheProjectionAndStayEmptyWithout) {
  const Catalog& c = test::installed_catalog();
  Analysed a(lab(), c);
  TrainingRequest req;
  req.model = load_model(test::kSourceDir / "resources/models/llama3-8b.json");
  req.global_batch = 256;  // Llama 3 8B publishes none
  req.tokens = 1e11;
  const TrainingReport training = project_training(a.design, c, req);
  ASSERT_TRUE(training.best());
  DesignComparison cmp = compare_designs({a.as("with", &training), a.as("without")}, c);
  const ComparisonRow& tokens = *cmp.row("tokens_per_s");
  EXPECT_EQ(tokens.group, "Training");
  EXPECT_EQ(tokens.values[0], training.best()->tokens_per_s);
  EXPECT_FALSE(tokens.values[1]);
  EXPECT_EQ(tokens.notes[1], "not projected");
  EXPECT_TRUE(tokens.differs);  // a figure against none
  EXPECT_FALSE(tokens.relative[1]);
  EXPECT_EQ(cmp.row("time_to_train_s")->values[0], training.time_to_train_s);
  EXPECT_EQ(cmp.row("best_plan")->texts[0],
            describe(training.best()->plan) + " (" + std::to_string(training.best()->plan.gpus()) + " GPUs)");
  EXPECT_EQ(cmp.row("best_plan")->texts[1], "");
}

TEST(ReplaceModel, SwapsEveryServerKeepingTheWiringAndRevertsExactly) {
  const Catalog& c = test::installed_catalog();
  Design d = lab();
  const Design before = d;
  auto edit = replace_model("nvidia-dgx-h100", "supermicro-as-8125gs-tnmr2");
  ASSERT_TRUE(edit->apply(d, c));
  int swapped = 0;
  for (const Rack& r : d.racks)
    for (const Device& dev : r.devices) swapped += dev.catalog_id == "supermicro-as-8125gs-tnmr2";
  EXPECT_EQ(swapped, 4);
  EXPECT_EQ(d.links, before.links);
  EXPECT_EQ(gpu_models(d, c), "Instinct MI300X");
  // 4 x (10.2 − 9.0) kW of nameplate less.
  EXPECT_NEAR(analyze_design(before, c).power.it_max_w - analyze_design(d, c).power.it_max_w, 4 * 1200.0, 1e-9);
  edit->revert(d);
  EXPECT_EQ(d, before);
}

TEST(ReplaceModel, RefusesWhatWouldBreakTheWiringAndChangesNothing) {
  const Catalog& c = test::catalog_with_800g_dgx();
  Design d = lab();
  const Design before = d;
  // 800G compute ports where the DGX H100's 400G ports are cabled: the fabric needs regenerating.
  EditResult r = replace_model("nvidia-dgx-h100", "test-dgx-h100-800g")->apply(d, c);
  ASSERT_FALSE(r);
  EXPECT_NE(r.reason().find("800 Gb/s"), std::string::npos) << r.reason();
  EXPECT_EQ(d, before);
  // DGX B300: 10U, where the DGX H100s stand 8U apart.
  r = replace_model("nvidia-dgx-h100", "nvidia-dgx-b300")->apply(d, c);
  ASSERT_FALSE(r);
  EXPECT_NE(r.reason().find("overlaps"), std::string::npos) << r.reason();
  EXPECT_FALSE(replace_model("nvidia-dgx-h100", "nvidia-qm9700")->apply(d, c));  // a switch
  EXPECT_FALSE(replace_model("nvidia-dgx-a100", "nvidia-dgx-h200")->apply(d, c));  // none to swap
  EXPECT_FALSE(replace_model("nvidia-dgx-h100", "no-such-model")->apply(d, c));
  EXPECT_EQ(d, before);
}

}  // namespace
}  // namespace cf
