#pragma once
// The network analysis of a design: one report per compute fabric, plus the Problems found.
// Plain structs, cheap to copy; to_json() writes the stable keys documented in docs/cli.md.

#include <optional>
#include <string>
#include <vector>

#include "design/problem.h"
#include "io/json_reader.h"

namespace cf {

// Bisection after one element fails.
struct FailureImpact {
  std::string element_id;  // the failed switch, or the failed link's id; empty: not evaluated
  std::optional<double> bisection_bps;  // empty when the fabric has no such element
  double drop_bps = 0;                  // bisection before − after
};

struct EcmpSample {
  std::string a, b;  // "server:port" of the two GPU endpoints; empty: no such pair
  int hops = -1;     // links GPU to GPU on a shortest path; -1 unreachable
  double paths = 0;  // equal-cost shortest paths, parallel links counted separately
};

struct BisectionCandidateResult {
  std::string name, split;
  double bisection_bps = 0;
};

struct FabricReport {
  std::string id, name;
  int tiers = 0;  // switch tiers found from the wiring
  int gpus = 0;   // GPU endpoints with a link in the fabric
  int leaf_switches = 0, spine_switches = 0, core_switches = 0;
  int unreached_switches = 0;  // switches in the fabric that no path reaches from a GPU
  int links_server_leaf = 0;   // GPU endpoint links
  int links_leaf_spine = 0, links_spine_core = 0;
  int links_other_switch = 0;  // between switches of one tier, or beyond the core tier
  int links_non_gpu = 0;       // to devices that are not GPU endpoints (UFM, storage …)
  // Downlink:uplink bandwidth of the worst switch of each tier (empty: the tier has no uplinks),
  // that switch, and the tier's total down / total up.
  std::optional<double> oversubscription_leaf, oversubscription_spine;
  std::string worst_leaf_id, worst_spine_id;
  std::optional<double> oversubscription_leaf_total, oversubscription_spine_total;
  double gpu_link_bps = 0;               // the per-GPU link rate (median endpoint link capacity)
  double bisection_bps = 0;              // minimum max-flow over the candidate bisections
  double full_bisection_bps = 0;         // floor(N/2) × gpu_link_bps: the non-blocking ideal
  std::string cut_candidate, cut_split;  // which candidate gave the minimum, and its split
  // The links of a minimum cut of that split (their capacity sums to bisection_bps): what the
  // topology view highlights. Not in to_json().
  std::vector<std::string> cut_link_ids;
  int cut_gpus_a = 0, cut_gpus_b = 0;
  std::vector<BisectionCandidateResult> candidates;
  int diameter_hops = 0;  // -1: some GPUs cannot reach others
  EcmpSample same_rail, other_rail, other_pod;
  FailureImpact spine_failure, leaf_failure, link_failure;
  double all_reduce_bps_per_gpu = 0, all_to_all_bps_per_gpu = 0;

  Json to_json() const;
};

struct NetworkReport {
  std::vector<FabricReport> fabrics;
  std::vector<Problem> problems;

  Json to_json() const;
};

}  // namespace cf
