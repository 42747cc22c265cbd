#include "training/step_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "training/collectives.h"
#include "training/model_size.h"

namespace cf {

namespace {

constexpr double kActivationBytes = 2;  // 16-bit activations and gradients on the wire
// Adam over one parameter (fused kernel, mixed precision): reads the fp32 master weight,
// gradient, momentum and variance (16 bytes), writes the three fp32 states and the 16-bit
// weight (14 bytes).
constexpr double kAdamBytesPerParameter = 30;
// Vocabulary-parallel cross-entropy per logit: forward reads the 16-bit logit and writes fp32
// softmax (6 bytes), backward reads it and writes the 16-bit gradient (6 bytes).
constexpr double kLossBytesPerLogit = 12;
// An elementwise kernel's forward moves two tensors (reads its input, writes its output); its
// backward three (reads the output gradient and the saved input, writes the input gradient).
constexpr double kElementwiseBackward = 3.0 / 2.0;

}  // namespace

StepModel::StepModel(const ModelSpec& model, const TrainingCluster& cluster, const Framework& framework,
                     const TrainingJob& job, const Efficiency& efficiency)
    : model_(model), cluster_(cluster), framework_(framework), job_(job), eff_(efficiency) {
  if (job_.seq_len <= 0) job_.seq_len = model_.seq_len;
  model_.seq_len = job_.seq_len;
  split_ = parameter_split(model_);
  const bool fp8 = job_.precision == Precision::Fp8;
  peak_ = fp8 ? cluster_.fp8_flops : cluster_.bf16_flops;
  gemm_flops_ = peak_ * eff_.gemm;
  gemm_element_bytes_ = fp8 ? 1 : 2;
  model_flops_per_step_ = training_flops_per_token(model_, job_.seq_len) * job_.seq_len * job_.global_batch;
}

// Roofline (Williams et al. 2009): the slower of the tensor cores at their achievable rate and
// HBM moving both inputs and the 16-bit output.
double StepModel::gemm_s(double m, double n, double k) const {
  const double flops = 2 * m * n * k;
  const double bytes = (m * k + k * n) * gemm_element_bytes_ + m * n * kActivationBytes;
  return std::max(flops / gemm_flops_, memory_s(bytes));
}

double StepModel::memory_s(double bytes) const {
  return bytes / (eff_.memory * cluster_.memory_bytes_per_s);
}

// A group whose consecutive ranks are `span` GPUs apart in total extent stays on the scale-up
// domain when that extent fits in it; otherwise its ring crosses the fabric.
double StepModel::collective_bps(int group_span) const {
  double bps = group_span <= cluster_.scale_up_gpus ? cluster_.scale_up_bps : cluster_.scale_out_all_reduce_bps;
  return bps * eff_.network;
}

// Hierarchical all-reduce of n ranks with `per_domain` of them on each scale-up domain:
// reduce-scatter and all-gather inside the domain, all-reduce of bytes/per_domain between
// domains, each rank on its own NIC (NCCL's ring over rails; docs/methods.md).
double StepModel::all_reduce_hierarchical_s(double bytes, int n, int per_domain) const {
  if (n <= 1) return 0;
  per_domain = std::clamp(per_domain, 1, n);
  Channel up{cluster_.scale_up_bps * eff_.network, 0};
  if (per_domain == n) return all_reduce_s(bytes, n, up);
  Channel out{cluster_.scale_out_all_reduce_bps * eff_.network, 0};
  return all_reduce_s(bytes, per_domain, up) + all_reduce_s(bytes / per_domain, n / per_domain, out);
}

LayerCost StepModel::layer_cost(int tp, int cp, int mbs, bool sp, Recompute recompute, bool moe) const {
  const ModelSpec& m = model_;
  const double t = tp, h = m.hidden, s = job_.seq_len;
  const double tokens = static_cast<double>(mbs) * s / cp;  // query tokens on this GPU
  const double heads = m.heads / t;
  const double qk = m.qk_head_dim(), v = m.v_head_dim();
  const int kv = m.attention_kv_heads();
  const bool swiglu = m.activation == Activation::Swiglu;
  const double dropout = m.dropout ? 1 : 0;

  // Matmuls of the forward pass. Attention input projections (Q, K, V or MLA's low-rank
  // ones) as one GEMM of the layer's input-projection width, then the output projection.
  const double attention_in = attention_input_weights(m) / h;
  double gemm = gemm_s(tokens, attention_in / t, h) + gemm_s(tokens, h, m.heads * v / t);
  auto mlp = [&](double rows, double width) {
    return gemm_s(rows, (swiglu ? 2 : 1) * width / t, h) + gemm_s(rows, h, width / t);
  };
  double act_bytes_per_token = 0;  // bytes the MLP's activation function reads and writes
  if (moe && m.moe) {
    // The router and the shared experts here; the routed experts depend on ep (routed_experts_s).
    const MoeSpec& e = *m.moe;
    gemm += gemm_s(tokens, e.experts, h);
    if (e.shared_experts > 0) gemm += e.shared_experts * mlp(tokens, e.expert_ffn);
    act_bytes_per_token = (e.top_k + e.shared_experts) * (swiglu ? 6.0 : 4.0) * e.expert_ffn / t;
  } else {
    gemm += mlp(tokens, m.ffn);
    act_bytes_per_token = (swiglu ? 6.0 : 4.0) * m.ffn / t;
  }

  // Attention core: QKᵀ and scores × V over all s keys for heads/t heads.
  double attention = 0, attention_backward = 0;
  if (framework_.fused_attention) {
    // FlashAttention: one kernel at its own efficiency; causal LLMs skip the masked half;
    // backward does 2.5× the forward matmul work (5 GEMMs against 2; Dao et al. 2022, §3.1).
    const double causal = m.kind == ModelKind::Llm ? 0.5 : 1.0;
    const double flops = 2 * tokens * s * (qk + v) * heads * causal;
    attention = flops / (eff_.fused_attention * cluster_.bf16_flops);
    attention_backward = 2.5 * attention;
  } else {
    const double matmuls = heads * (gemm_s(tokens, s, qk) + gemm_s(tokens, v, s));
    // Scale-mask-softmax reads and writes each score (4 bytes); dropout reads it, writes it
    // and its mask (5 bytes).
    const double scores = memory_s(heads * tokens * s * (4 + 5 * dropout));
    attention = matmuls + scores;
    attention_backward = 2 * matmuls + kElementwiseBackward * scores;
  }

  // Memory-bound kernels per token: two LayerNorms (read and write 2h each), two
  // bias-dropout-residual adds (read 4h, write 2h, mask h), the activation function (GeLU reads
  // and writes f, SwiGLU reads 2f and writes f). Outside tensor parallelism they run on every
  // tensor-parallel rank unless sequence parallelism splits them.
  const double replicated = 2 * 4 * h + 2 * (6 + dropout) * h;
  const double elementwise = tokens * (replicated / (sp ? t : 1) + act_bytes_per_token);
  const double memory = memory_s(elementwise);

  LayerCost c;
  c.attention_forward = attention;
  c.forward = gemm + attention + memory;
  // Backward: two matmuls per forward matmul (input and weight gradients); memory-bound kernels
  // read the output gradient and the saved input and write the input gradient.
  c.backward = 2 * gemm + attention_backward + kElementwiseBackward * memory;
  if (recompute == Recompute::Full) c.recompute = c.forward;
  if (recompute == Recompute::Selective && !framework_.fused_attention) c.recompute = attention;

  // Tensor parallelism: two all-reduces of the layer's activations forward and two backward
  // (Shoeybi et al. 2019); with SP each becomes a reduce-scatter plus an all-gather, the same
  // volume (Korthikanti et al. 2022 §4.2.2). Full recompute repeats the forward ones.
  if (tp > 1) {
    Channel ch{collective_bps(tp), 0};
    const double bytes = tokens * h * kActivationBytes;
    c.tp_forward = 2 * all_reduce_s(bytes, tp, ch);
    c.tp_backward = c.tp_forward;
    if (recompute == Recompute::Full) c.tp_recompute = c.tp_forward;
    if (framework_.overlap_tp && sp) {  // only what outlasts the matmuls it hides behind
      c.tp_forward = std::max(0.0, c.tp_forward - gemm);
      c.tp_backward = std::max(0.0, c.tp_backward - 2 * gemm);
      if (recompute == Recompute::Full) c.tp_recompute = c.tp_forward;
    }
  }
  // Context parallelism: ring exchange of each chunk's K and V, cp − 1 steps, overlapped with
  // the attention core; backward also returns their gradients (Liu et al. 2023, ring attention).
  if (cp > 1) {
    Channel ch{collective_bps(tp * cp), 0};
    const double chunk = tokens * kv * (qk + v) * kActivationBytes / t;
    const double exchange = (cp - 1) * send_s(chunk, ch);
    c.cp_forward = std::max(0.0, exchange - attention);
    c.cp_backward = std::max(0.0, 2 * exchange - attention_backward);
  }
  return c;
}

MicrobatchCost StepModel::microbatch_cost(int tp, int cp, int mbs, bool sp, Recompute recompute) const {
  MicrobatchCost c;
  c.dense = layer_cost(tp, cp, mbs, sp, recompute, false);
  if (model_.moe) c.moe = layer_cost(tp, cp, mbs, sp, recompute, true);
  const double tokens = static_cast<double>(mbs) * job_.seq_len / cp;
  if (model_.vocab > 0 && model_.kind == ModelKind::Llm) {
    const double logits = tokens * model_.vocab / tp;
    c.head_forward = gemm_s(tokens, static_cast<double>(model_.vocab) / tp, model_.hidden) +
                     memory_s(logits * kLossBytesPerLogit / 2);
    c.head_backward = 2 * gemm_s(tokens, static_cast<double>(model_.vocab) / tp, model_.hidden) +
                      memory_s(logits * kLossBytesPerLogit / 2);
  }
  // Megatron's scatter-gather optimisation: each tensor-parallel rank sends its 1/t share.
  c.activation_bytes_sent = tokens * model_.hidden * kActivationBytes / tp;
  ParallelPlan shape;
  shape.tp = tp, shape.cp = cp, shape.mbs = mbs, shape.sp = sp, shape.recompute = recompute;
  const double seq = static_cast<double>(model_.seq_len) / cp;
  c.dense_activation_bytes = activation_bytes_per_layer(model_, shape, seq, framework_.fused_attention, false);
  c.moe_activation_bytes = activation_bytes_per_layer(model_, shape, seq, framework_.fused_attention, true);
  return c;
}

double StepModel::routed_experts_s(int tp, int cp, int mbs, int ep) const {
  if (!model_.moe) return 0;
  // Tokens spread evenly over the experts (the balancing loss's aim): each GPU runs E/ep experts,
  // each on ep·tokens·k/E rows, every expert's weights split by tp.
  const MoeSpec& e = *model_.moe;
  const double tokens = static_cast<double>(mbs) * job_.seq_len / cp;
  const double rows = std::max(1.0, ep * tokens * e.top_k / e.experts);
  const double width = static_cast<double>(e.expert_ffn) / tp, h = model_.hidden;
  const bool swiglu = model_.activation == Activation::Swiglu;
  return static_cast<double>(e.experts) / ep * (gemm_s(rows, (swiglu ? 2 : 1) * width, h) + gemm_s(rows, h, width));
}

double StepModel::expert_all_to_all_s(int tp, int cp, int ep, int mbs, bool sp) const {
  if (!model_.moe || ep <= 1) return 0;
  // Dispatch and combine: each GPU sends its tokens' top-k copies (Lepikhin et al. 2021).
  const double tokens = static_cast<double>(mbs) * job_.seq_len / cp / (sp ? tp : 1);
  const double bytes = tokens * model_.moe->top_k * model_.hidden * kActivationBytes;
  const int span = tp * cp * ep;
  double bps = span <= cluster_.scale_up_gpus ? cluster_.scale_up_bps : cluster_.scale_out_all_to_all_bps;
  return 2 * all_to_all_s(bytes, ep, Channel{bps * eff_.network, 0});
}

Infeasible StepModel::check(const ParallelPlan& p) const {
  if (p.tp < 1 || p.pp < 1 || p.dp < 1 || p.cp < 1 || p.ep < 1 || p.mbs < 1 || p.vpp < 1) return Infeasible::Batch;
  if (static_cast<long long>(p.tp) * p.pp * p.dp * p.cp > cluster_.gpus) return Infeasible::Gpus;
  if (model_.heads % p.tp != 0) return Infeasible::Heads;
  if (model_.layers < p.pp * p.vpp) return Infeasible::Layers;
  if (job_.global_batch % (p.dp * p.mbs) != 0) return Infeasible::Batch;
  if (p.vpp > 1 && (p.pp == 1 || (job_.global_batch / (p.dp * p.mbs)) % p.pp != 0)) return Infeasible::Interleave;
  if (p.cp > 1 && job_.seq_len % (2 * p.cp) != 0) return Infeasible::Sequence;
  if (p.ep > 1 && (!model_.moe || model_.moe->experts % p.ep != 0 || (p.dp * p.cp) % p.ep != 0))
    return Infeasible::Experts;
  if (p.sp && p.tp == 1) return Infeasible::SequenceParallel;
  if (p.zero >= 3 && p.pp > 1) return Infeasible::Zero;
  if (p.zero < 0 || p.zero > 3) return Infeasible::Zero;
  if (peak_ <= 0) return Infeasible::Precision;
  if (p.gpus() > cluster_.scale_up_gpus && cluster_.scale_out_all_reduce_bps <= 0) return Infeasible::Fabric;
  return Infeasible::None;
}

Projection StepModel::evaluate(const ParallelPlan& p) const {
  Projection out;
  out.plan = p;
  out.infeasible = check(p);
  if (out.infeasible != Infeasible::None) return out;
  return evaluate(p, microbatch_cost(p.tp, p.cp, p.mbs, p.sp, p.recompute));
}

Projection StepModel::evaluate(const ParallelPlan& p, const MicrobatchCost& c) const {
  if (Infeasible why = check(p); why != Infeasible::None) {
    Projection out;
    out.plan = p;
    out.infeasible = why;
    return out;
  }
  return evaluate(p, c, stage_cost(p, c));
}

StageCost StepModel::stage_cost(const ParallelPlan& p, const MicrobatchCost& c) const {
  // The slowest stage: the last, with the logits, the most layers when they do not divide evenly
  // (Megatron-Core's uneven split; Llama 3 405B ran 126 layers on 16 stages) and as many MoE
  // layers as it can hold.
  const double layers = stage_layers(model_.layers, p.pp, p.vpp);
  const double moe_layers = std::min<double>(split_.moe_layers, layers), dense_layers = layers - moe_layers;
  // Experts: with ep GPUs sharing the experts, each GPU runs E/ep experts on ep× the rows; the
  // matmul time is unchanged, the weights per GPU fall by ep (memory_per_gpu).
  const double ep_time = expert_all_to_all_s(p.tp, p.cp, p.ep, p.mbs, p.sp);
  const double experts = moe_layers > 0 ? routed_experts_s(p.tp, p.cp, p.mbs, p.ep) : 0.0;
  auto sum = [&](auto field) { return dense_layers * (c.dense.*field) + moe_layers * (c.moe.*field); };
  StageCost s;
  s.forward_kernels = sum(&LayerCost::forward) + moe_layers * experts + c.head_forward;
  s.backward_kernels = sum(&LayerCost::backward) + moe_layers * 2 * experts + c.head_backward;
  s.recompute = sum(&LayerCost::recompute) + (p.recompute == Recompute::Full ? moe_layers * experts : 0.0);
  s.tp = sum(&LayerCost::tp_forward) + sum(&LayerCost::tp_backward) + sum(&LayerCost::tp_recompute);
  s.cp = sum(&LayerCost::cp_forward) + sum(&LayerCost::cp_backward);
  s.ep = moe_layers * 2 * ep_time;  // forward and backward
  s.per_microbatch = s.forward_kernels + s.backward_kernels + s.recompute + s.tp + s.cp + s.ep;
  s.backward = s.backward_kernels + s.recompute + sum(&LayerCost::tp_backward) + sum(&LayerCost::tp_recompute) +
               sum(&LayerCost::cp_backward) + moe_layers * ep_time;
  s.activation_bytes = stage_activation_bytes(model_, split_, p, c.dense_activation_bytes, c.moe_activation_bytes);
  return s;
}

Projection StepModel::evaluate(const ParallelPlan& p, const MicrobatchCost& c, const StageCost& s) const {
  Projection out;
  out.plan = p;
  const int microbatches = job_.global_batch / (p.dp * p.mbs);
  out.memory = memory_per_gpu(split_, p, microbatches, s.activation_bytes);

  StepBreakdown& b = out.breakdown;
  b.compute = microbatches * (s.forward_kernels + s.backward_kernels);
  b.recompute = microbatches * s.recompute;
  b.tp_comm = microbatches * s.tp;
  b.cp_comm = microbatches * s.cp;
  b.ep_comm = microbatches * s.ep;
  // 1F1B with v model chunks per GPU: the bubble is (p − 1)/v micro-batch times (Narayanan et
  // al. 2021, §2.2); every chunk sends its activations forward and its gradients back.
  b.bubble = pipeline_bubble_fraction(p.pp, p.vpp, 1) * s.per_microbatch;
  if (p.pp > 1) {
    // Neighbouring stages are tp·cp·dp ranks apart: the pipeline runs at its slowest hop, which
    // crosses the fabric unless the whole job fits in one scale-up domain.
    Channel ch{collective_bps(p.gpus()), 0};
    b.pp_comm = 2.0 * p.vpp * microbatches * send_s(c.activation_bytes_sent, ch);
  }

  // Data parallelism over dp·cp ranks (experts over dp·cp/ep): the gradient all-reduce, or
  // with ZeRO/distributed optimizer its reduce-scatter + all-gather of the same volume.
  const double dense_params = split_.body / (p.tp * p.pp) + split_.input_embedding / p.tp;
  const double expert_params = split_.expert / (static_cast<double>(p.ep) * p.tp * p.pp);
  const int ranks = p.dp * p.cp;
  const int per_domain = std::max(1, cluster_.scale_up_gpus / p.tp);
  double dp_time = all_reduce_hierarchical_s(dense_params * kGradientBytes, ranks, per_domain) +
                   all_reduce_hierarchical_s(expert_params * kGradientBytes, ranks / p.ep,
                                             std::max(1, per_domain / p.ep));
  if (p.zero >= 3) {
    // ZeRO-3 gathers the weights for every micro-batch's forward and backward, under compute.
    // Two all-gathers move what one all-reduce moves.
    const double gather =
        all_reduce_hierarchical_s((dense_params + expert_params) * kWeightBytes, ranks, per_domain);
    dp_time += microbatches * std::max(0.0, gather - (s.forward_kernels + s.backward_kernels));
  }
  b.dp_comm = framework_.overlap_dp ? std::max(0.0, dp_time - s.backward) : dp_time;

  const double optimizer_params = (dense_params + expert_params) / (p.zero >= 1 ? ranks : 1);
  b.optimizer = memory_s(optimizer_params * kAdamBytesPerParameter);

  out.step_time_s = b.total();
  out.tokens_per_s = static_cast<double>(job_.global_batch) * job_.seq_len / out.step_time_s;
  out.model_tflops_per_gpu = model_flops_per_step_ / out.step_time_s / p.gpus() / 1e12;
  out.mfu = out.model_tflops_per_gpu * 1e12 / peak_;
  if (out.memory.total() > cluster_.memory_bytes) out.infeasible = Infeasible::Memory;
  return out;
}

std::string to_string(Infeasible why) {
  switch (why) {
    case Infeasible::None: return "none";
    case Infeasible::Gpus: return "gpus";
    case Infeasible::Heads: return "divisibility";
    case Infeasible::Layers: return "divisibility";
    case Infeasible::Interleave: return "divisibility";
    case Infeasible::Batch: return "divisibility";
    case Infeasible::Sequence: return "divisibility";
    case Infeasible::Experts: return "divisibility";
    case Infeasible::SequenceParallel: return "unsupported";
    case Infeasible::Zero: return "unsupported";
    case Infeasible::Precision: return "precision";
    case Infeasible::Fabric: return "fabric";
    case Infeasible::Memory: return "memory";
  }
  return "?";
}

std::string explain(Infeasible why, const ParallelPlan& p, const StepModel& sm, const Projection* pr) {
  const ModelSpec& m = sm.model();
  auto n = [](auto x) { return std::to_string(x); };
  switch (why) {
    case Infeasible::None: return "";
    case Infeasible::Gpus:
      return "tp×pp×dp×cp = " + n(p.gpus()) + " GPUs but the design has " + n(sm.cluster().gpus);
    case Infeasible::Heads: return n(m.heads) + " attention heads are not divisible by tp = " + n(p.tp);
    case Infeasible::Layers:
      return n(m.layers) + " layers cannot fill pp×vpp = " + n(p.pp * p.vpp) + " model chunks";
    case Infeasible::Interleave:
      return "the interleaved schedule (vpp = " + n(p.vpp) + ") needs pp > 1 and micro-batches divisible by pp";
    case Infeasible::Batch:
      return "global batch " + n(sm.job().global_batch) + " is not divisible by dp×mbs = " + n(p.dp * p.mbs);
    case Infeasible::Sequence:
      return "sequence " + n(sm.job().seq_len) + " is not divisible by 2×cp = " + n(2 * p.cp);
    case Infeasible::Experts:
      return m.moe ? "ep = " + n(p.ep) + " must divide the " + n(m.moe->experts) + " experts and dp×cp = " +
                         n(p.dp * p.cp)
                   : "ep > 1 needs a mixture-of-experts model";
    case Infeasible::SequenceParallel: return "sequence parallelism needs tp > 1";
    case Infeasible::Zero: return "ZeRO-3 is not combined with pipeline parallelism (and stages are 0-3)";
    case Infeasible::Precision: return sm.cluster().gpu_name + " has no dense peak at this precision (no FP8)";
    case Infeasible::Fabric: return "the plan spans more than one scale-up domain but the design has no compute fabric";
    case Infeasible::Memory: {
      char text[160];
      std::snprintf(text, sizeof text, "needs %.1f GB per GPU (states %.1f + activations %.1f) but the GPU has %.1f GB",
                    pr ? pr->memory.total() / 1e9 : 0.0, pr ? pr->memory.states.total() / 1e9 : 0.0,
                    pr ? pr->memory.activations / 1e9 : 0.0, sm.cluster().memory_bytes / 1e9);
      return text;
    }
  }
  return "";
}

}  // namespace cf
