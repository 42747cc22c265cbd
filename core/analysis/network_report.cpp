#include "analysis/network_report.h"

namespace cf {

namespace {

Json optional_number(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json ecmp_paths(const EcmpSample& s) {
  return s.a.empty() ? Json(nullptr) : Json(s.paths);
}

Json ecmp_pair(const EcmpSample& s) {
  if (s.a.empty()) return nullptr;
  return Json{{"a", s.a},
              {"b", s.b},
              {"hops", s.hops < 0 ? Json(nullptr) : Json(s.hops)},
              {"paths", s.paths}};
}

Json failure_element(const FailureImpact& f) {
  if (!f.bisection_bps) return nullptr;
  return Json{
      {"element", f.element_id}, {"bisection_bps", *f.bisection_bps}, {"drop_bps", f.drop_bps}};
}

}  // namespace

Json FabricReport::to_json() const {
  Json candidates_json = Json::array();
  for (const auto& c : candidates)
    candidates_json.push_back(
        {{"name", c.name}, {"split", c.split}, {"bisection_bps", c.bisection_bps}});
  return Json{
      {"name", name.empty() ? id : name},
      {"tiers", tiers},
      {"switches", {{"leaf", leaf_switches}, {"spine", spine_switches}, {"core", core_switches}}},
      {"links",
       {{"server_leaf", links_server_leaf},
        {"leaf_spine", links_leaf_spine},
        {"spine_core", links_spine_core},
        {"other_switch", links_other_switch},
        {"non_gpu", links_non_gpu}}},
      {"oversubscription",
       {{"leaf", optional_number(oversubscription_leaf)},
        {"spine", optional_number(oversubscription_spine)}}},
      {"bisection_bps", bisection_bps},
      {"full_bisection_bps", full_bisection_bps},
      {"diameter_hops", diameter_hops < 0 ? Json(nullptr) : Json(diameter_hops)},
      {"bisection_cut",
       {{"candidate", cut_candidate},
        {"split", cut_split},
        {"gpus_a", cut_gpus_a},
        {"gpus_b", cut_gpus_b}}},
      {"ecmp_paths",
       {{"same_rail", ecmp_paths(same_rail)},
        {"other_rail", ecmp_paths(other_rail)},
        {"other_pod", ecmp_paths(other_pod)}}},
      {"failures",
       {{"spine", optional_number(spine_failure.bisection_bps)},
        {"leaf", optional_number(leaf_failure.bisection_bps)},
        {"link", optional_number(link_failure.bisection_bps)}}},
      {"effective_bps_per_gpu",
       {{"all_reduce", all_reduce_bps_per_gpu}, {"all_to_all", all_to_all_bps_per_gpu}}},
      // Details (also stable): what the headline figures were computed from.
      {"id", id},
      {"gpus", gpus},
      {"gpu_link_bps", gpu_link_bps},
      {"unreached_switches", unreached_switches},
      {"oversubscription_total",
       {{"leaf", optional_number(oversubscription_leaf_total)},
        {"spine", optional_number(oversubscription_spine_total)}}},
      {"oversubscription_worst_switch",
       {{"leaf", worst_leaf_id.empty() ? Json(nullptr) : Json(worst_leaf_id)},
        {"spine", worst_spine_id.empty() ? Json(nullptr) : Json(worst_spine_id)}}},
      {"bisection_candidates", candidates_json},
      {"ecmp_pairs",
       {{"same_rail", ecmp_pair(same_rail)},
        {"other_rail", ecmp_pair(other_rail)},
        {"other_pod", ecmp_pair(other_pod)}}},
      {"failure_elements",
       {{"spine", failure_element(spine_failure)},
        {"leaf", failure_element(leaf_failure)},
        {"link", failure_element(link_failure)}}}};
}

Json NetworkReport::to_json() const {
  Json fabrics_json = Json::array();
  for (const auto& f : fabrics) fabrics_json.push_back(f.to_json());
  Json problems_json = Json::array();
  for (const auto& p : problems)
    problems_json.push_back({{"severity", to_string(p.severity)},
                             {"code", p.code},
                             {"message", p.message},
                             {"path", p.path},
                             {"object_id", p.object_id}});
  return Json{{"fabrics", fabrics_json}, {"problems", problems_json}};
}

}  // namespace cf
