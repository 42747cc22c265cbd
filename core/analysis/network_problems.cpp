#include "analysis/network_problems.h"

#include <cstdio>
#include <map>

namespace cf {

namespace {

std::string ratio(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g:1", v);
  return buf;
}

const NetSwitch* find_switch(const NetworkGraph& g, const std::string& id) {
  for (const auto& s : g.switches)
    if (s.id == id) return &s;
  return nullptr;
}

void check_tier(const char* tier, const std::optional<double>& measured, const std::string& worst,
                const std::optional<double>& intended, const Fabric& fabric, const NetworkGraph& g,
                std::vector<Problem>& problems) {
  // More than 1 % over the intent: rounding of port counts is not a departure.
  if (!measured || !intended || *measured <= *intended * 1.01) return;
  const NetSwitch* s = find_switch(g, worst);
  problems.push_back({Severity::Warning, "oversubscription-over-intent",
                      "fabric " + fabric.id + ": " + tier + " " + worst + " is oversubscribed " +
                          ratio(*measured) +
                          " (downlink:uplink bandwidth); the fabric's intent is " +
                          ratio(*intended),
                      s ? s->json_path : "", worst});
}

}  // namespace

void check_network_intent(const Fabric& fabric, const NetworkGraph& g, const FabricReport& r,
                          std::vector<Problem>& problems) {
  if (!fabric.intent) return;
  const FabricIntent& intent = *fabric.intent;
  check_tier("leaf", r.oversubscription_leaf, r.worst_leaf_id, intent.leaf_oversubscription, fabric,
             g, problems);
  check_tier("spine", r.oversubscription_spine, r.worst_spine_id, intent.spine_oversubscription,
             fabric, g, problems);
  if (!intent.rail_optimized) return;
  for (const NetSwitch& s : g.switches) {
    std::map<int, int> per_rail;
    for (int e : s.endpoints) ++per_rail[g.endpoints[e].rail];
    if (per_rail.size() < 2) continue;
    int majority = per_rail.begin()->first;  // the most frequent rail, the lowest of equals
    for (const auto& [rail, count] : per_rail)
      if (count > per_rail[majority]) majority = rail;
    std::string odd;
    int odd_count = 0;
    for (int e : s.endpoints) {
      const NetEndpoint& ep = g.endpoints[e];
      if (ep.rail == majority) continue;
      if (++odd_count <= 8)
        odd += (odd.empty() ? "" : ", ") + ep.link_id + " (" + ep.server_id + " " + ep.port +
               ", rail " + std::to_string(ep.rail) + ")";
    }
    if (odd_count > 8) odd += " and " + std::to_string(odd_count - 8) + " more";
    problems.push_back({Severity::Warning, "rail-miswired",
                        "fabric " + fabric.id + " is rail-optimized but leaf " + s.id +
                            " receives more than one rail: " + std::to_string(per_rail[majority]) +
                            " links of rail " + std::to_string(majority) + " and " +
                            std::to_string(odd_count) + " others: " + odd,
                        s.json_path, s.id});
  }
}

}  // namespace cf
