// The scaling curve: the GPU counts it visits, throughput that grows with the GPUs, and the point
// at the design's full count equal to the plain projection.

#include <gtest/gtest.h>

#include "io/design_file.h"
#include "test_support.h"
#include "training_support.h"
#include "training/scaling_curve.h"

namespace cf {
namespace {

ModelSpec shipped(const std::string& id) { return load_model(test::kSourceDir / "resources/models" / (id + ".json")); }

TEST(ScalingCurve, CountsArePowersOfTwoFromOneDomainToAll) {
  EXPECT_EQ(scaling_gpu_counts(test::simple_cluster(100)), (std::vector<int>{8, 16, 32, 64, 100}));
  EXPECT_EQ(scaling_gpu_counts(test::simple_cluster(64)), (std::vector<int>{8, 16, 32, 64}));
  // A domain larger than the design: from one GPU.
  EXPECT_EQ(scaling_gpu_counts(test::simple_cluster(4)), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(scaling_gpu_counts(test::simple_cluster(8)), (std::vector<int>{8}));
}

TEST(ScalingCurve, LabSampleGrowsAndEndsAtTheProjection) {
  const Catalog& c = test::installed_catalog();
  Design d = load_design(test::kSourceDir / "samples/lab-4x-dgx-h100.cluster.json");
  d.assumptions.storage_write_bytes_per_s = 10e9;  // the lab has no storage: make goodput known
  TrainingRequest req;
  req.model = shipped("llama3-8b");
  req.global_batch = 256;  // the model publishes none
  req.tokens = 1e11;
  const TrainingCluster cluster = training_cluster(d, c);
  ASSERT_EQ(cluster.gpus, 32);
  const ReliabilityReport rel = analyze_reliability(d, c);
  ScalingCurve curve = scaling_curve(d, cluster, rel, req, scaling_gpu_counts(cluster));
  ASSERT_EQ(curve.points.size(), 3u);  // 8, 16, 32 GPUs
  for (std::size_t i = 0; i < curve.points.size(); ++i) {
    const ScalingPoint& p = curve.points[i];
    ASSERT_TRUE(p.tokens_per_s && p.time_to_train_s && p.goodput) << p.gpus << ": " << p.infeasible_reason;
    EXPECT_LE(p.plan_gpus, p.gpus);
    if (i > 0) {
      EXPECT_GT(*p.tokens_per_s, *curve.points[i - 1].tokens_per_s) << p.gpus;
      EXPECT_LT(*p.time_to_train_s, *curve.points[i - 1].time_to_train_s) << p.gpus;
      // Fewer GPUs, fewer interruptions: goodput does not rise with the GPU count.
      EXPECT_LE(*p.goodput, *curve.points[i - 1].goodput) << p.gpus;
    }
  }
  // The full count is the plain projection, figure for figure.
  const TrainingReport full = project_training(d, c, req);
  ASSERT_TRUE(full.best());
  const ScalingPoint& last = curve.points.back();
  EXPECT_EQ(last.gpus, 32);
  EXPECT_EQ(last.plan_gpus, full.best()->plan.gpus());
  EXPECT_EQ(*last.tokens_per_s, full.best()->tokens_per_s);
  EXPECT_EQ(*last.step_time_s, full.best()->step_time_s);
  EXPECT_EQ(*last.time_to_train_s, *full.time_to_train_s);
  EXPECT_EQ(*last.goodput, *full.goodput);
}

TEST(ScalingCurve, InterruptionsScaleWithTheGpusOffered) {
  // A job on n of the design's GPUs sees the design's interruption rate x (plan GPUs / design
  // GPUs), and Daly's interval and goodput at that rate.
  const Catalog& c = test::installed_catalog();
  Design d = load_design(test::kSourceDir / "samples/lab-4x-dgx-h100.cluster.json");
  d.assumptions.storage_write_bytes_per_s = 10e9;
  d.assumptions.checkpoint_bytes = 100e9;  // 10 s to write
  TrainingRequest req;
  req.model = shipped("llama3-8b");
  req.global_batch = 256;  // the model publishes none
  req.tokens = 1e11;
  const TrainingCluster cluster = training_cluster(d, c);
  const ReliabilityReport rel = analyze_reliability(d, c);
  ScalingCurve curve = scaling_curve(d, cluster, rel, req, {16});
  ASSERT_EQ(curve.points.size(), 1u);
  const ScalingPoint& p = curve.points[0];
  ASSERT_TRUE(p.goodput && p.tokens_per_s);
  const double mtbf_s = 86400 / (rel.failures_per_day * p.plan_gpus / 32);
  const double interval = daly_interval_s(10.0, mtbf_s);
  EXPECT_NEAR(*p.goodput, checkpoint_goodput(interval, 10.0, mtbf_s, rel.restart_s), 1e-12);
  EXPECT_NEAR(*p.time_to_train_s, 1e11 / *p.tokens_per_s / *p.goodput, 1e-6);
}

}  // namespace
}  // namespace cf
