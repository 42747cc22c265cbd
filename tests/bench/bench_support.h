#pragma once
// Fixtures shared by the benchmarks.

#include <optional>

#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/resources.h"
#include "training/cluster.h"

namespace cf::bench {

// 4,096 H100 (512 DGX H100 on QM9700, two tiers, no service fabrics) as a training cluster: the
// cluster of the GPT-3 175B plan-search figures in docs/performance.md.
inline const TrainingCluster& h100_4096() {
  static const TrainingCluster cluster = [] {
    Catalog catalog = load_catalog(catalog_folders(std::nullopt));
    ClusterRequest req;
    req.gpus = 4096;
    req.server_id = "nvidia-dgx-h100";
    req.switch_id = "nvidia-qm9700";
    req.service_fabrics = false;
    return training_cluster(generate_cluster(req, catalog).design, catalog);
  }();
  return cluster;
}

}  // namespace cf::bench
