#include "training/memory.h"

#include <algorithm>

#include "training/model_size.h"

namespace cf {

ModelStates model_states(double parameters, int shards, int zero) {
  const double n = std::max(1, shards);
  return {parameters * kWeightBytes / (zero >= 3 ? n : 1),
          parameters * kGradientBytes / (zero >= 2 ? n : 1),
          parameters * kOptimizerBytes / (zero >= 1 ? n : 1)};
}

double activation_bytes_per_layer(const ModelSpec& m, const ParallelPlan& p, double seq) {
  const double s = seq, b = p.mbs, h = m.hidden, a = m.heads, t = p.tp;
  const double sbh = s * b * h;
  switch (p.recompute) {
    case Recompute::Full:
      return p.sp ? 2 * sbh / t : 2 * sbh;
    case Recompute::Selective:
      return p.sp ? 34 * sbh / t : sbh * (10 + 24 / t);
    case Recompute::None:
      return p.sp ? sbh / t * (34 + 5 * a * s / h) : sbh * (10 + 24 / t + 5 * a * s / (h * t));
  }
  return 0;
}

MemoryPerGpu memory_per_gpu(const ModelSpec& m, const ParallelPlan& p, int microbatches) {
  ParameterCount params = parameter_count(m);
  // Dense weights split by tensor and pipeline parallelism; expert weights by expert parallelism
  // instead of tensor parallelism; the first stage also holds the input embedding (/tp).
  double expert = 0;
  double input_embedding = static_cast<double>(m.vocab) * m.hidden +
                           (m.learned_positions ? static_cast<double>(m.seq_len) * m.hidden : 0.0);
  double body = params.total - params.embedding;
  if (m.moe) {
    const MoeSpec& e = *m.moe;
    double per_expert = (m.activation == Activation::Swiglu ? 3.0 : 2.0) * m.hidden * e.expert_ffn;
    expert = per_expert * e.experts * (m.layers - e.dense_layers);
    body -= expert;
  }
  double on_gpu = body / (p.tp * p.pp) + expert / (p.ep * p.pp) + input_embedding / p.tp;
  MemoryPerGpu out;
  out.states = model_states(on_gpu, p.dp * p.cp, p.zero);

  // 1F1B: the first stage holds min(p, m) micro-batches of its layers; interleaving adds
  // (p − 1)/(p·v) (Korthikanti et al. 2022, §4.2.3).
  const double layers_per_stage = static_cast<double>(m.layers) / p.pp;
  const double in_flight = std::min(p.pp, std::max(1, microbatches));
  const double interleave = p.vpp > 1 ? 1.0 + (p.pp - 1.0) / (p.pp * p.vpp) : 1.0;
  out.activations = activation_bytes_per_layer(m, p, static_cast<double>(m.seq_len) / p.cp) *
                    layers_per_stage * in_flight * interleave;
  return out;
}

}  // namespace cf
