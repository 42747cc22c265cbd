#pragma once
// The plans the search enumerates (docs/methods.md, "Plan search"): the candidate values of each
// field in the search's nominal order (ascending), a fixed field reduced to its value, and how
// many plans of a group pass the divisibility and hardware checks (StepModel::check).

#include <vector>

#include "training/plan_search.h"

namespace cf {

class PlanSpace {
 public:
  PlanSpace(const StepModel& model, const SearchOptions& options);

  std::vector<int> tps, cps, mbss, pps, dps, zeros;
  std::vector<Recompute> recomputes;
  std::vector<bool> sps(int tp) const;
  // Virtual stages with pp stages (pp one of pps).
  const std::vector<int>& vpps(int pp) const { return vpps_[static_cast<std::size_t>(pp - min_pp_)]; }
  // Expert parallelism over dps[dp] × cps[cp] data-parallel ranks: every ep dividing both the
  // experts and dp·cp (MoE models), else 1.
  const std::vector<int>& eps(std::size_t cp, std::size_t dp) const { return eps_[cp * dps.size() + dp]; }
  // Every ep that eps() gives, ascending.
  const std::vector<int>& all_eps() const { return all_eps_; }
  // Whether dps[dp] is tried with tp·cp·pp = width and micro-batch mbss[mbs] (the loops' own
  // filters: the plan fits the GPUs, the replica's batch splits into micro-batches).
  bool tried(long long width, std::size_t dp, std::size_t mbs) const {
    return width * dps[dp] <= gpus_ && splits_[mbs * dps.size() + dp];
  }

  // Plans passing check() among the group `p` (every field but dp, ep and ZeRO set; cp =
  // cps[cp], mbs = mbss[mbs]) with each dps[dp] tried for dp in [first, last), each of its eps
  // and each ZeRO stage. check() constrains ep by one condition (Experts: on ep, the experts and
  // dp·cp) and ZeRO by one (Zero: on the stage and pp), and no other condition reads either, so
  // a dp adds [p passes with ep 1 and ZeRO 0] × (eps that pass) × (stages that pass), the last
  // two cached by dp·cp and by pp.
  long long valid_plans(ParallelPlan p, std::size_t cp, std::size_t mbs, std::size_t first, std::size_t last) const;

 private:
  const StepModel& model_;
  const SearchOptions& options_;
  long long gpus_ = 0;
  std::vector<std::vector<int>> eps_;     // by (cp, dp)
  std::vector<int> all_eps_;
  std::vector<std::vector<int>> vpps_;    // by pp − min_pp_
  int min_pp_ = 0;
  std::vector<char> splits_;              // by (mbs, dp): (batch / dp) % mbs == 0
  mutable std::vector<int> valid_eps_;    // by (cp, dp); -1: not counted yet
  mutable std::vector<int> valid_zeros_;  // by pp; -1: not counted yet
};

}  // namespace cf
