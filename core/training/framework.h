#pragma once
// The software a plan runs on: what it fuses and what it overlaps. The same plan on the same
// cluster is faster on today's Megatron-Core than on the 2021 Megatron-LM the published
// measurements used; the projection says which it assumes (docs/methods.md, "Frameworks").

#include <string>
#include <vector>

namespace cf {

struct Framework {
  std::string id, name, basis;
  // FlashAttention (Dao et al. 2022): attention in one kernel, no s×s scores in HBM, causal
  // blocks skipped; otherwise Megatron's fused scale-mask-softmax between two batched GEMMs.
  bool fused_attention = false;
  // Gradient reduce-scatter / all-reduce overlaps the backward pass of the last micro-batch
  // (Megatron-Core --overlap-grad-reduce); otherwise it runs after the backward pass.
  bool overlap_dp = false;
  // With sequence parallelism, the all-gather / reduce-scatter of each tensor-parallel region
  // overlaps its matmuls (Transformer Engine userbuffers, Megatron-Core --tp-comm-overlap).
  bool overlap_tp = false;
};

// Megatron-LM as measured by Narayanan et al. 2021 and Korthikanti et al. 2022.
const Framework& megatron_2021();
// Megatron-Core with Transformer Engine (2024–): FlashAttention, overlapped gradient reduction.
const Framework& megatron_core();
const std::vector<Framework>& frameworks();
// nullptr when no framework has this id.
const Framework* find_framework(const std::string& id);

}  // namespace cf
