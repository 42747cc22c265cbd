#pragma once
// Wires the switch tiers of a Clos plan: leaves to spines, spines to cores (docs/methods.md,
// "Fabric generation"). Endpoints are wired by the caller, who knows which port is which rail.

#include <string>
#include <vector>

#include "fabric/clos_plan.h"
#include "fabric/site_builder.h"

namespace cf {

struct ClosSwitches {
  std::vector<std::vector<std::string>> leaves;  // [unit][rail]
  std::vector<std::string> spines, cores;
};

// Spine and core ids of a plan: "spine-001" (two tiers) or "pod01-spine-001", "core-0001";
// `prefix` and `suffix` tell fabrics and planes apart.
ClosSwitches name_spines_and_cores(const ClosPlan& plan, const std::string& prefix,
                                   const std::string& suffix);

// The leaf port of endpoint slot `slot` (0-based): "p7", or "p4/1" when ports split into lanes.
std::string downlink_port(const std::string& group, int slot, int lanes);

// Two tiers: leaf uplink j goes to spine j mod S; three tiers: to spine j of its pod, and spine j
// of every pod to each core of core group j. Port numbers follow the plan so no port is used twice.
void wire_clos_switches(const ClosPlan& plan, int rails, const ClosSwitches& switches,
                        const std::string& port_group, double bps, const std::string& fabric,
                        SiteBuilder& site);

}  // namespace cf
