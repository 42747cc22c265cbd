// Training projection: one subsection per scenario (project_scenarios), its best plan, step time
// breakdown, the best plans found and the scaling curve; or why it could not be projected.

#include <algorithm>
#include <array>
#include <cctype>

#include "catalog/enum_names.h"
#include "export/report_sections.h"
#include "io/format.h"

namespace cf::report {

namespace {

// StepBreakdown's components in its order (docs/methods.md, "Step time").
struct Component {
  const char* name;
  double StepBreakdown::*seconds;
};
constexpr std::array<Component, 9> kComponents{{{"Compute", &StepBreakdown::compute},
                                                {"Recompute", &StepBreakdown::recompute},
                                                {"TP collectives", &StepBreakdown::tp_comm},
                                                {"CP exchange", &StepBreakdown::cp_comm},
                                                {"EP all-to-all", &StepBreakdown::ep_comm},
                                                {"PP sends", &StepBreakdown::pp_comm},
                                                {"Pipeline bubble", &StepBreakdown::bubble},
                                                {"DP reduction", &StepBreakdown::dp_comm},
                                                {"Optimizer", &StepBreakdown::optimizer}}};

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string billions(double v) { return format_fixed(v / 1e9, 1) + "B"; }

ReportTable breakdown_table(const Projection& b) {
  ReportTable t = table("Step time of the best plan by component", {"Component", "Seconds", "Share of the step"},
                        {1, 2});
  for (const Component& c : kComponents) {
    const double s = b.breakdown.*c.seconds;
    if (s > 0) t.rows.push_back({c.name, format_fixed(s, 3), format_percent(s / b.step_time_s)});
  }
  t.rows.push_back({"Step", format_fixed(b.step_time_s, 3), format_percent(1.0)});
  return t;
}

ReportTable top_table(const TrainingReport& r) {
  ReportTable t = table("Fastest plans that fit", {"Plan", "GPUs", "Step time", "Tokens/s", "MFU", "Memory per GPU"},
                        {1, 2, 3, 4, 5});
  for (const Projection& p : r.search.best)
    t.rows.push_back({describe(p.plan), format_count(p.plan.gpus()), format_duration(p.step_time_s),
                      format_count(p.tokens_per_s), format_percent(p.mfu), format_gb(p.memory.total())});
  return t;
}

ReportTable scaling_table(const ScalingCurve& curve) {
  ReportTable t = table("Scaling: the best plan on part of the GPUs",
                        {"GPUs offered", "GPUs used", "Tokens/s", "Step time", "MFU", "Goodput", "Time to train"},
                        {0, 1, 2, 3, 4, 5, 6});
  for (const ScalingPoint& p : curve.points) {
    if (!p.tokens_per_s) {
      t.rows.push_back({format_count(p.gpus), "\u2014", "no plan fits", p.infeasible_reason, "", "", ""});
      continue;
    }
    t.rows.push_back({format_count(p.gpus), format_count(p.plan_gpus), format_count(*p.tokens_per_s),
                      or_unknown(p.step_time_s, format_duration), or_unknown(p.mfu, [](double v) { return format_percent(v); }),
                      or_unknown(p.goodput, [](double v) { return format_percent(v); }),
                      or_unknown(p.time_to_train_s, format_duration)});
  }
  return t;
}

ReportSection scenario_subsection(const ScenarioProjection& sp) {
  ReportSection s;
  s.id = "training-" + sp.scenario_id;
  s.title = sp.scenario_name;
  auto fact = [&](std::string label, std::string value) { s.facts.emplace_back(std::move(label), std::move(value)); };
  if (!sp.report) {
    fact("Model", sp.model_id);
    s.paragraphs.push_back(sentence("Not projected: " + sp.why_not));
    return s;
  }
  const TrainingReport& r = *sp.report;
  const TrainingCluster& c = r.cluster;
  fact("Model", r.model_name + " (" + billions(r.parameters) + " parameters" +
                    (r.active_parameters < r.parameters ? ", " + billions(r.active_parameters) + " active" : "") + ")");
  fact("Cluster", format_count(c.gpus) + " \u00d7 " + c.gpu_name + " (" + c.server_id + "); scale-up " +
                      format_count(c.scale_up_gpus) + " GPUs at " + format_fixed(c.scale_up_bps / 8e9, 0) +
                      " GB/s, scale-out " + format_bps(c.scale_out_all_reduce_bps) + " per GPU");
  fact("Job", format_count(r.job.global_batch) + " sequences \u00d7 " + format_count(r.job.seq_len) + " tokens per step, " +
                  upper(enum_name(r.job.precision, precision_names())) + ", " + r.framework.name);
  const Projection* b = r.best();
  if (!b) {
    s.paragraphs.push_back(sentence("No plan fits: " + r.infeasible_reason));
  } else {
    fact("Best plan", describe(b->plan) + " on " + format_count(b->plan.gpus()) + " of " + format_count(c.gpus) + " GPUs");
    fact("Step time", format_duration(b->step_time_s));
    fact("Throughput", format_count(b->tokens_per_s) + " tokens/s (" + format_fixed(b->tokens_per_s / r.job.seq_len, 1) +
                           " samples/s)");
    fact("Model FLOP/s", format_fixed(b->model_tflops_per_gpu, 1) + " TFLOP/s per GPU, MFU " + format_percent(b->mfu));
    fact("Memory per GPU", format_gb(b->memory.total()) + " of " + format_gb(c.memory_bytes) + " (states " +
                               format_gb(b->memory.states.total()) + ", activations " + format_gb(b->memory.activations) +
                               ")");
    fact("Goodput", r.goodput ? format_percent(*r.goodput) + " (" + format_fixed(r.failures_per_day.value_or(0), 2) +
                                    " interruptions per day, checkpoint every " +
                                    or_unknown(r.checkpoint_interval_s, format_duration) + ")"
                              : std::string(kUnknownText));
    if (r.tokens)
      fact("Time to train", or_unknown(r.time_to_train_s, format_duration) + " for " + billions(*r.tokens) +
                                " tokens (" + or_unknown(r.time_to_train_no_failures_s, format_duration) +
                                " without interruptions)");
  }
  fact("Plans evaluated", format_count(static_cast<double>(r.search.evaluated)) + " (" +
                              format_count(static_cast<double>(r.search.feasible)) + " fit; " +
                              format_count(static_cast<double>(r.search.pruned)) + " ruled out by a bound) in " +
                              format_fixed(r.search.elapsed_s, 3) + " s");
  for (const std::string& n : r.notes) s.paragraphs.push_back(sentence("Note: " + n));
  if (b) {
    s.charts.push_back(step_time_chart_id(sp.scenario_id));
    s.tables.push_back(breakdown_table(*b));
    s.tables.push_back(top_table(r));
  }
  if (sp.curve && std::any_of(sp.curve->points.begin(), sp.curve->points.end(),
                              [](const ScalingPoint& p) { return p.tokens_per_s.has_value(); })) {
    s.charts.push_back(scaling_chart_id(sp.scenario_id));
    s.tables.push_back(scaling_table(*sp.curve));
  }
  return s;
}

}  // namespace

ReportSection training_section(const std::vector<ScenarioProjection>& scenarios) {
  ReportSection s;
  s.id = "training";
  s.title = "Training projection";
  s.paragraphs.push_back(
      "Each scenario of the design, projected on this design's GPUs, scale-up domains and fabric: the plan search "
      "keeps the fastest parallel plan that fits in memory; goodput comes from the design's interruption rate and "
      "checkpoint time (docs/methods.md, \"Step time\", \"Plan search\", \"Goodput and time to train\").");
  if (scenarios.empty()) s.paragraphs.push_back("The design has no training scenario.");
  for (const ScenarioProjection& sp : scenarios) s.subsections.push_back(scenario_subsection(sp));
  return s;
}

}  // namespace cf::report
