#include "training/cluster.h"

#include <map>
#include <stdexcept>

#include "analysis/network.h"

namespace cf {

TrainingCluster training_cluster(const Catalog& catalog, const NetworkReport& network,
                                 const std::vector<ScaleUpDomains>& scale_up) {
  const ScaleUpDomains* chosen = nullptr;
  for (const ScaleUpDomains& d : scale_up)
    if (!chosen || d.gpus > chosen->gpus) chosen = &d;
  if (!chosen) throw std::invalid_argument("the design has no GPU server to train on");

  TrainingCluster c;
  const ServerSpec& server = *catalog.server(chosen->server_id);
  const GpuSpec* gpu = catalog.gpu(server.gpu_id);
  if (!gpu) throw std::invalid_argument("GPU \"" + server.gpu_id + "\" of " + server.id + " is not in the catalog");
  c.server_id = server.id;
  c.gpu_id = gpu->id;
  c.gpu_name = gpu->vendor + " " + gpu->model;
  c.gpus = chosen->gpus;
  c.scale_up_gpus = std::max(1, chosen->gpus_per_domain);
  c.memory_bytes = gpu->memory_bytes;
  c.memory_bytes_per_s = gpu->memory_bandwidth_bytes_per_s;
  auto peak = [&](Precision p) {
    auto it = gpu->dense_flops.find(p);
    return it == gpu->dense_flops.end() ? 0.0 : it->second;
  };
  c.bf16_flops = peak(Precision::Bf16);
  if (c.bf16_flops == 0) c.bf16_flops = peak(Precision::Fp16);
  c.fp8_flops = peak(Precision::Fp8);
  c.scale_up_bps = chosen->bandwidth_bps_per_gpu;
  if (scale_up.size() > 1)
    c.notes.push_back("several GPU server models: the projection uses the " + server.id + " GPUs only");

  const FabricReport* fabric = nullptr;
  for (const FabricReport& f : network.fabrics)
    if (!fabric || f.gpus > fabric->gpus) fabric = &f;
  if (fabric && fabric->gpus > 0) {
    c.scale_out_all_reduce_bps = fabric->all_reduce_bps_per_gpu;
    c.scale_out_all_to_all_bps = fabric->all_to_all_bps_per_gpu;
    if (fabric->gpus < c.gpus)
      c.notes.push_back("fabric " + fabric->id + " reaches " + std::to_string(fabric->gpus) + " of " +
                        std::to_string(c.gpus) + " GPUs");
  } else {
    c.notes.push_back("no compute fabric: plans must fit in one scale-up domain");
  }
  return c;
}

TrainingCluster training_cluster(const Design& design, const Catalog& catalog) {
  return training_cluster(catalog, analyze_network_bandwidth(design, catalog), analyze_scale_up(design, catalog));
}

}  // namespace cf
