#include "training/model_size.h"

namespace cf {

double attention_input_weights(const ModelSpec& m) {
  const double h = m.hidden, d = m.head_dim();
  if (m.mla) {  // DeepSeek-V2 (arXiv 2405.04434) section 2.1: low-rank Q and joint KV compression
    const MlaSpec& a = *m.mla;
    double q = h * a.q_lora_rank + a.q_lora_rank * m.heads * m.qk_head_dim();
    double kv = h * (a.kv_lora_rank + a.qk_rope_dim) + a.kv_lora_rank * m.heads * (a.qk_nope_dim + a.v_head_dim);
    return q + kv;
  }
  // Q is heads x d wide; K and V kv_heads x d (grouped-query attention).
  return h * m.heads * d + 2 * h * m.kv_heads * d;
}

namespace {

double attention_weights(const ModelSpec& m) {
  // Input projections, the output projection, and MLA's two low-rank norms.
  const double norms = m.mla ? m.mla->q_lora_rank + m.mla->kv_lora_rank : 0.0;
  return attention_input_weights(m) + static_cast<double>(m.heads) * m.v_head_dim() * m.hidden + norms;
}

double mlp_weights(const ModelSpec& m, int ffn) {
  return (m.activation == Activation::Swiglu ? 3.0 : 2.0) * m.hidden * ffn;
}

// Matmul weights of layer `layer` (0-based): all of them, and those one token uses.
std::pair<double, double> layer_weights(const ModelSpec& m, int layer) {
  double attn = attention_weights(m);
  double extra = m.adaln ? 6.0 * m.hidden * m.hidden : 0.0;  // DiT adaLN-Zero modulation
  if (!m.moe || layer < m.moe->dense_layers) {
    double w = attn + mlp_weights(m, m.ffn) + extra;
    return {w, w};
  }
  const MoeSpec& e = *m.moe;
  double expert = mlp_weights(m, e.expert_ffn);
  double router = static_cast<double>(m.hidden) * e.experts;
  double total = attn + (e.experts + e.shared_experts) * expert + router + extra;
  double active = attn + (e.top_k + e.shared_experts) * expert + router + extra;
  return {total, active};
}

}  // namespace

ParameterCount parameter_count(const ModelSpec& m) {
  ParameterCount p;
  const double h = m.hidden;
  for (int l = 0; l < m.layers; ++l) {
    auto [total, active] = layer_weights(m, l);
    p.total += total + 2 * h;  // two norms per layer
    p.active += active + 2 * h;
  }
  p.embedding = static_cast<double>(m.vocab) * h * (m.tied_embeddings ? 1 : 2) +
                (m.learned_positions ? static_cast<double>(m.seq_len) * h : 0.0);
  p.total += p.embedding + h;  // final norm
  p.active += p.embedding + h;
  return p;
}

double training_flops_per_token(const ModelSpec& m, int seq_len) {
  double forward = 0;
  for (int l = 0; l < m.layers; ++l) {
    // adaLN modulation acts once per sample on the conditioning vector, not per token.
    double per_token = layer_weights(m, l).second - (m.adaln ? 6.0 * m.hidden * m.hidden : 0.0);
    forward += 2 * per_token;
    // QK^T and attention x V over the whole sequence.
    forward += 2.0 * seq_len * m.heads * (m.qk_head_dim() + m.v_head_dim());
  }
  forward += 2.0 * m.hidden * m.vocab;  // logits
  return 3 * forward;                   // backward = 2 x forward (Kaplan et al. 2020; Narayanan et al. 2021)
}

double forward_flops_per_sample(const ModelSpec& m) {
  return training_flops_per_token(m, m.seq_len) / 3 * m.seq_len;
}

}  // namespace cf
