#include "training/memory.h"

#include <algorithm>

namespace cf {

double stage_layers(int layers, int pp, int vpp) {
  const int chunks = pp * vpp;
  return static_cast<double>((layers + chunks - 1) / chunks) * vpp;
}

ModelStates model_states(double parameters, int shards, int zero) {
  const double n = std::max(1, shards);
  return {parameters * kWeightBytes / (zero >= 3 ? n : 1),
          parameters * kGradientBytes / (zero >= 2 ? n : 1),
          parameters * kOptimizerBytes / (zero >= 1 ? n : 1)};
}

double activation_bytes_per_layer(const ModelSpec& m, const ParallelPlan& p, double seq,
                                  bool fused_attention, bool moe_layer) {
  const double h = m.hidden, t = p.tp, tokens = seq * p.mbs;
  const double dropout_mask = m.dropout ? 1.0 : 0.0;  // 1 byte per element (Korthikanti §4.1)
  if (p.recompute == Recompute::Full) return 2 * tokens * h / (p.sp ? t : 1);

  // Bytes per token. Outside the tensor-parallel region (split by t only with SP): the two
  // LayerNorm inputs 4h, the QKV and MLP inputs 2h each, the two dropout masks.
  const double replicated = 4 * h + 2 * h + 2 * h + 2 * h * dropout_mask;
  // Inside it (split by t): Q, K, V, the output projection's input, and the MLP's activation
  // inputs and outputs: GeLU 2f + 2f; SwiGLU gate and up 4f, their product 2f.
  const double qk = m.qk_head_dim(), v = m.v_head_dim();
  const int kv = m.attention_kv_heads();
  double attention = 2 * m.heads * qk + 2 * kv * qk + 2 * kv * v + 2 * m.heads * v;
  double mlp_width = m.ffn, copies = 1, dispatched = 0;
  if (moe_layer && m.moe) {
    mlp_width = m.moe->expert_ffn;
    copies = m.moe->top_k + m.moe->shared_experts;
    dispatched = 2 * h * m.moe->top_k;  // each routed copy of the token is an expert's input
  }
  double mlp = copies * (m.activation == Activation::Swiglu ? 6 : 4) * mlp_width + dispatched;
  double sharded = attention + mlp;
  // The s×s scores of an unfused attention: softmax output 2, dropout mask 1 and output 2 bytes
  // per element, per head (5·a·s); FlashAttention keeps none of them.
  double scores = 0;
  if (!fused_attention && p.recompute == Recompute::None)
    scores = (2 + 3 * dropout_mask) * m.heads * seq;
  return tokens * (replicated / (p.sp ? t : 1) + (sharded + scores) / t);
}

ParameterSplit parameter_split(const ModelSpec& m) {
  ParameterCount params = parameter_count(m);
  ParameterSplit s;
  s.input_embedding = static_cast<double>(m.vocab) * m.hidden +
                      (m.learned_positions ? static_cast<double>(m.seq_len) * m.hidden : 0.0);
  s.body = params.total - params.embedding;
  if (m.moe) {
    const MoeSpec& e = *m.moe;
    s.moe_layers = m.layers - e.dense_layers;
    double per_expert = (m.activation == Activation::Swiglu ? 3.0 : 2.0) * m.hidden * e.expert_ffn;
    s.expert = per_expert * (e.experts + e.shared_experts) * s.moe_layers;
    s.body -= s.expert;
  }
  return s;
}

MemoryPerGpu memory_per_gpu(const ModelSpec& m, const ParallelPlan& p, int microbatches,
                            bool fused_attention) {
  return memory_per_gpu(m, parameter_split(m), p, microbatches, fused_attention);
}

MemoryPerGpu memory_per_gpu(const ModelSpec& m, const ParameterSplit& split, const ParallelPlan& p,
                            int microbatches, bool fused_attention) {
  const double seq = static_cast<double>(m.seq_len) / p.cp;
  const double dense = activation_bytes_per_layer(m, p, seq, fused_attention, false);
  const double moe = activation_bytes_per_layer(m, p, seq, fused_attention, true);
  return memory_per_gpu(split, p, microbatches, stage_activation_bytes(m, split, p, dense, moe));
}

double stage_activation_bytes(const ModelSpec& m, const ParameterSplit& split, const ParallelPlan& p,
                              double dense_layer_bytes, double moe_layer_bytes) {
  // The first stage's layers are dense first.
  const double layers_per_stage = stage_layers(m.layers, p.pp, p.vpp);
  const double dense_layers = m.layers - split.moe_layers;
  const double moe_here = std::clamp(layers_per_stage - dense_layers, 0.0, layers_per_stage);
  double per_microbatch = dense_layer_bytes * (layers_per_stage - moe_here);
  if (moe_here > 0) per_microbatch += moe_layer_bytes * moe_here;
  return per_microbatch;
}

MemoryPerGpu memory_per_gpu(const ParameterSplit& split, const ParallelPlan& p, int microbatches,
                            double stage_activation_bytes) {
  // Dense weights split by tensor and pipeline parallelism, expert weights also by expert
  // parallelism; the first stage also holds the input embedding (/tp).
  double on_gpu = split.body / (p.tp * p.pp) + split.expert / (static_cast<double>(p.ep) * p.tp * p.pp) +
                  split.input_embedding / p.tp;
  MemoryPerGpu out;
  out.states = model_states(on_gpu, p.dp * p.cp, p.zero);

  // 1F1B: the first stage holds min(p, m) micro-batches of its layers; interleaving adds
  // (p − 1)/(p·v) (Korthikanti et al. 2022, §4.2.3).
  const double in_flight = std::min(p.pp, std::max(1, microbatches));
  const double interleave = p.vpp > 1 ? 1.0 + (p.pp - 1.0) / (p.pp * p.vpp) : 1.0;
  out.activations = stage_activation_bytes * in_flight * interleave;
  return out;
}

}  // namespace cf
