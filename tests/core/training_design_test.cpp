// A change to the design moves the training projection the right way and by a defensible
// amount: 400G → 800G NICs, a 2:1 oversubscribed leaf tier, NVL72 racks instead of 8-GPU
// servers. Each cluster is generated and analysed like any design; the projection reads the
// network analysis (docs/methods.md, "Training projection: the cluster").

#include <gtest/gtest.h>

#include "analysis/network.h"
#include "analysis/scale_up.h"
#include "catalog/catalog_loader.h"
#include "fabric/cluster_generator.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "test_support.h"
#include "training/plan_search.h"

namespace cf {
namespace {

ModelSpec shipped(const std::string& id) { return load_model(test::kSourceDir / "resources/models" / (id + ".json")); }

Design generated(const Catalog& catalog, const std::string& server, const std::string& sw, int gpus,
                 double oversubscription = 1) {
  ClusterRequest req;
  req.gpus = gpus;
  req.server_id = server;
  req.switch_id = sw;
  req.leaf_oversubscription = oversubscription;
  req.service_fabrics = false;
  if (catalog.server(server)->cooling != "air") req.cooling = CoolingChoice::Liquid;
  return generate_cluster(req, catalog).design;
}

TrainingCluster cluster(const Catalog& catalog, const std::string& server, const std::string& sw, int gpus) {
  return training_cluster(generated(catalog, server, sw, gpus), catalog);
}

// Everything that crosses the fabric or waits on it.
double exposed_comm(const Projection& p) {
  const StepBreakdown& b = p.breakdown;
  return b.tp_comm + b.cp_comm + b.ep_comm + b.pp_comm + b.dp_comm;
}

Projection best(const TrainingCluster& c, const ModelSpec& m, int batch, const Framework& f = megatron_core()) {
  StepModel sm(m, c, f, {batch, m.seq_len, Precision::Bf16});
  SearchResult r = search_plans(sm, SearchOptions{});
  EXPECT_FALSE(r.best.empty());
  return r.best.empty() ? Projection{} : r.best.front();
}

TEST(TrainingDesign, DoublingTheNicRateHalvesTheFabricTimeAndNothingElse) {
  const Catalog& catalog = test::catalog_with_800g_dgx();
  TrainingCluster c400 = cluster(catalog, "nvidia-dgx-h100", "nvidia-q3400-ra", 1024);
  TrainingCluster c800 = cluster(catalog, "test-dgx-h100-800g", "nvidia-q3400-ra", 1024);
  ASSERT_DOUBLE_EQ(c400.scale_out_all_reduce_bps, 400e9);
  ASSERT_DOUBLE_EQ(c800.scale_out_all_reduce_bps, 800e9);
  ModelSpec llama = shipped("llama3-70b");
  // A fixed plan whose data-parallel ring and pipeline sends run on the rails (tp 8 fills the
  // server): those halve exactly; compute and the NVLink collectives do not move.
  ParallelPlan p{8, 4, 32, 1, 1, 1, 1, Recompute::Full, 1, true};
  auto at = [&](const TrainingCluster& c) {
    return StepModel(llama, c, megatron_2021(), {512, 8192, Precision::Bf16}).evaluate(p);
  };
  Projection a = at(c400), b = at(c800);
  ASSERT_TRUE(a.fits() && b.fits());
  EXPECT_NEAR(b.breakdown.dp_comm, a.breakdown.dp_comm / 2, a.breakdown.dp_comm * 1e-12);
  EXPECT_NEAR(b.breakdown.pp_comm, a.breakdown.pp_comm / 2, a.breakdown.pp_comm * 1e-12);
  EXPECT_DOUBLE_EQ(b.breakdown.compute, a.breakdown.compute);
  EXPECT_DOUBLE_EQ(b.breakdown.tp_comm, a.breakdown.tp_comm);
  // The searched best plan gains, but never more than the fabric time the 400G plan exposed.
  Projection best400 = best(c400, llama, 512), best800 = best(c800, llama, 512);
  EXPECT_GE(best800.tokens_per_s, best400.tokens_per_s);
  EXPECT_GE(best800.step_time_s, best400.step_time_s - exposed_comm(best400));
}

TEST(TrainingDesign, TwoToOneLeafOversubscriptionSlowsTheDataParallelRing) {
  const Catalog& catalog = test::installed_catalog();
  TrainingCluster full = cluster(catalog, "nvidia-dgx-h100", "nvidia-qm9700", 1024);
  Design design = generated(catalog, "nvidia-dgx-h100", "nvidia-qm9700", 1024, 2);
  NetworkReport network = analyze_network(design, catalog);
  TrainingCluster half = training_cluster(catalog, network, analyze_scale_up(design, catalog));
  // The rails cross leaves, so the ring runs at the link rate over the worst leaf's
  // oversubscription that the network analysis measured (2:1 asked, whole links built).
  const double slowdown = full.scale_out_all_reduce_bps / half.scale_out_all_reduce_bps;
  const double measured = *network.fabrics.front().oversubscription_leaf;
  EXPECT_NEAR(slowdown, measured, 1e-9);
  EXPECT_GT(measured, 1.8);
  EXPECT_LE(measured, 2.0);
  ModelSpec gpt3 = shipped("gpt3-175b");
  ParallelPlan p{8, 8, 16, 1, 1, 1, 4, Recompute::Selective, 1, true};
  auto at = [&](const TrainingCluster& c) {
    return StepModel(gpt3, c, megatron_2021(), {1536, 2048, Precision::Bf16}).evaluate(p);
  };
  Projection a = at(full), b = at(half);
  EXPECT_NEAR(b.breakdown.dp_comm, slowdown * a.breakdown.dp_comm, a.breakdown.dp_comm * 1e-12);
  EXPECT_GT(b.step_time_s, a.step_time_s);
  // The search can route around part of it, never gain from it, nor lose more than the doubled
  // fabric time of the non-blocking plan.
  Projection best_full = best(full, gpt3, 1536), best_half = best(half, gpt3, 1536);
  EXPECT_LE(best_half.tokens_per_s, best_full.tokens_per_s);
  EXPECT_LE(best_half.step_time_s, best_full.step_time_s + exposed_comm(best_full));
}

TEST(TrainingDesign, Nvl72RacksBeatEightGpuServersBeyondTheirPeak) {
  // GB200 NVL72 against DGX B200: the same Blackwell generation, 2.5 against 2.25 PFLOP/s of
  // dense BF16. A 72-GPU NVLink domain lets tensor and expert parallelism stay off the fabric,
  // so the MoE model gains more than the 11 % of peak — MFU, which divides the peak out, rises.
  const Catalog& catalog = test::installed_catalog();
  TrainingCluster nvl = cluster(catalog, "nvidia-gb200-nvl72", "nvidia-qm9700", 1152);
  TrainingCluster hgx = cluster(catalog, "nvidia-dgx-b200", "nvidia-qm9700", 1152);
  ASSERT_EQ(nvl.scale_up_gpus, 72);
  ASSERT_EQ(hgx.scale_up_gpus, 8);
  ModelSpec moe = shipped("deepseek-v3");
  Projection a = best(hgx, moe, 1152), b = best(nvl, moe, 1152);
  EXPECT_GT(b.mfu, a.mfu * 1.1);
  EXPECT_GT(b.tokens_per_s / a.tokens_per_s, 2.5 / 2.25);
  // The NVL72 plan's expert (or tensor) group spans more than a server's eight GPUs.
  EXPECT_GT(b.plan.tp * b.plan.cp * b.plan.ep, 8);
}

TEST(TrainingDesign, TheClusterReadsTheSameBandwidthsAsTheFullNetworkAnalysis) {
  // training_cluster(design, catalog) runs only the part of the network analysis it needs
  // (analyze_network_bandwidth): its cluster equals the one made from the full analysis, on the
  // samples and on a 2:1 oversubscribed fabric, where both bandwidths fall below the link rate.
  const Catalog& catalog = test::installed_catalog();
  std::vector<Design> designs;
  for (const char* name : {"dgx-h100-superpod-4su", "mi300x-1024", "lab-4x-dgx-h100"})
    designs.push_back(load_design(test::kSourceDir / "samples" / (std::string(name) + ".cluster.json")));
  designs.push_back(generated(catalog, "nvidia-dgx-h100", "nvidia-qm9700", 2048, 2));
  for (const Design& d : designs) {
    SCOPED_TRACE(d.name);
    const TrainingCluster fast = training_cluster(d, catalog);
    const TrainingCluster full = training_cluster(catalog, analyze_network(d, catalog), analyze_scale_up(d, catalog));
    EXPECT_GT(fast.scale_out_all_to_all_bps, 0);
    EXPECT_EQ(fast.scale_out_all_reduce_bps, full.scale_out_all_reduce_bps);
    EXPECT_EQ(fast.scale_out_all_to_all_bps, full.scale_out_all_to_all_bps);
    EXPECT_EQ(fast.gpus, full.gpus);
    EXPECT_EQ(fast.scale_up_gpus, full.scale_up_gpus);
    EXPECT_EQ(fast.notes, full.notes);
  }
  const TrainingCluster oversubscribed = training_cluster(designs.back(), catalog);
  EXPECT_LT(oversubscribed.scale_out_all_reduce_bps, 400e9);
  EXPECT_LT(oversubscribed.scale_out_all_to_all_bps, 400e9);
}

}  // namespace
}  // namespace cf
