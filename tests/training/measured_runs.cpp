#include "measured_runs.h"

#include <map>

#include "fabric/cluster_generator.h"
#include "io/json_reader.h"
#include "training/cluster.h"

namespace cf::test {

namespace {

// The model of a row: GPT-3-style (learned positions, tied embeddings, GeLU, dropout 0.1 as in
// Megatron-LM's GPT scripts).
ModelSpec row_model(const Json& m) {
  Json doc{{"name", m.at("name")},     {"layers", m.at("layers")}, {"hidden", m.at("hidden")},
           {"heads", m.at("heads")},   {"ffn", m.at("ffn")},       {"activation", "gelu"},
           {"vocab", m.at("vocab")},   {"seq_len", m.at("seq_len")}, {"tied_embeddings", true},
           {"learned_positions", true}, {"dropout", true}};
  return model_from_json(doc, m.at("name").get<std::string>());
}

// Selene: DGX A100 nodes, eight HDR 200 Gb/s compute NICs each, a rail-optimized non-blocking
// QM8700 fabric.
TrainingCluster selene(int gpus, const Catalog& catalog) {
  static std::map<int, TrainingCluster> built;
  if (auto it = built.find(gpus); it != built.end()) return it->second;
  ClusterRequest req;
  req.gpus = gpus;
  req.server_id = "nvidia-dgx-a100";
  req.switch_id = "nvidia-qm8700";
  req.service_fabrics = false;
  GeneratedCluster g = generate_cluster(req, catalog);
  return built[gpus] = training_cluster(g.design, catalog);
}

Recompute recompute_of(const std::string& text) {
  if (text.rfind("full", 0) == 0) return Recompute::Full;
  if (text.rfind("selective", 0) == 0) return Recompute::Selective;
  return Recompute::None;
}

}  // namespace

std::vector<MeasuredRun> measured_runs(const std::filesystem::path& file, const Catalog& catalog) {
  Json doc = read_json_file(file);
  std::vector<MeasuredRun> runs;
  for (const Json& row : doc.at("rows")) {
    MeasuredRun r;
    r.id = row.at("id").get<std::string>();
    r.source = row.at("source").at("title").get<std::string>() + ", " + row.at("source").at("where").get<std::string>();
    r.model = row_model(row.at("model"));
    r.cluster = selene(row.at("hardware").at("num_gpus").get<int>(), catalog);
    const Json& p = row.at("parallelism");
    r.job.global_batch = p.at("global_batch").get<int>();
    r.job.seq_len = r.model.seq_len;
    r.job.precision = Precision::Bf16;  // FP16 on A100: the same tensor peak
    r.plan.tp = p.at("tp").get<int>();
    r.plan.pp = p.at("pp").get<int>();
    r.plan.dp = p.at("dp").get<int>();
    r.plan.cp = 1;
    r.plan.sp = p.at("sp").get<bool>();
    r.plan.zero = 0;  // no distributed optimizer in either paper
    r.plan.recompute = recompute_of(p.at("activation_recompute").get<std::string>());
    if (p.at("vpp").is_number_integer()) r.plan.vpp = p.at("vpp").get<int>();
    if (p.at("micro_batch").is_number_integer()) r.plan.mbs = p.at("micro_batch").get<int>();
    const Json& measured = row.at("measured");
    r.measured_iteration_s = measured.contains("iteration_time_s") ? measured.at("iteration_time_s").get<double>()
                                                                   : row.at("derived").at("iteration_time_s").get<double>();
    runs.push_back(std::move(r));
  }
  return runs;
}

Projection project_run(const MeasuredRun& run, const Efficiency& efficiency) {
  StepModel model(run.model, run.cluster, megatron_2021(), run.job, efficiency);
  SearchOptions o;
  o.fixed = run.plan;
  o.top_k = 1;
  SearchResult r = search_plans(model, o);
  if (r.best.empty()) return r.closest_infeasible.value_or(Projection{});
  return r.best.front();
}

}  // namespace cf::test
