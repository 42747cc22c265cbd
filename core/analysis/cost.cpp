#include "analysis/cost.h"

#include <optional>

#include "analysis/cost_defaults.h"
#include "io/bom.h"

namespace cf {

namespace {

// The assumption if the design sets it, else the default (recorded by name).
double assumption_or_default(const std::optional<double>& value, double fallback, const char* name,
                             std::vector<std::string>& defaults_used) {
  if (value) return *value;
  defaults_used.emplace_back(name);
  return fallback;
}

}  // namespace

CostReport analyze_cost(const Design& d, const Catalog& c, double facility_power_w, int gpus) {
  CostReport r;
  const Assumptions& a = d.assumptions;
  r.energy_usd_per_kwh = assumption_or_default(a.energy_usd_per_kwh, kDefaultEnergyUsdPerKwh,
                                               "energy_usd_per_kwh", r.defaults_used);
  r.years = assumption_or_default(a.years, kDefaultYears, "years", r.defaults_used);
  r.integration_factor = assumption_or_default(a.integration_factor, kDefaultIntegrationFactor,
                                               "integration_factor", r.defaults_used);
  r.cloud_usd_per_gpu_hour = assumption_or_default(
      a.cloud_usd_per_gpu_hour, kDefaultCloudUsdPerGpuHour, "cloud_usd_per_gpu_hour",
      r.defaults_used);

  // CapEx = known BOM prices x (1 + integration factor) (docs/methods.md, "Cost and TCO").
  Bom bom = build_bom(d, c);
  r.hardware_usd = bom.total_price_usd;
  r.capex_has_estimates = bom.total_has_estimates;
  r.items_without_price = bom.lines_without_price;
  for (const BomLine& line : bom.lines) {
    if (!line.included_in.empty()) continue;  // priced in the system it ships in
    if (r.hardware_by_category.empty() || r.hardware_by_category.back().category != line.category)
      r.hardware_by_category.push_back({line.category, 0, false, 0});
    CategoryCost& cat = r.hardware_by_category.back();
    if (auto usd = line.extended_price_usd()) {
      cat.usd += *usd;
      cat.has_estimates = cat.has_estimates || line.price_estimate;
    } else {
      ++cat.lines_without_price;
    }
  }
  r.integration_usd = r.hardware_usd * r.integration_factor;
  r.capex_usd = r.hardware_usd + r.integration_usd;

  // Energy per year = facility W x 8760 h / 1000 (kWh) x $/kWh.
  r.facility_power_w = facility_power_w;
  r.energy_kwh_per_year = facility_power_w * kHoursPerYear / 1000.0;
  r.energy_usd_per_year = r.energy_kwh_per_year * r.energy_usd_per_kwh;
  r.opex_usd_per_year = r.energy_usd_per_year;

  // TCO = CapEx + years x OpEx (undiscounted); GPU-hours are available hours.
  r.tco_usd = r.capex_usd + r.years * r.opex_usd_per_year;
  r.gpus = gpus;
  r.gpu_hours = static_cast<double>(gpus) * r.years * kHoursPerYear;
  r.usd_per_gpu_hour = r.gpu_hours > 0 ? r.tco_usd / r.gpu_hours : 0.0;
  r.cloud_usd = r.gpu_hours * r.cloud_usd_per_gpu_hour;
  r.cloud_minus_tco_usd = r.cloud_usd - r.tco_usd;
  return r;
}

Json CostReport::to_json() const {
  Json defaults = Json::array();
  for (const auto& name : defaults_used) defaults.push_back(name);
  return Json{{"capex_usd", capex_usd},
              {"opex_usd_per_year", opex_usd_per_year},
              {"tco_usd", tco_usd},
              {"years", years},
              {"usd_per_gpu_hour", gpu_hours > 0 ? Json(usd_per_gpu_hour) : Json(nullptr)},
              {"cloud_usd", cloud_usd},
              {"hardware_usd", hardware_usd},
              {"capex_has_estimates", capex_has_estimates},
              {"items_without_price", items_without_price},
              {"integration_factor", integration_factor},
              {"integration_usd", integration_usd},
              {"facility_power_w", facility_power_w},
              {"energy_usd_per_kwh", energy_usd_per_kwh},
              {"energy_kwh_per_year", energy_kwh_per_year},
              {"energy_usd_per_year", energy_usd_per_year},
              {"gpus", gpus},
              {"gpu_hours", gpu_hours},
              {"cloud_usd_per_gpu_hour", cloud_usd_per_gpu_hour},
              {"cloud_minus_tco_usd", cloud_minus_tco_usd},
              {"defaults_used", defaults}};
}

}  // namespace cf
