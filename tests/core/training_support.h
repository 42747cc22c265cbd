#pragma once
// A round-numbered cluster for hand-computed training cases: 8 GPUs per scale-up domain at
// 400 GB/s, 1 PFLOP/s of BF16, 2 TB/s of HBM.

#include "training/cluster.h"

namespace cf::test {

inline TrainingCluster simple_cluster(int gpus, double memory_bytes = 80e9, double scale_out_bps = 400e9) {
  TrainingCluster c;
  c.gpu_name = "test GPU";
  c.gpus = gpus;
  c.scale_up_gpus = 8;
  c.memory_bytes = memory_bytes;
  c.memory_bytes_per_s = 2e12;
  c.bf16_flops = 1e15;
  c.scale_up_bps = 8 * 400e9;
  c.scale_out_all_reduce_bps = scale_out_bps;
  c.scale_out_all_to_all_bps = scale_out_bps;
  return c;
}

}  // namespace cf::test
