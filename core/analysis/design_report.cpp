#include "analysis/design_report.h"

#include <cstdio>

#include "analysis/network.h"
#include "catalog/units.h"
#include "design/validation.h"

namespace cf {

namespace {

CoolingReport cooling_of(const Design& d, const Catalog& c, const PowerReport& power) {
  std::vector<double> heat;
  for (const auto& r : power.racks) heat.push_back(r.it_w);
  return analyze_cooling(d, c, heat, power.gpu_utilization);
}

// Validation Problems, then the power, cooling and network analyses' Problems.
std::vector<Problem> problems_of(std::vector<Problem> validation, const PowerReport& power,
                                 const CoolingReport& cooling, const NetworkReport& network) {
  std::vector<Problem> out = std::move(validation);
  out.insert(out.end(), cooling.problems.begin(), cooling.problems.end());
  out.insert(out.end(), power.problems.begin(), power.problems.end());
  out.insert(out.end(), network.problems.begin(), network.problems.end());
  return out;
}

}  // namespace

// The devices with their catalog entries (power, reliability, validation, network) and the
// ports every link end names (validation, network) are looked up once for all analyses.
DesignReport analyze_design(const Design& d, const Catalog& c) {
  const DesignPorts ports(d, c);
  DesignReport r;
  r.summary = summarize(d, c);
  r.power = analyze_power(d, c, ports.devices());
  r.cooling = cooling_of(d, c, r.power);
  r.cost = analyze_cost(d, c, r.power.facility_w, r.summary.gpus);
  r.reliability = analyze_reliability(d, c, ports.devices());
  r.network = analyze_network(d, ports);
  r.scale_up = analyze_scale_up(d, c);
  r.problems = problems_of(validate(d, c, ports), r.power, r.cooling, r.network);
  return r;
}

std::vector<Problem> check_design(const Design& d, const Catalog& c) {
  const DesignPorts ports(d, c);
  PowerReport power = analyze_power(d, c, ports.devices());
  return problems_of(validate(d, c, ports), power, cooling_of(d, c, power),
                     analyze_network(d, ports));
}

Json DesignReport::to_json() const {
  Json out = summary.to_json();
  out["power"] = power.to_json();
  out["cooling"] = cooling.to_json();
  out["cost"] = cost.to_json();
  out["reliability"] = reliability.to_json();
  Json net = network.to_json();
  Json scale = Json::array();
  for (const auto& s : scale_up) scale.push_back(s.to_json());
  out["network"] = Json{{"fabrics", net["fabrics"]}, {"scale_up", scale}, {"problems", net["problems"]}};
  return out;
}

std::string DesignReport::to_text() const {
  std::string out = summary.to_text();
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "  IT power (load)   %.1f kW  (GPUs at %.0f %% of TDP)\n"
                "  Facility power    %.1f kW  (PUE %.2f%s)\n",
                power.it_w / 1000.0, power.gpu_utilization * 100, power.facility_w / 1000.0,
                power.pue, power.pue_from_assumptions ? ", from the design's assumptions" : "");
  out += buf;
  std::snprintf(buf, sizeof buf,
                "  Heat              %.1f kW  (%.0f BTU/h), cooling %.1f kW, %d racks over capacity\n",
                cooling.heat_w / 1000.0, cooling.heat_w * units::kWattsToBtuPerHour, cooling.capacity_w / 1000.0,
                cooling.racks_over_capacity);
  out += buf;
  std::snprintf(buf, sizeof buf,
                "  CapEx             $%.1f M%s, TCO over %.0f years $%.1f M, $%.2f per GPU-hour\n"
                "  Failures          %.2f per day (MTBF %.1f h)\n",
                cost.capex_usd / 1e6, cost.capex_has_estimates ? " (with estimates)" : "",
                cost.years, cost.tco_usd / 1e6, cost.usd_per_gpu_hour, reliability.failures_per_day,
                reliability.mtbf_hours);
  out += buf;
  for (const auto& f : network.fabrics) {
    std::snprintf(buf, sizeof buf,
                  "  Fabric %s: %d tiers, %d leaves, %d spines, %d cores\n"
                  "    bisection %.1f Tb/s of %.1f Tb/s non-blocking (min cut: %s, %s)\n"
                  "    leaf oversubscription %s, diameter %d hops\n",
                  f.name.c_str(), f.tiers, f.leaf_switches, f.spine_switches, f.core_switches,
                  f.bisection_bps / 1e12, f.full_bisection_bps / 1e12, f.cut_candidate.c_str(),
                  f.cut_split.c_str(),
                  f.oversubscription_leaf ? (std::to_string(*f.oversubscription_leaf).substr(0, 4) + ":1").c_str()
                                          : "none",
                  f.diameter_hops);
    out += buf;
  }
  for (const auto& s : scale_up) {
    std::snprintf(buf, sizeof buf, "  Scale-up: %d domains of %d GPUs, %s, %.0f GB/s per GPU each way\n",
                  s.domains, s.gpus_per_domain, s.technology.c_str(), s.bandwidth_bps_per_gpu / 8e9);
    out += buf;
  }
  return out;
}

}  // namespace cf
