#pragma once
// Plan search: enumerate tensor, pipeline, data, context and expert parallelism, micro-batch,
// virtual stages, recompute, ZeRO stage and sequence parallelism; keep the plans that fit and
// return the fastest K (docs/methods.md, "Plan search"). Fields given in `fixed` are not
// searched. Branch and bound: plans that provably rank after the K-th best are skipped
// uncosted; the result is that of costing every plan. One core costs well over 10^6 plans per
// second (docs/performance.md).

#include <optional>
#include <vector>

#include "training/step_model.h"

namespace cf {

struct PlanConstraints {
  std::optional<int> tp, pp, dp, cp, ep, mbs, vpp, zero;
  std::optional<Recompute> recompute;
  std::optional<bool> sp;
};

struct SearchOptions {
  PlanConstraints fixed;
  int top_k = 5;
  int max_mbs = 16;  // micro-batches larger than this are not tried unless fixed
  int max_vpp = 8;   // nor more virtual stages per GPU
  int max_cp = 32;
};

struct SearchResult {
  std::vector<Projection> best;  // feasible, fastest first (plan_ranking.h)
  long long evaluated = 0;       // plans costed (they passed the divisibility checks)
  long long feasible = 0;        // and fit in memory
  long long rejected_memory = 0;
  // Plans that passed the divisibility checks but were not costed: a lower bound on their step
  // time exceeded the K-th best's, so none could be among the best K. evaluated + pruned is
  // every plan that passes the checks.
  long long pruned = 0;
  double elapsed_s = 0;
  // When nothing fits: the plan that came closest in memory (its reason says by how much), or,
  // when no plan even passed the divisibility checks, the first one tried and why it failed.
  std::optional<Projection> closest_infeasible;
};

SearchResult search_plans(const StepModel& model, const SearchOptions& options);

}  // namespace cf
