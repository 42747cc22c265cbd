#pragma once
// Closed forms for a transformer's size and work (docs/methods.md, "Model size and FLOPs").

#include "training/model.h"

namespace cf {

struct ParameterCount {
  double total = 0;       // every weight, experts included
  double active = 0;      // weights one token passes through (top-k and shared experts only)
  double embedding = 0;   // input (and untied output) embeddings, learned positions
};

ParameterCount parameter_count(const ModelSpec& m);

// Matmul weights of one layer's attention input projections: Q, K, V, or MLA's low-rank
// query and key-value projections with their up-projections (no norms, no output projection).
double attention_input_weights(const ModelSpec& m);

// Model FLOPs of one training step per token (forward + backward, no recompute): 3 x forward,
// forward = 2 x active matmul weights + 4 s x attention width per layer (scores and values,
// full sequence as Megatron counts it) + 2 h V for the logits.
double training_flops_per_token(const ModelSpec& m, int seq_len);
// Forward FLOPs of one sample (vision and diffusion transformers: seq_len patches).
double forward_flops_per_sample(const ModelSpec& m);

}  // namespace cf
