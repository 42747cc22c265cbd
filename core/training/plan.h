#pragma once
// A parallel training plan: how a model is split over GPUs and scheduled.

#include <string>

namespace cf {

enum class Recompute { None, Selective, Full };

struct ParallelPlan {
  int tp = 1;   // tensor parallel (within a scale-up domain)
  int pp = 1;   // pipeline stages
  int dp = 1;   // data parallel replicas
  int cp = 1;   // context parallel (sequence split across GPUs)
  int ep = 1;   // expert parallel (MoE experts split across GPUs)
  int mbs = 1;  // micro-batch size (sequences)
  int vpp = 1;  // virtual pipeline stages per GPU (interleaved schedule)
  Recompute recompute = Recompute::None;
  int zero = 0;  // 0-3: ZeRO stage; 1 is Megatron's distributed optimizer
  bool sp = false;  // sequence parallelism with tensor parallelism

  int gpus() const { return tp * pp * dp * cp; }
};

std::string to_string(Recompute r);

}  // namespace cf
