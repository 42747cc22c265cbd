// Network: one subsection per compute fabric (analyze_network) and the scale-up domains.

#include "export/report_sections.h"
#include "io/format.h"

namespace cf::report {

namespace {

std::string oversubscription(const std::optional<double>& worst, const std::string& worst_id,
                             const std::optional<double>& total) {
  if (!worst) return "none (no uplinks)";
  return format_ratio(worst) + " at the worst switch (" + worst_id + "), " + format_ratio(total) + " over the tier";
}

std::string ecmp(const EcmpSample& e) {
  if (e.a.empty()) return "no such pair";
  if (e.hops < 0) return e.a + " to " + e.b + ": unreachable";
  return format_count(e.hops) + " hops, " + format_count(e.paths) + " equal-cost paths (" + e.a + " to " + e.b + ")";
}

std::string failure(const FailureImpact& f, const FabricReport& fabric) {
  if (f.element_id.empty() || !f.bisection_bps) return "no such element in this fabric";
  const double share = fabric.bisection_bps > 0 ? f.drop_bps / fabric.bisection_bps : 0;
  return format_bps(*f.bisection_bps) + " left (" + f.element_id + " down: " + format_bps(f.drop_bps) + ", " +
         format_percent(share) + " less)";
}

ReportSection fabric_subsection(const FabricReport& f) {
  ReportSection s;
  s.id = "network-" + f.id;
  s.title = "Fabric " + f.name;
  auto fact = [&](std::string label, std::string value) { s.facts.emplace_back(std::move(label), std::move(value)); };
  fact("Tiers", format_count(f.tiers) + " (" + format_count(f.leaf_switches) + " leaves, " +
                    format_count(f.spine_switches) + " spines, " + format_count(f.core_switches) + " cores)");
  if (f.unreached_switches > 0) fact("Switches no GPU reaches", format_count(f.unreached_switches));
  fact("GPU endpoints", format_count(f.gpus) + " at " + format_bps(f.gpu_link_bps) + " each");
  fact("Links", format_count(f.links_server_leaf) + " GPU to leaf, " + format_count(f.links_leaf_spine) +
                    " leaf to spine, " + format_count(f.links_spine_core) + " spine to core, " +
                    format_count(f.links_other_switch) + " other switch links, " + format_count(f.links_non_gpu) +
                    " to other devices");
  const double share = f.full_bisection_bps > 0 ? f.bisection_bps / f.full_bisection_bps : 0;
  fact("Bisection", format_bps(f.bisection_bps) + " of " + format_bps(f.full_bisection_bps) + " non-blocking (" +
                        format_percent(share) + ")");
  fact("Minimum cut", f.cut_candidate + " (" + f.cut_split + "), " + format_count(f.cut_gpus_a) + " | " +
                          format_count(f.cut_gpus_b) + " GPUs");
  fact("Leaf oversubscription", oversubscription(f.oversubscription_leaf, f.worst_leaf_id, f.oversubscription_leaf_total));
  if (f.tiers >= 3 || f.oversubscription_spine)
    fact("Spine oversubscription",
         oversubscription(f.oversubscription_spine, f.worst_spine_id, f.oversubscription_spine_total));
  fact("Diameter", f.diameter_hops < 0 ? "some GPUs cannot reach others" : format_count(f.diameter_hops) + " hops");
  fact("Same rail", ecmp(f.same_rail));
  fact("Other rail", ecmp(f.other_rail));
  if (!f.other_pod.a.empty()) fact("Other pod", ecmp(f.other_pod));
  fact("One spine down", failure(f.spine_failure, f));
  fact("One leaf down", failure(f.leaf_failure, f));
  fact("One link down", failure(f.link_failure, f));
  fact("All-reduce bandwidth", format_bps(f.all_reduce_bps_per_gpu) + " per GPU each way");
  fact("All-to-all bandwidth", format_bps(f.all_to_all_bps_per_gpu) + " per GPU each way");
  if (!f.candidates.empty()) {
    ReportTable t = table("Bisection candidates (max-flow across each split)", {"Candidate", "Split", "Bisection"}, {2});
    for (const BisectionCandidateResult& c : f.candidates) t.rows.push_back({c.name, c.split, format_bps(c.bisection_bps)});
    s.tables.push_back(std::move(t));
  }
  return s;
}

}  // namespace

ReportSection network_section(const DesignReport& r) {
  ReportSection s;
  s.id = "network";
  s.title = "Network";
  s.paragraphs.push_back(
      "Per compute fabric, as wired: tiers found from the links, bisection as the minimum max-flow over candidate "
      "splits of the GPUs, oversubscription as downlink to uplink capacity, and the bisection left after one switch "
      "or link fails (docs/methods.md, \"Network analysis\").");
  if (r.network.fabrics.empty()) s.paragraphs.push_back("The design has no compute fabric.");
  for (const FabricReport& f : r.network.fabrics) s.subsections.push_back(fabric_subsection(f));
  ReportSection up;
  up.id = "scale-up";
  up.title = "Scale-up domains";
  if (r.scale_up.empty()) {
    up.paragraphs.push_back("The design has no GPU server.");
  } else {
    ReportTable t = table("Scale-up domains",
                          {"Server", "Technology", "GPUs", "GPUs per domain", "Domains", "Per GPU each way"},
                          {2, 3, 4, 5});
    for (const ScaleUpDomains& d : r.scale_up)
      t.rows.push_back({d.server_id, d.technology, format_count(d.gpus), format_count(d.gpus_per_domain),
                        format_count(d.domains), format_fixed(d.bandwidth_bps_per_gpu / 8e9, 0) + " GB/s"});
    up.tables.push_back(std::move(t));
  }
  s.subsections.push_back(std::move(up));
  return s;
}

}  // namespace cf::report
