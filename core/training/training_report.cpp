#include "training/training_report.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "analysis/reliability.h"
#include "analysis/reliability_defaults.h"
#include "io/format.h"
#include "training/model_size.h"

namespace cf {

namespace {

// Goodput of the job on `gpus` of the cluster's GPUs: the design's interruption rate scaled to
// them, Daly's checkpoint interval for the model's checkpoint at the design's storage bandwidth.
void add_goodput(TrainingReport& r, const Design& design, const ReliabilityReport& rel, int gpus) {
  if (rel.failures_per_day <= 0 || r.cluster.gpus <= 0) return;
  r.failures_per_day = rel.failures_per_day * gpus / r.cluster.gpus;
  const double checkpoint = design.assumptions.checkpoint_bytes
                                ? *design.assumptions.checkpoint_bytes
                                : r.parameters * reliability_defaults::kCheckpointBytesPerParameter;
  if (!rel.storage_write_bytes_per_s || *rel.storage_write_bytes_per_s <= 0) {
    r.notes.push_back("goodput unknown: the design has no storage write bandwidth (add storage or set "
                      "assumptions.storage_write_bytes_per_s)");
    return;
  }
  const double delta = checkpoint / *rel.storage_write_bytes_per_s;
  const double mtbf_s = 86400 / *r.failures_per_day;
  r.checkpoint_interval_s = daly_interval_s(delta, mtbf_s);
  r.goodput = checkpoint_goodput(*r.checkpoint_interval_s, delta, mtbf_s, rel.restart_s);
  if (rel.restart_is_default) r.notes.push_back("goodput uses the default restart time of " + format_fixed(rel.restart_s, 0) + " s (an estimate)");
}

}  // namespace

std::string describe(const ParallelPlan& p) {
  std::ostringstream o;
  o << "tp " << p.tp << " pp " << p.pp << " dp " << p.dp << " cp " << p.cp << " ep " << p.ep << " mbs " << p.mbs
    << " vpp " << p.vpp << " recompute " << to_string(p.recompute) << " zero " << p.zero << (p.sp ? " sp" : "");
  return o.str();
}

Json plan_to_json(const ParallelPlan& p) {
  return Json{{"tp", p.tp}, {"pp", p.pp}, {"dp", p.dp}, {"cp", p.cp}, {"ep", p.ep}, {"mbs", p.mbs},
              {"vpp", p.vpp}, {"recompute", to_string(p.recompute)}, {"zero", p.zero}, {"sp", p.sp}};
}

Json projection_to_json(const Projection& p) {
  const StepBreakdown& b = p.breakdown;
  return Json{{"plan", plan_to_json(p.plan)},
              {"gpus", p.plan.gpus()},
              {"step_time_s", p.step_time_s},
              {"tokens_per_s", p.tokens_per_s},
              {"model_tflops_per_gpu", p.model_tflops_per_gpu},
              {"mfu", p.mfu},
              {"memory_per_gpu_bytes", p.memory.total()},
              {"memory", {{"weights", p.memory.states.weights}, {"gradients", p.memory.states.gradients},
                          {"optimizer", p.memory.states.optimizer}, {"activations", p.memory.activations}}},
              {"fits", p.fits()},
              {"breakdown", {{"compute", b.compute}, {"recompute", b.recompute}, {"tp_comm", b.tp_comm},
                             {"cp_comm", b.cp_comm}, {"ep_comm", b.ep_comm}, {"pp_comm", b.pp_comm},
                             {"bubble", b.bubble}, {"dp_comm", b.dp_comm}, {"optimizer", b.optimizer}}}};
}

TrainingReport project_training(const Design& design, const Catalog& catalog, const TrainingRequest& req) {
  return project_training(design, training_cluster(design, catalog), analyze_reliability(design, catalog), req);
}

TrainingReport project_training(const Design& design, const TrainingCluster& cluster,
                                const ReliabilityReport& reliability, const TrainingRequest& req) {
  const Framework* framework = find_framework(req.framework);
  if (!framework) throw std::invalid_argument("unknown framework \"" + req.framework + "\" (megatron-core, megatron-2021)");
  TrainingReport r;
  r.framework = *framework;
  r.cluster = cluster;
  r.model_id = req.model.id;
  r.model_name = req.model.name;
  r.job.global_batch = req.global_batch > 0 ? req.global_batch : req.model.global_batch;
  if (r.job.global_batch <= 0)
    throw std::invalid_argument("model " + req.model.id + " has no published global batch: give --global-batch");
  r.job.seq_len = req.seq_len > 0 ? req.seq_len : req.model.seq_len;
  r.job.precision = req.precision;
  ModelSpec model = req.model;
  model.seq_len = r.job.seq_len;
  ParameterCount params = parameter_count(model);
  r.parameters = params.total;
  r.active_parameters = params.active;
  r.notes = r.cluster.notes;

  StepModel sm(model, r.cluster, *framework, r.job);
  r.search = search_plans(sm, req.search);
  if (const Projection* best = r.best()) {
    add_goodput(r, design, reliability, best->plan.gpus());
    if (req.tokens) {
      r.tokens = *req.tokens;
      r.time_to_train_no_failures_s = *req.tokens / best->tokens_per_s;
      r.time_to_train_s = *r.time_to_train_no_failures_s / r.goodput.value_or(1.0);
      if (!r.goodput) r.notes.push_back("time to train assumes no interruptions (goodput unknown)");
    }
  } else if (r.search.closest_infeasible) {
    const Projection& c = *r.search.closest_infeasible;
    r.infeasible_reason = explain(c.infeasible, c.plan, sm, &c);
  } else {
    r.infeasible_reason = "no plan satisfies the fixed options";
  }
  return r;
}

Json TrainingReport::to_json() const {
  auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json out{{"model", {{"id", model_id}, {"name", model_name}, {"parameters", parameters},
                      {"active_parameters", active_parameters}}},
           {"cluster", {{"gpu", cluster.gpu_id}, {"server", cluster.server_id}, {"gpus", cluster.gpus},
                        {"scale_up_gpus", cluster.scale_up_gpus}, {"scale_up_bps_per_gpu", cluster.scale_up_bps},
                        {"scale_out_all_reduce_bps_per_gpu", cluster.scale_out_all_reduce_bps},
                        {"scale_out_all_to_all_bps_per_gpu", cluster.scale_out_all_to_all_bps}}},
           {"framework", framework.id},
           {"global_batch", job.global_batch},
           {"seq_len", job.seq_len},
           {"precision", job.precision == Precision::Fp8 ? "fp8" : "bf16"}};
  if (const Projection* b = best()) {
    Json p = projection_to_json(*b);
    for (auto& [k, v] : p.items()) out[k] = v;
    out["samples_per_s"] = b->tokens_per_s / job.seq_len;  // sequences, images: per step / step time
  } else {
    const Projection* c = search.closest_infeasible ? &*search.closest_infeasible : nullptr;
    out["plan"] = c ? plan_to_json(c->plan) : Json(nullptr);
    out["fits"] = false;
    out["reason"] = infeasible_reason;
    if (c && c->infeasible == Infeasible::Memory) out["memory_per_gpu_bytes"] = c->memory.total();
  }
  out["time_to_train_s"] = opt(time_to_train_s);
  out["time_to_train_no_failures_s"] = opt(time_to_train_no_failures_s);
  out["goodput"] = opt(goodput);
  out["failures_per_day"] = opt(failures_per_day);
  out["checkpoint_interval_s"] = opt(checkpoint_interval_s);
  out["search"] = Json{{"evaluated", search.evaluated}, {"feasible", search.feasible},
                       {"rejected_memory", search.rejected_memory}, {"pruned", search.pruned},
                       {"elapsed_s", search.elapsed_s}};
  Json top = Json::array();
  for (const Projection& p : search.best) top.push_back(projection_to_json(p));
  out["top"] = top;
  out["notes"] = notes;
  return out;
}

std::string TrainingReport::to_text() const {
  std::ostringstream o;
  o << model_name << " (" << format_fixed(parameters / 1e9, 1) << "B parameters";
  if (active_parameters < parameters) o << ", " << format_fixed(active_parameters / 1e9, 1) << "B active";
  o << ") on " << cluster.gpus << " x " << cluster.gpu_name << " (" << cluster.server_id << ", scale-up "
    << cluster.scale_up_gpus << " GPUs at " << format_fixed(cluster.scale_up_bps / 8e9, 0) << " GB/s, scale-out "
    << format_fixed(cluster.scale_out_all_reduce_bps / 1e9, 0) << " Gb/s per GPU)\n";
  o << "Batch " << job.global_batch << " x " << job.seq_len << " tokens, "
    << (job.precision == Precision::Fp8 ? "FP8" : "BF16") << ", " << framework.name << "\n";
  const Projection* b = best();
  if (!b) {
    o << "No feasible plan: " << infeasible_reason << "\n";
  } else {
    const ParallelPlan& p = b->plan;
    o << "Best plan: " << describe(p) << " (" << p.gpus() << " GPUs)\n";
    o << "  step time      " << format_duration(b->step_time_s) << "\n";
    o << "  throughput     " << format_fixed(b->tokens_per_s, 0) << " tokens/s (" << format_fixed(b->tokens_per_s / job.seq_len, 1)
      << " samples/s)\n";
    o << "  model TFLOP/s  " << format_fixed(b->model_tflops_per_gpu, 1) << " per GPU, MFU " << format_fixed(100 * b->mfu, 1) << " %\n";
    o << "  memory         " << format_fixed(b->memory.total() / 1e9, 1) << " of " << format_fixed(cluster.memory_bytes / 1e9, 1)
      << " GB per GPU (states " << format_fixed(b->memory.states.total() / 1e9, 1) << ", activations "
      << format_fixed(b->memory.activations / 1e9, 1) << ")\n";
    if (goodput) o << "  goodput        " << format_fixed(100 * *goodput, 1) << " % (" << format_fixed(*failures_per_day, 2) << " interruptions/day)\n";
    if (time_to_train_s) o << "  time to train  " << format_duration(*time_to_train_s) << " for " << format_fixed(*tokens / 1e9, 0) << "B tokens\n";
    const StepBreakdown& s = b->breakdown;
    o << "Step time breakdown:\n";
    auto line = [&](const char* name, double v) {
      if (v > 0) o << "  " << name << format_fixed(v, 3) << " s  " << format_fixed(100 * v / b->step_time_s, 1) << " %\n";
    };
    line("compute        ", s.compute);
    line("recompute      ", s.recompute);
    line("TP collectives ", s.tp_comm);
    line("CP exchange    ", s.cp_comm);
    line("EP all-to-all  ", s.ep_comm);
    line("PP sends       ", s.pp_comm);
    line("pipeline bubble", s.bubble);
    line("DP reduction   ", s.dp_comm);
    line("optimizer      ", s.optimizer);
    if (search.best.size() > 1) {
      o << "Top " << search.best.size() << " plans:\n";
      for (const Projection& t : search.best)
        o << "  " << describe(t.plan) << ": " << format_duration(t.step_time_s) << ", MFU " << format_fixed(100 * t.mfu, 1) << " %\n";
    }
  }
  o << "Search: " << search.evaluated << " plans evaluated, " << search.feasible << " fit, " << search.pruned
    << " pruned by a bound, in " << format_fixed(search.elapsed_s, 3) << " s\n";
  for (const std::string& n : notes) o << "Note: " << n << "\n";
  return o.str();
}

}  // namespace cf
