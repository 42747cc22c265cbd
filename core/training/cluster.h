#pragma once
// What a training job sees of a design: its GPUs, the scale-up domain they share (NVLink,
// NVL72, Infinity Fabric) and the effective scale-out bandwidth per GPU that the network
// analysis found (docs/methods.md, "Training projection: the cluster").

#include <string>
#include <vector>

#include "analysis/network_report.h"
#include "analysis/scale_up.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

struct TrainingCluster {
  std::string gpu_id, gpu_name, server_id;
  int gpus = 0;              // GPUs of the compute servers
  int scale_up_gpus = 1;     // GPUs per scale-up domain
  double memory_bytes = 0;   // HBM per GPU
  double memory_bytes_per_s = 0;
  double bf16_flops = 0;     // dense peak
  double fp8_flops = 0;      // dense peak; 0 when the GPU has no FP8
  double scale_up_bps = 0;   // per GPU, per direction
  // Per GPU, per direction, from the network analysis: rail all-reduce bandwidth after the
  // oversubscription crossed, and the bisection-bound all-to-all bandwidth. 0: no fabric.
  double scale_out_all_reduce_bps = 0;
  double scale_out_all_to_all_bps = 0;
  std::vector<std::string> notes;  // what was assumed, what is missing
};

// From a design's analyses: the GPU server model with most GPUs (a note when several are mixed),
// its scale-up domain and the compute fabric reaching most GPUs. Throws std::invalid_argument
// when there is no GPU server.
TrainingCluster training_cluster(const Catalog& catalog, const NetworkReport& network,
                                 const std::vector<ScaleUpDomains>& scale_up);
TrainingCluster training_cluster(const Design& design, const Catalog& catalog);

}  // namespace cf
