#include "fabric/clos_plan.h"

#include <cmath>

namespace cf {

namespace {

int ceil_div(long long a, long long b) { return static_cast<int>((a + b - 1) / b); }

}  // namespace

int down_ports(int radix, double oversubscription) {
  // down / up = r and down + up = radix  =>  down = radix × r / (1 + r), rounded down so the
  // measured oversubscription never exceeds the request.
  return static_cast<int>(std::floor(radix * oversubscription / (1.0 + oversubscription) + 1e-9));
}

std::optional<int> smallest_divisor_at_least(int n, int at_least) {
  for (int d = std::max(1, at_least); d <= n; ++d)
    if (n % d == 0) return d;
  return std::nullopt;
}

ClosPlan plan_clos(const ClosInputs& in) {
  if (in.servers < 1) throw GenerateError("at least one server is needed");
  if (in.rails < 1) throw GenerateError("the server has no compute NIC ports for this fabric");
  if (in.radix < 2) throw GenerateError("the switch has fewer than 2 fabric ports");
  ClosPlan p;
  p.leaf_down = down_ports(in.radix, in.leaf_oversubscription);
  p.leaf_up = in.radix - p.leaf_down;
  if (p.leaf_down < 1 || p.leaf_up < 1)
    throw GenerateError("a " + std::to_string(in.radix) + "-port leaf cannot split into " +
                        "downlinks and uplinks at oversubscription " +
                        std::to_string(in.leaf_oversubscription));
  p.endpoints_per_leaf = p.leaf_down * in.lanes;
  if (in.management_slots >= p.endpoints_per_leaf)
    throw GenerateError("the fabric manager needs every leaf downlink");
  // A scalable unit: one leaf per rail; server k of the unit uses downlink k of each leaf.
  p.units = ceil_div(in.servers + in.management_slots, p.endpoints_per_leaf);
  p.leaves = p.units * in.rails;

  // Two tiers: spines = the smallest divisor of the leaf uplinks that gives every uplink a spine
  // port (so each leaf reaches each spine with the same number of links; NVIDIA RA-11333 Table 4).
  const int min_spines = ceil_div(static_cast<long long>(p.leaves) * p.leaf_up, in.radix);
  auto spines = smallest_divisor_at_least(p.leaf_up, min_spines);
  bool two_tiers_reach = spines.has_value();
  if (in.tiers == 2 && !two_tiers_reach)
    throw GenerateError(std::to_string(p.leaves) + " leaves with " + std::to_string(p.leaf_up) +
                        " uplinks each need " + std::to_string(min_spines) +
                        " spines, more than a leaf has uplinks: two tiers of " +
                        std::to_string(in.radix) + "-port switches cannot reach " +
                        std::to_string(in.servers) + " servers (use --tiers 3)");
  if (in.tiers == 1 || in.tiers > 3) throw GenerateError("tiers must be 2, 3 or auto");
  if (in.tiers != 3 && two_tiers_reach) {
    p.tiers = 2;
    p.spines = *spines;
    p.leaf_spine_links = p.leaf_up / p.spines;
    p.units_per_pod = p.units;
    p.spines_per_pod = p.spines;
    return p;
  }

  // Three tiers: two-tier pods joined by cores (Al-Fares et al. 2008, generalised).
  p.tiers = 3;
  p.spine_down = down_ports(in.radix, in.spine_oversubscription);
  p.spine_up = in.radix - p.spine_down;
  if (p.spine_down < 1 || p.spine_up < 1)
    throw GenerateError("a " + std::to_string(in.radix) + "-port spine cannot split at " +
                        "oversubscription " + std::to_string(in.spine_oversubscription));
  // Each leaf links once to each spine of its pod, so a pod holds spine_down leaves, rounded
  // down to whole scalable units.
  p.units_per_pod = p.spine_down / in.rails;
  if (p.units_per_pod < 1)
    throw GenerateError("a spine's " + std::to_string(p.spine_down) + " downlinks cannot reach " +
                        "the " + std::to_string(in.rails) + " leaves of one scalable unit");
  p.pods = ceil_div(p.units, p.units_per_pod);
  p.spines_per_pod = p.leaf_up;
  p.leaf_spine_links = 1;
  p.spines = p.pods * p.spines_per_pod;
  p.core_groups = p.spines_per_pod;
  const int min_cores = ceil_div(static_cast<long long>(p.pods) * p.spine_up, in.radix);
  auto per_group = smallest_divisor_at_least(p.spine_up, min_cores);
  if (!per_group)
    throw GenerateError(std::to_string(p.pods) + " pods need more cores per group than a spine " +
                        "has uplinks: three tiers of " + std::to_string(in.radix) +
                        "-port switches cannot reach " + std::to_string(in.servers) + " servers");
  p.cores_per_group = *per_group;
  p.cores = p.core_groups * p.cores_per_group;
  p.spine_core_links = p.spine_up / p.cores_per_group;
  return p;
}

}  // namespace cf
