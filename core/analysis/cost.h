#pragma once
// Cost and TCO: CapEx from the bill of materials, yearly energy cost, total cost of ownership
// over a horizon, cost per available GPU-hour, and the same GPU-hours rented from a cloud.
// Formulas and defaults: docs/methods.md ("Cost and TCO"); defaults in cost_defaults.h.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/json_reader.h"

namespace cf {

// Hardware of one bill-of-materials category (Racks, Servers, Switches, ... as build_bom names
// them), at known prices; unpriced lines are counted, never zero-filled.
struct CategoryCost {
  std::string category;
  double usd = 0;
  bool has_estimates = false;
  int lines_without_price = 0;
  bool operator==(const CategoryCost&) const = default;
};

struct CostReport {
  // CapEx
  double hardware_usd = 0;        // sum of the BOM's known extended prices
  bool capex_has_estimates = false;  // some of those prices are catalog estimates
  int items_without_price = 0;    // BOM lines whose price is unknown: left out, never zero-filled
  double integration_factor = 0;  // installation and integration, share of hardware
  double integration_usd = 0;     // hardware_usd x integration_factor
  double capex_usd = 0;           // hardware_usd + integration_usd
  // hardware_usd by BOM category, in the BOM's order; categories whose items all ship inside a
  // system (GPUs, NICs) are left out. They add up to hardware_usd.
  std::vector<CategoryCost> hardware_by_category;

  // OpEx (energy only; maintenance and support are not modelled: docs/methods.md)
  double facility_power_w = 0;    // as given (IT power at the configured load x PUE)
  double energy_usd_per_kwh = 0;
  double energy_kwh_per_year = 0;
  double energy_usd_per_year = 0;
  double opex_usd_per_year = 0;

  // TCO and comparison with the cloud
  double years = 0;
  double tco_usd = 0;             // capex_usd + years x opex_usd_per_year
  int gpus = 0;
  double gpu_hours = 0;           // gpus x years x 8760: available hours, no utilization applied
  double usd_per_gpu_hour = 0;    // tco_usd / gpu_hours (0 and JSON null when gpu_hours is 0)
  double cloud_usd_per_gpu_hour = 0;
  double cloud_usd = 0;           // gpu_hours x cloud_usd_per_gpu_hour
  double cloud_minus_tco_usd = 0; // > 0: owning is cheaper than renting over the horizon

  // Assumptions that took their default (energy_usd_per_kwh, years, integration_factor,
  // cloud_usd_per_gpu_hour), in that order.
  std::vector<std::string> defaults_used;

  // Stable keys, documented in docs/cli.md (`cost`).
  Json to_json() const;
};

// `facility_power_w` is the facility draw (IT power at the configured load x PUE) computed by the
// power analysis; `gpus` the design's GPU count.
CostReport analyze_cost(const Design& design, const Catalog& catalog, double facility_power_w,
                        int gpus);

}  // namespace cf
