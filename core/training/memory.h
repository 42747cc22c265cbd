#pragma once
// Memory per GPU of a plan: model states by ZeRO stage (Rajbhandari et al. 2020) and activations
// per layer (Korthikanti et al. 2022) for the micro-batches in flight (docs/methods.md, "Memory").

#include "training/model.h"
#include "training/model_size.h"
#include "training/plan.h"

namespace cf {

// Mixed-precision Adam: 2 bytes of 16-bit weights, 2 of 16-bit gradients, and 12 of optimizer
// state (fp32 master weights, momentum and variance) per parameter — 16 in all (ZeRO, §3).
inline constexpr double kWeightBytes = 2, kGradientBytes = 2, kOptimizerBytes = 12;

struct ModelStates {
  double weights = 0, gradients = 0, optimizer = 0;
  double total() const { return weights + gradients + optimizer; }
};

// Layers on the most loaded pipeline stage: each of its vpp chunks holds ⌈layers / (pp·vpp)⌉.
double stage_layers(int layers, int pp, int vpp);

// Model states of `parameters` on one GPU when sharded over `shards` data-parallel ranks at ZeRO
// stage `zero`: 1 shards the optimizer, 2 also gradients, 3 also weights.
ModelStates model_states(double parameters, int shards, int zero);

// Activation bytes of one transformer layer for one micro-batch, Korthikanti et al. 2022 §4
// generalised to the layer's shape (docs/methods.md): for the GPT shape with dropout
// s·b·h·(10 + 24/t + 5·a·s/(h·t)) without sequence parallelism, s·b·h/t·(34 + 5·a·s/h) with it;
// selective recompute drops the attention scores, full recompute keeps the layer input 2·s·b·h
// (/t with SP). `fused_attention` (FlashAttention) never stores the s×s scores. `seq` is the
// sequence each GPU holds (s / cp); `moe_layer` sizes the MLP by the routed experts.
double activation_bytes_per_layer(const ModelSpec& m, const ParallelPlan& p, double seq,
                                  bool fused_attention = false, bool moe_layer = false);

struct MemoryPerGpu {
  ModelStates states;
  double activations = 0;
  double total() const { return states.total() + activations; }
};

// Where a model's parameters live: computed once per model, so plans are sized in O(1).
struct ParameterSplit {
  double body = 0;              // dense transformer weights, split by tp × pp
  double expert = 0;            // routed and shared expert weights, split by ep × tp × pp
  double input_embedding = 0;   // token (and position) table on the first stage, split by tp
  int moe_layers = 0;
};
ParameterSplit parameter_split(const ModelSpec& m);

// The most loaded GPU: the first pipeline stage, which holds the input embedding and the most
// micro-batches in flight. `microbatches` = global batch / (dp × mbs).
MemoryPerGpu memory_per_gpu(const ModelSpec& m, const ParallelPlan& p, int microbatches,
                            bool fused_attention = false);
MemoryPerGpu memory_per_gpu(const ModelSpec& m, const ParameterSplit& split, const ParallelPlan& p,
                            int microbatches, bool fused_attention);

// The same in two parts, for the plan search, which shares the first among plans: the activation
// bytes of one micro-batch on the first stage, from those of one dense and one MoE layer
// (activation_bytes_per_layer; they depend only on tp, cp, mbs, sp and recompute) ...
double stage_activation_bytes(const ModelSpec& m, const ParameterSplit& split, const ParallelPlan& p,
                              double dense_layer_bytes, double moe_layer_bytes);
// ... and the memory of the plan given them.
MemoryPerGpu memory_per_gpu(const ParameterSplit& split, const ParallelPlan& p, int microbatches,
                            double stage_activation_bytes);

}  // namespace cf
