#pragma once
// Power: per device at the configured training load and at nameplate maximum, totals per rack,
// row and site, PDU and feed loading with A/B redundancy (2N) and per-phase current, and facility
// power through PUE (docs/methods.md, "Power").

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/design_devices.h"
#include "design/problem.h"
#include "io/json_reader.h"

namespace cf {

inline constexpr double kDefaultGpuUtilization = 1.0;  // GPUs at TDP: the provisioning assumption
inline constexpr double kAirPue = 1.56;     // Uptime Institute survey average, 2024
inline constexpr double kLiquidPue = 1.15;  // liquid-cooled AI halls, 1.1-1.25 (estimate)

struct RackPowerReport {
  std::string id, row_id;
  double it_w = 0;      // at the configured load
  double it_max_w = 0;  // nameplate maximum
  double side_a_capacity_w = 0, side_b_capacity_w = 0;  // usable PDU rating per feed side
  bool operator==(const RackPowerReport&) const = default;
};

// What a device is for, as the views colour it (ui/role_palette.h classifies the same way): GPU
// servers, other servers (management, login), switches with the optics in their ports, storage,
// in-rack cooling (CDUs, rear-door units) and the rest. PDUs draw nothing of their own.
enum class PowerCategory { Compute, Management, Switch, Storage, Cooling, Other };
inline constexpr int kPowerCategories = 6;
std::string to_string(PowerCategory category);
PowerCategory power_category(const Mountable& spec);

struct CategoryPower {
  PowerCategory category = PowerCategory::Other;
  double it_w = 0;      // at the configured load; the categories add up to PowerReport::it_w
  double it_max_w = 0;  // nameplate maximum; they add up to it_max_w
  int devices = 0;      // with a power figure
  bool operator==(const CategoryPower&) const = default;
};

struct FeedLoad {
  std::string id;
  double capacity_w = 0;
  double normal_w = 0;    // both sides up, each rack's load shared by all its PDUs
  double failover_w = 0;  // the other side down: its racks' load on this side alone
  double failover_phase_a = 0;  // per-phase current at failover load (three-phase: balanced)
};

struct PowerReport {
  double gpu_utilization = kDefaultGpuUtilization;
  double it_w = 0, it_max_w = 0;
  double it_idle_w = 0;          // of the devices whose catalog entry gives an idle figure
  int devices_without_idle = 0;  // left out of it_idle_w
  // Site totals per feed side, both sides up and with the other side failed.
  double side_a_normal_w = 0, side_b_normal_w = 0, side_a_failover_w = 0, side_b_failover_w = 0;
  double pue = 0;
  bool pue_from_assumptions = false;
  double liquid_fraction = 0;  // share of IT load in liquid-cooled systems
  double facility_w = 0;       // it_w × pue
  double max_rack_w = 0;
  std::string max_rack_id;
  std::vector<RackPowerReport> racks;
  std::vector<std::pair<std::string, double>> rows;  // row id, it_w
  std::vector<FeedLoad> feeds;
  // IT load by what draws it, one entry per PowerCategory in enum order (empty ones included).
  std::vector<CategoryPower> categories;
  int devices_without_power = 0;
  std::vector<Problem> problems;

  // Stable keys: it_w, it_max_w, facility_w, pue, max_rack_w, racks[] (docs/cli.md).
  Json to_json() const;
};

// Power a device draws at the configured GPU utilization, and at most; nullopt when the catalog
// has no figure.
std::optional<double> device_load_w(const Mountable& spec, const Catalog& catalog, double utilization);

PowerReport analyze_power(const Design& design, const Catalog& catalog);
// The same, with the design's devices already looked up (analyze_design shares them).
PowerReport analyze_power(const Design& design, const Catalog& catalog,
                          const DesignDevices& devices);

}  // namespace cf
