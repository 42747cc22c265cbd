#include "io/format.h"
#include "analysis/cooling.h"

#include <algorithm>
#include <map>

#include "analysis/power.h"
#include "catalog/units.h"

namespace cf {

std::string recommended_cooling(double heat_w) {
  // Density bands (component-facts air-standard, rdhx-active, cdu-in-rack; docs/methods.md).
  if (heat_w <= 20000) return "air (CRAH, hot/cold aisles)";
  if (heat_w <= 40000) return "in-row air with containment";
  if (heat_w <= 75000) return "active rear-door heat exchanger";
  return "direct liquid cooling (CDU)";
}

namespace {

bool is_liquid(const CoolingSpec& s) { return s.type == "cdu_in_rack" || s.type == "cdu_facility"; }

}  // namespace

CoolingReport analyze_cooling(const Design& d, const Catalog& c,
                              const std::vector<double>& rack_heat_w, double utilization) {
  CoolingReport r;
  std::map<std::string, double> row_air_cap, row_liquid_cap, row_air_heat, row_liquid_heat;
  std::map<std::string, double> door_cap;
  for (const auto& u : d.cooling_units) {
    const CoolingSpec* spec = c.cooling(u.catalog_id);
    if (!spec) continue;
    if (!u.rack_id.empty()) door_cap[u.rack_id] += spec->capacity_w;
    else (is_liquid(*spec) ? row_liquid_cap : row_air_cap)[u.row_id] += spec->capacity_w;
  }
  std::map<std::string, int> missing_capture;
  for (std::size_t i = 0; i < d.racks.size(); ++i) {
    const Rack& rack = d.racks[i];
    RackCooling rc;
    rc.id = rack.id;
    rc.heat_w = i < rack_heat_w.size() ? rack_heat_w[i] : 0;
    rc.heat_btu_h = rc.heat_w * units::kWattsToBtuPerHour;
    for (const auto& dev : rack.devices) {
      const Mountable* spec = c.mountable(dev.catalog_id);
      if (!spec) continue;
      if (const CoolingSpec* cs = c.cooling(dev.catalog_id); cs && is_liquid(*cs)) {
        rc.liquid_capacity_w += cs->capacity_w;  // an in-rack CDU
        continue;
      }
      auto load = device_load_w(*spec, c, utilization).value_or(0);
      const ServerSpec* s = c.server(dev.catalog_id);
      bool liquid = s && s->cooling != "air";
      if (liquid) {
        if (s->cooling == "liquid") {
          rc.liquid_heat_w += load;  // cold plates on every major heat source
        } else {
          ++missing_capture[s->id];  // hybrid: the liquid share is not published; count as air
        }
      }
      if (!liquid || s->cooling != "liquid") {
        // Airflow: the catalog's figure, else CFM = 3.16 × W / ΔT(°F) (sensible heat of air).
        if (s && s->airflow_cfm) rc.airflow_cfm += *s->airflow_cfm;
        else rc.airflow_cfm += 3.16 * load / kAirDeltaT_F;
      }
    }
    rc.air_capacity_w = door_cap[rack.id];
    row_air_heat[rack.row_id] += rc.heat_w - rc.liquid_heat_w;
    row_liquid_heat[rack.row_id] += rc.liquid_heat_w;
    rc.recommended = recommended_cooling(rc.heat_w);
    r.racks.push_back(std::move(rc));
  }
  // Row units serve the row's racks, shared in proportion to the air heat each rack leaves to
  // them after its own rear door.
  auto air_left = [](const RackCooling& rc) {
    return std::max(0.0, rc.heat_w - rc.liquid_heat_w - rc.air_capacity_w);
  };
  std::map<std::string, double> row_air_left;
  for (std::size_t i = 0; i < r.racks.size(); ++i) row_air_left[d.racks[i].row_id] += air_left(r.racks[i]);
  for (std::size_t i = 0; i < r.racks.size(); ++i) {
    RackCooling& rc = r.racks[i];
    const std::string& row = d.racks[i].row_id;
    if (double left = air_left(rc); left > 0)
      rc.air_capacity_w += row_air_cap[row] * left / row_air_left[row];
    if (rc.liquid_heat_w > 0 && row_liquid_heat[row] > 0)
      rc.liquid_capacity_w += row_liquid_cap[row] * rc.liquid_heat_w / row_liquid_heat[row];
    const double air_heat = rc.heat_w - rc.liquid_heat_w;
    rc.over_capacity = air_heat > rc.air_capacity_w * (1 + 1e-9) ||
                       rc.liquid_heat_w > rc.liquid_capacity_w * (1 + 1e-9);
    r.heat_w += rc.heat_w;
    r.capacity_w += rc.air_capacity_w + rc.liquid_capacity_w;
    r.airflow_cfm += rc.airflow_cfm;
    if (rc.over_capacity) {
      ++r.racks_over_capacity;
      std::string what = rc.liquid_heat_w > rc.liquid_capacity_w * (1 + 1e-9)
                             ? format_kw(rc.liquid_heat_w) + " to liquid, " + format_kw(rc.liquid_capacity_w) + " of CDU capacity"
                             : format_kw(air_heat) + " to air, " + format_kw(rc.air_capacity_w) + " of air cooling";
      r.problems.push_back({Severity::Error, "rack-over-cooling",
                            rc.id + " gives off more heat than the cooling that reaches it: " + what +
                                " (for " + format_kw(rc.heat_w) + " a rack wants " + rc.recommended + ")",
                            "/racks/" + std::to_string(i), rc.id});
    }
  }
  for (const auto& [id, n] : missing_capture)
    r.problems.push_back({Severity::Warning, "missing-spec",
                          std::to_string(n) + " hybrid-cooled " + id +
                              ": the liquid-captured share of its heat is not published, so all of it is counted as air",
                          "", id});
  double liquid = 0;
  for (const auto& rc : r.racks) liquid += rc.liquid_heat_w;
  r.liquid_fraction = r.heat_w > 0 ? liquid / r.heat_w : 0;
  return r;
}

Json CoolingReport::to_json() const {
  Json racks_json = Json::array();
  for (const auto& rc : racks)
    racks_json.push_back({{"id", rc.id},
                          {"heat_w", rc.heat_w},
                          {"heat_btu_h", rc.heat_btu_h},
                          {"liquid_heat_w", rc.liquid_heat_w},
                          {"airflow_cfm", rc.airflow_cfm},
                          {"air_capacity_w", rc.air_capacity_w},
                          {"liquid_capacity_w", rc.liquid_capacity_w},
                          {"over_capacity", rc.over_capacity},
                          {"recommended", rc.recommended}});
  return Json{{"heat_w", heat_w},
              {"capacity_w", capacity_w},
              {"liquid_fraction", liquid_fraction},
              {"racks_over_capacity", racks_over_capacity},
              {"airflow_cfm", airflow_cfm},
              {"heat_btu_h", heat_w * units::kWattsToBtuPerHour},
              {"racks", racks_json}};
}

}  // namespace cf
