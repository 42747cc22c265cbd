#pragma once
// The order of the plan search's results (docs/methods.md, "Plan search"): the shortest step
// first (the global batch is fixed); ties go to fewer GPUs, then less memory, then to the plan
// that comes first in the search's nominal order — tp, cp, sp, recompute, mbs, pp, vpp, dp, ep,
// ZeRO, each ascending, the order of its nested loops. The order is total, so the best K plans
// do not depend on the order in which the search costs plans, nor on plans it skips that
// provably rank after the K-th.

#include <tuple>

#include "training/step_model.h"

namespace cf {

inline auto nominal_position(const ParallelPlan& p) {
  return std::tuple(p.tp, p.cp, p.sp, p.recompute, p.mbs, p.pp, p.vpp, p.dp, p.ep, p.zero);
}

inline bool ranks_before(const Projection& a, const Projection& b) {
  if (a.step_time_s != b.step_time_s) return a.step_time_s < b.step_time_s;
  if (a.plan.gpus() != b.plan.gpus()) return a.plan.gpus() < b.plan.gpus();
  if (a.memory.total() != b.memory.total()) return a.memory.total() < b.memory.total();
  return nominal_position(a.plan) < nominal_position(b.plan);
}

}  // namespace cf
