#pragma once
// The arithmetic of a rail-optimized Clos: how many leaves, spines and cores, and how their ports
// split, for a given switch radix, oversubscription and server count. Pure numbers; the builder
// turns a plan into racks, devices and links (docs/methods.md, "Fabric generation").

#include <optional>
#include <stdexcept>
#include <string>

namespace cf {

class GenerateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ClosInputs {
  int servers = 0;
  int rails = 1;             // GPU endpoints per server in this plane (one NIC port each)
  int radix = 0;             // physical fabric ports per switch
  int lanes = 1;             // endpoints per leaf downlink port (breakout), 1 = whole port
  int management_slots = 0;  // endpoint slots taken by the fabric manager (UFM on InfiniBand)
  int tiers = 0;             // 2, 3, or 0 for the fewest that reach
  double leaf_oversubscription = 1;   // downlink:uplink bandwidth at the leaf
  double spine_oversubscription = 1;  // downlink:uplink at the spine (three tiers only)
};

struct ClosPlan {
  int tiers = 2;
  int leaf_down = 0, leaf_up = 0;   // physical ports per leaf
  int endpoints_per_leaf = 0;       // leaf_down × lanes: servers per scalable unit
  int units = 0;                    // scalable units: `rails` leaves, one per rail
  int leaves = 0;
  // Two tiers: every leaf links to every spine with `leaf_spine_links` parallel links.
  // Three tiers: pods of `units_per_pod` units, each with `spines_per_pod` spines (one per leaf
  // uplink); spine j of every pod links to each core of core group j.
  int spines = 0;
  int leaf_spine_links = 1;
  int pods = 1, units_per_pod = 0, spines_per_pod = 0;
  int spine_down = 0, spine_up = 0;
  int core_groups = 0, cores_per_group = 0, cores = 0;
  int spine_core_links = 1;

  int switches() const { return leaves + spines + cores; }
};

// Throws GenerateError when the radix cannot build the request (say so, with numbers).
ClosPlan plan_clos(const ClosInputs& in);

// Down ports of a switch of `radix` ports at `oversubscription` down:up (equal port speeds).
int down_ports(int radix, double oversubscription);

// The smallest divisor of n that is at least `at_least`, or nullopt.
std::optional<int> smallest_divisor_at_least(int n, int at_least);

}  // namespace cf
