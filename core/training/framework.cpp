#include "training/framework.h"

namespace cf {

const std::vector<Framework>& frameworks() {
  static const std::vector<Framework> all{
      {"megatron-2021", "Megatron-LM (2021-2022)",
       "Narayanan et al. 2021 and Korthikanti et al. 2022: fused scale-mask-softmax (unfused "
       "attention), gradient all-reduce after the backward pass",
       false, false, false},
      {"megatron-core", "Megatron-Core with Transformer Engine",
       "FlashAttention (Dao et al. 2022), --overlap-grad-reduce and --tp-comm-overlap (Megatron-Core "
       "documentation)",
       true, true, true},
  };
  return all;
}

const Framework* find_framework(const std::string& id) {
  for (const Framework& f : frameworks())
    if (f.id == id) return &f;
  return nullptr;
}

const Framework& megatron_2021() { return frameworks()[0]; }
const Framework& megatron_core() { return frameworks()[1]; }

}  // namespace cf
