// The step-time model on hand-computed cases: each component of the breakdown against its
// closed form on a simple cluster with unit efficiencies, and the identities that tie the
// figures together (docs/methods.md, "Step time").

#include <gtest/gtest.h>

#include "training/collectives.h"
#include "training/model_size.h"
#include "training/step_model.h"
#include "training_support.h"

namespace cf {
namespace {

using test::simple_cluster;

ModelSpec gpt(int layers, int hidden, int heads, int seq) {
  return model_from_json(
      Json{{"name", "g"}, {"layers", layers}, {"hidden", hidden}, {"heads", heads}, {"ffn", 4 * hidden},
           {"activation", "gelu"}, {"vocab", 51200}, {"seq_len", seq}},
      "g");
}

constexpr Efficiency kUnit{1, 1, 1, 1};

TEST(StepModel, BreakdownAddsUpAndMfuFollowsFromTheModelFlops) {
  StepModel sm(gpt(24, 2048, 16, 2048), simple_cluster(64), megatron_2021(), {256, 2048, Precision::Bf16});
  ParallelPlan p{2, 4, 8, 1, 1, 2, 2, Recompute::Selective, 1, true};
  Projection r = sm.evaluate(p);
  ASSERT_TRUE(r.fits()) << explain(r.infeasible, p, sm, &r);
  EXPECT_DOUBLE_EQ(r.breakdown.total(), r.step_time_s);
  EXPECT_DOUBLE_EQ(r.tokens_per_s, 256.0 * 2048 / r.step_time_s);
  const double flops = training_flops_per_token(sm.model(), 2048) * 2048 * 256;
  EXPECT_NEAR(r.model_tflops_per_gpu, flops / r.step_time_s / 64 / 1e12, 1e-9);
  EXPECT_NEAR(r.mfu, r.model_tflops_per_gpu * 1e12 / 1e15, 1e-12);
  // The bubble is (p − 1)/v micro-batch times; m = 256 / (8 × 2) = 16 micro-batches.
  const double per_microbatch =
      (r.breakdown.compute + r.breakdown.recompute + r.breakdown.tp_comm + r.breakdown.cp_comm + r.breakdown.ep_comm) / 16;
  EXPECT_NEAR(r.breakdown.bubble, 3.0 / 2 * per_microbatch, 1e-12);
}

TEST(StepModel, TensorParallelAllReducesMatchTheRingFormula) {
  // 4 layers, h = 1024, s = 1024, mbs 1, tp 2, no SP: per layer 2 all-reduces forward and 2
  // backward of s·h·2 bytes among 2 GPUs at 400 GB/s: 2·(n−1)/n·bytes/bw each.
  StepModel sm(gpt(4, 1024, 16, 1024), simple_cluster(8), megatron_2021(), {1, 1024, Precision::Bf16}, kUnit);
  Projection r = sm.evaluate(ParallelPlan{2, 1, 1, 1, 1, 1, 1, Recompute::None, 0, false});
  const double bytes = 1024.0 * 1024 * 2;
  const double one = 2 * 1.0 / 2 * bytes / 400e9;
  EXPECT_NEAR(r.breakdown.tp_comm, 4 * 4 * one, 1e-15);
  // Full recompute repeats the forward pair.
  Projection full = sm.evaluate(ParallelPlan{2, 1, 1, 1, 1, 1, 1, Recompute::Full, 0, false});
  EXPECT_NEAR(full.breakdown.tp_comm, 4 * 6 * one, 1e-15);
  // It also repeats the layers' forward kernels: a third of their forward + backward (2×), the
  // logits excepted.
  EXPECT_LT(full.breakdown.recompute, full.breakdown.compute / 3);
  EXPECT_GT(full.breakdown.recompute, 0.5 * full.breakdown.compute / 3);
}

TEST(StepModel, DataParallelReductionIsHierarchical) {
  // dp 16 over two 8-GPU domains, tp 1: reduce-scatter + all-gather of the gradients inside the
  // domain at 400 GB/s, then all-reduce of 1/8 of them between the two domains at 50 GB/s.
  ModelSpec m = gpt(4, 1024, 16, 1024);
  StepModel sm(m, simple_cluster(16), megatron_2021(), {16, 1024, Precision::Bf16}, kUnit);
  Projection r = sm.evaluate(ParallelPlan{1, 1, 16, 1, 1, 1, 1, Recompute::None, 0, false});
  ParameterSplit split = parameter_split(m);
  const double grads = (split.body + split.input_embedding) * 2;
  const double expected = 2 * 7.0 / 8 * grads / 400e9 + 2 * 1.0 / 2 * (grads / 8) / 50e9;
  EXPECT_NEAR(r.breakdown.dp_comm, expected, expected * 1e-12);
  // Megatron-Core overlaps it with the last micro-batch's backward: less is exposed.
  StepModel core(m, simple_cluster(16), megatron_core(), {16, 1024, Precision::Bf16}, kUnit);
  EXPECT_LT(core.evaluate(ParallelPlan{1, 1, 16, 1, 1, 1, 1, Recompute::None, 0, false}).breakdown.dp_comm, expected);
}

TEST(StepModel, ComputeBoundMatmulsRunAtTheCalibratedFractionOfPeak) {
  // A wide model at large batch: the matmuls dominate; halving the GEMM efficiency roughly
  // doubles the compute time, and FP8 on a GPU with twice the FP8 peak roughly halves it.
  ModelSpec m = gpt(2, 8192, 64, 2048);
  TrainingCluster c = simple_cluster(8);
  c.fp8_flops = 2e15;
  StepModel full(m, c, megatron_core(), {8, 2048, Precision::Bf16}, {1, 1, 1, 1});
  StepModel half(m, c, megatron_core(), {8, 2048, Precision::Bf16}, {0.5, 1, 1, 1});
  StepModel fp8(m, c, megatron_core(), {8, 2048, Precision::Fp8}, {1, 1, 1, 1});
  ParallelPlan p{1, 1, 8, 1, 1, 1, 1, Recompute::None, 0, false};
  double ratio = half.evaluate(p).breakdown.compute / full.evaluate(p).breakdown.compute;
  EXPECT_GT(ratio, 1.8);
  EXPECT_LE(ratio, 2.0);
  double fp8_ratio = fp8.evaluate(p).breakdown.compute / full.evaluate(p).breakdown.compute;
  EXPECT_LT(fp8_ratio, 0.65);
  EXPECT_GT(fp8_ratio, 0.5);
}

TEST(StepModel, InfeasiblePlansSayWhy) {
  StepModel sm(gpt(96, 12288, 96, 2048), simple_cluster(64), megatron_2021(), {1536, 2048, Precision::Bf16});
  ParallelPlan odd{5, 1, 1, 1, 1, 1, 1, Recompute::None, 0, false};
  EXPECT_EQ(sm.check(odd), Infeasible::Heads);
  EXPECT_EQ(explain(Infeasible::Heads, odd, sm), "96 attention heads are not divisible by tp = 5");
  // Uneven stages are allowed (96 layers on 5 stages: the slowest holds 20), not empty ones.
  EXPECT_EQ(sm.check(ParallelPlan{8, 5, 1, 1, 1, 1, 1, Recompute::None, 0, false}), Infeasible::None);
  StepModel shallow(gpt(4, 1024, 16, 1024), simple_cluster(64), megatron_2021(), {8, 1024, Precision::Bf16});
  EXPECT_EQ(shallow.check(ParallelPlan{1, 4, 1, 1, 1, 1, 2, Recompute::None, 0, false}), Infeasible::Layers);
  ParallelPlan too_many{8, 8, 2, 1, 1, 1, 1, Recompute::None, 0, false};
  EXPECT_EQ(sm.check(too_many), Infeasible::Gpus);
  // 175B on 8 GPUs: 2.8 TB of model states do not fit in 8 × 80 GB.
  ParallelPlan small{8, 1, 1, 1, 1, 1, 1, Recompute::Full, 0, true};
  Projection r = sm.evaluate(small);
  EXPECT_EQ(r.infeasible, Infeasible::Memory);
  EXPECT_NE(explain(r.infeasible, small, sm, &r).find("but the GPU has 80.0 GB"), std::string::npos);
  StepModel fp8(gpt(4, 1024, 16, 1024), simple_cluster(8), megatron_core(), {8, 1024, Precision::Fp8});
  EXPECT_EQ(fp8.check(ParallelPlan{}), Infeasible::Precision);
}

}  // namespace
}  // namespace cf
