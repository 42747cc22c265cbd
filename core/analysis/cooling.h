#pragma once
// Cooling: heat per rack (W, BTU/h), airflow of air-cooled gear, the cooling capacity that reaches
// each rack (rear doors, in-rack CDUs, and the row's in-row, floor and facility units shared by
// the row's racks), racks over capacity, and a recommended cooling type by density
// (docs/methods.md, "Cooling").

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/problem.h"
#include "io/json_reader.h"

namespace cf {

inline constexpr double kAirDeltaT_F = 20.0;  // server inlet-to-exhaust rise for airflow estimates

struct RackCooling {
  std::string id;
  double heat_w = 0, heat_btu_h = 0;
  double liquid_heat_w = 0;  // captured by cold plates (liquid-cooled systems)
  double airflow_cfm = 0;
  double air_capacity_w = 0, liquid_capacity_w = 0;
  bool over_capacity = false;
  std::string recommended;  // cooling type for this density
};

struct CoolingReport {
  double heat_w = 0, capacity_w = 0, liquid_fraction = 0, airflow_cfm = 0;
  int racks_over_capacity = 0;
  std::vector<RackCooling> racks;
  std::vector<Problem> problems;

  // Stable keys: heat_w, capacity_w, liquid_fraction, racks_over_capacity (docs/cli.md).
  Json to_json() const;
};

// Recommended cooling for a rack of `heat_w` (docs/methods.md).
std::string recommended_cooling(double heat_w);

// Heat is the power drawn at the configured load (every watt becomes heat): pass analyze_power's
// per-rack it_w in `rack_heat_w`, in design rack order.
CoolingReport analyze_cooling(const Design& design, const Catalog& catalog,
                              const std::vector<double>& rack_heat_w, double gpu_utilization);

}  // namespace cf
