// Memory per GPU: ZeRO model states (Rajbhandari et al. 2020, Figure 1) and activations per layer
// (Korthikanti et al. 2022, Table 2), on hand-computed cases.

#include <gtest/gtest.h>

#include "training/memory.h"
#include "training/model.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(Memory, ZeroStagesMatchTheZeroPaper) {
  // ZeRO Figure 1: a 7.5B model on 64 data-parallel GPUs: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB.
  const double psi = 7.5e9;
  EXPECT_DOUBLE_EQ(model_states(psi, 64, 0).total(), 120e9);
  EXPECT_NEAR(model_states(psi, 64, 1).total(), 31.4e9, 0.05e9);
  EXPECT_NEAR(model_states(psi, 64, 2).total(), 16.6e9, 0.05e9);
  EXPECT_NEAR(model_states(psi, 64, 3).total(), 1.9e9, 0.05e9);
}

ModelSpec gpt(int layers, int hidden, int heads, int seq) {
  return model_from_json(parse_json_text(
                             R"({"name": "g", "layers": )" + std::to_string(layers) + R"(, "hidden": )" +
                             std::to_string(hidden) + R"(, "heads": )" + std::to_string(heads) +
                             R"(, "ffn": )" + std::to_string(4 * hidden) +
                             R"(, "activation": "gelu", "dropout": true, "vocab": 51200, "seq_len": )" +
                             std::to_string(seq) + "}"),
                         "g");
}

TEST(Memory, ActivationsPerLayerFollowKorthikantiTable2) {
  // GPT-3 175B shape, s = 2048, b = 1, t = 8: s·b·h = 2048 x 12288 = 25,165,824;
  // 5·a·s/h = 5 x 96 x 2048 / 12288 = 80.
  ModelSpec m = gpt(96, 12288, 96, 2048);
  const double sbh = 2048.0 * 12288;
  ParallelPlan p;
  p.tp = 8;
  EXPECT_DOUBLE_EQ(activation_bytes_per_layer(m, p, 2048), sbh * (10 + 24.0 / 8 + 80.0 / 8));
  p.sp = true;
  EXPECT_DOUBLE_EQ(activation_bytes_per_layer(m, p, 2048), sbh / 8 * (34 + 80));
  p.recompute = Recompute::Selective;
  EXPECT_DOUBLE_EQ(activation_bytes_per_layer(m, p, 2048), 34 * sbh / 8);
  p.recompute = Recompute::Full;
  EXPECT_DOUBLE_EQ(activation_bytes_per_layer(m, p, 2048), 2 * sbh / 8);
  p.sp = false;
  EXPECT_DOUBLE_EQ(activation_bytes_per_layer(m, p, 2048), 2 * sbh);
}

TEST(Memory, PipelineHoldsStagesLayersForItsMicrobatchesInFlight) {
  ModelSpec m = gpt(96, 12288, 96, 2048);
  ParallelPlan p;
  p.tp = 8;
  p.pp = 8;
  p.sp = true;
  p.recompute = Recompute::Selective;
  const double per_layer = 34 * 2048.0 * 12288 / 8;
  // 1F1B: the first stage holds 12 layers for 8 micro-batches in flight = 96 layers' worth.
  EXPECT_DOUBLE_EQ(memory_per_gpu(m, p, 64).activations, 96 * per_layer);
  // Fewer micro-batches than stages: only those are in flight.
  EXPECT_DOUBLE_EQ(memory_per_gpu(m, p, 2).activations, 12 * 2 * per_layer);
  // Interleaved with v = 3: x (1 + 7/24).
  p.vpp = 3;
  EXPECT_DOUBLE_EQ(memory_per_gpu(m, p, 64).activations, 96 * per_layer * (1 + 7.0 / 24));
}

TEST(Memory, WeightsSplitByTensorAndPipelineWithTheEmbeddingOnTheFirstStage) {
  ModelSpec m = gpt(4, 1024, 16, 1024);
  ParallelPlan p;
  p.tp = 2;
  p.pp = 2;
  // The body (4 layers of 12 h^2 + 2h, and the final norm h) over tp x pp = 4, plus the input
  // embedding V·h over tp = 2; the untied output projection lives on the last stage.
  const double h = 1024, body = 4 * (12 * h * h + 2 * h) + h;
  const double on_first = body / 4 + 51200 * h / 2;
  EXPECT_DOUBLE_EQ(memory_per_gpu(m, p, 1).states.weights, on_first * 2);
}

}  // namespace
}  // namespace cf
