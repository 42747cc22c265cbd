#include "export/report_content.h"

#include <algorithm>

#include "export/report_sections.h"
#include "io/format.h"

namespace cf {

namespace report {

ReportTable table(std::string caption, std::vector<std::string> header, std::vector<int> numeric_columns) {
  ReportTable t;
  t.caption = std::move(caption);
  t.numeric.assign(header.size(), false);
  for (int c : numeric_columns) t.numeric.at(static_cast<size_t>(c)) = true;
  t.header = std::move(header);
  return t;
}

std::string capped_note(std::size_t shown, std::size_t total, const std::string& what, const std::string& order) {
  if (shown >= total) return {};
  return "Showing " + order + " " + format_count(static_cast<double>(shown)) + " of " +
         format_count(static_cast<double>(total)) + " " + what + ".";
}

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

std::string or_unknown(const std::optional<double>& value, std::string (*format)(double)) {
  return value ? format(*value) : kUnknownText;
}

namespace {

std::string problem_counts(const std::vector<Problem>& problems) {
  int n[3] = {0, 0, 0};
  for (const Problem& p : problems) ++n[static_cast<int>(p.severity)];
  return format_count(n[0]) + " errors, " + format_count(n[1]) + " warnings, " + format_count(n[2]) + " notes";
}

}  // namespace

ReportSection summary_section(const Design& d, const DesignReport& r, const std::vector<ScenarioProjection>& scenarios) {
  ReportSection s;
  s.id = "summary";
  s.title = "Summary";
  if (!d.description.empty()) s.paragraphs.push_back(d.description);
  const DesignSummary& sum = r.summary;
  const PowerReport& p = r.power;
  const CostReport& c = r.cost;
  const ReliabilityReport& rel = r.reliability;
  auto fact = [&](std::string label, std::string value) { s.facts.emplace_back(std::move(label), std::move(value)); };
  fact("GPUs", format_count(sum.gpus));
  fact("GPU servers", format_count(sum.servers));
  fact("Switches", format_count(sum.switches));
  fact("Storage systems", format_count(sum.storage));
  fact("Racks", format_count(sum.racks));
  fact("Links", format_count(sum.links));
  fact("IT power (load)", format_kw(p.it_w) + " (GPUs at " + format_percent(p.gpu_utilization, 0) + " of TDP)");
  fact("IT power (max)", format_kw(sum.it_max_w) + " (nameplate maximum of all devices)");
  fact("Facility power", format_kw(p.facility_w) + " (PUE " + format_fixed(p.pue, 2) +
                             (p.pue_from_assumptions ? ", from the design's assumptions)" : ")"));
  fact("Densest rack", sum.max_rack_id.empty() ? kUnknownText : format_kw(p.max_rack_w) + " (" + p.max_rack_id + ")");
  fact("Heat and cooling", format_kw(r.cooling.heat_w) + " of heat, " + format_kw(r.cooling.capacity_w) +
                               " of cooling, " + format_count(r.cooling.racks_over_capacity) + " racks over capacity");
  for (const FabricReport& f : r.network.fabrics) {
    fact("Bisection (" + f.name + ")", format_bps(f.bisection_bps) + " of " + format_bps(f.full_bisection_bps) +
                                           " non-blocking");
    fact("Leaf oversubscription (" + f.name + ")", format_ratio(f.oversubscription_leaf));
  }
  fact("CapEx", format_usd(c.capex_usd) + (c.capex_has_estimates ? " (with estimates)" : "") +
                    (c.items_without_price > 0
                         ? ", " + format_count(c.items_without_price) + " items without a price left out"
                         : ""));
  fact("TCO", format_usd(c.tco_usd) + " over " + format_fixed(c.years, 0) + " years");
  fact("Cost per GPU-hour", c.gpu_hours > 0 ? "$" + format_fixed(c.usd_per_gpu_hour, 2) : kUnknownText);
  fact("Interruptions", format_fixed(rel.failures_per_day, 2) + " per day (MTBF " +
                            (rel.failures_per_day > 0 ? format_fixed(rel.mtbf_hours, 1) + " h)" : "unbounded)"));
  fact("Goodput", rel.goodput ? format_percent(*rel.goodput)
                              : std::string(kUnknownText) + (rel.notes.empty() ? "" : " (" + rel.notes.front() + ")"));
  for (const ScenarioProjection& sp : scenarios) {
    std::string value;
    if (!sp.report)
      value = "not projected: " + sp.why_not;
    else if (const Projection* b = sp.report->best())
      value = format_count(b->tokens_per_s) + " tokens/s, MFU " + format_percent(b->mfu) +
              (sp.report->time_to_train_s ? ", " + format_duration(*sp.report->time_to_train_s) + " to train" : "");
    else
      value = "no plan fits: " + sp.report->infeasible_reason;
    fact("Training: " + sp.scenario_name, value);
  }
  fact("Problems", problem_counts(r.problems));
  return s;
}

ReportSection problems_section(const std::vector<Problem>& problems, const ReportOptions& options) {
  ReportSection s;
  s.id = "problems";
  s.title = "Problems";
  if (problems.empty()) {
    s.paragraphs.push_back("The checks found no problem.");
    return s;
  }
  s.paragraphs.push_back(problem_counts(problems) + ", from validation and the power, cooling and network "
                         "analyses (codes: docs/file-formats.md).");
  std::vector<const Problem*> sorted;
  for (const Problem& p : problems) sorted.push_back(&p);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Problem* a, const Problem* b) { return a->severity < b->severity; });
  ReportTable t = table("Problems", {"Severity", "Code", "Where", "Message"}, {});
  const std::size_t shown = std::min(sorted.size(), static_cast<std::size_t>(std::max(0, options.max_problem_rows)));
  for (std::size_t i = 0; i < shown; ++i) {
    const Problem& p = *sorted[i];
    t.rows.push_back({to_string(p.severity), p.code, p.object_id.empty() ? p.path : p.object_id, p.message});
  }
  t.note = capped_note(shown, sorted.size(), "problems", "the first");
  s.tables.push_back(std::move(t));
  return s;
}

}  // namespace report

std::string step_time_chart_id(const std::string& scenario_id) { return "step-time:" + scenario_id; }
std::string scaling_chart_id(const std::string& scenario_id) { return "scaling:" + scenario_id; }

ReportContent build_report_content(const Design& design, const Catalog& catalog, const DesignReport& report,
                                   const std::vector<ScenarioProjection>& scenarios, const ReportOptions& options) {
  ReportContent out;
  out.title = "Design report: " + (design.name.empty() ? std::string("unnamed design") : design.name);
  std::vector<std::string> parts;
  if (!options.file.empty()) parts.push_back(options.file);
  if (!options.date.empty()) parts.push_back(options.date);
  parts.emplace_back("ClusterForge");
  for (const std::string& p : parts) out.subtitle += (out.subtitle.empty() ? "" : " \u00b7 ") + p;

  const Bom bom = build_bom(design, catalog);
  out.sections.push_back(report::summary_section(design, report, scenarios));
  out.sections.push_back(report::bom_section(bom, report.cost));
  out.sections.push_back(report::power_section(report, options));
  out.sections.push_back(report::network_section(report));
  out.sections.push_back(report::training_section(scenarios));
  out.sections.push_back(report::problems_section(report.problems, options));
  out.sections.push_back(report::assumptions_section(design, catalog, report, bom, scenarios));
  return out;
}

}  // namespace cf
