#include "training/plan_search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "training/plan_ranking.h"
#include "training/plan_space.h"

namespace cf {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The bounds below add the same non-negative terms as StepModel::evaluate in another order,
// so they may round differently from the step time they bound by a few units in the last place
// (~1e-15 relative); shaving 1e-9 off keeps them below it.
constexpr double kBoundMargin = 1 - 1e-9;

// Lowers `bound` to `x`; a bound that is not a number (0 × ∞ on a cluster missing a figure)
// bounds nothing.
void lower(double& bound, double x) { bound = std::isnan(x) ? -kInfinity : std::min(bound, x); }

// The K best plans in ranks_before order.
class TopPlans {
 public:
  explicit TopPlans(int keep) : keep_(std::max(1, keep)) {}
  bool full() const { return static_cast<int>(best_.size()) == keep_; }
  // A plan whose step time exceeds this ranks after the K-th: it can never enter.
  double threshold() const { return full() ? best_.back().step_time_s : kInfinity; }
  bool beaten(double lower_bound) const { return lower_bound * kBoundMargin > threshold(); }
  void offer(const Projection& p) {
    if (full() && !ranks_before(p, best_.back())) return;
    best_.insert(std::upper_bound(best_.begin(), best_.end(), p, ranks_before), p);
    if (static_cast<int>(best_.size()) > keep_) best_.pop_back();
  }
  bool empty() const { return best_.empty(); }
  std::vector<Projection> take() { return std::move(best_); }

 private:
  int keep_;
  std::vector<Projection> best_;
};

// Why nothing fits, when nothing does: the plan needing least memory, else the first plan (in
// the nominal order) that failed a divisibility or hardware check.
struct ClosestInfeasible {
  std::optional<Projection> memory, check;
  void offer(const Projection& p) {
    if (p.infeasible != Infeasible::Memory) {
      if (!check || nominal_position(p.plan) < nominal_position(check->plan)) check = p;
      return;
    }
    const double need = p.memory.total();
    if (!memory || need < memory->memory.total() ||
        (need == memory->memory.total() && nominal_position(p.plan) < nominal_position(memory->plan)))
      memory = p;
  }
  std::optional<Projection> take() { return memory ? memory : check; }
};

// One (tp, cp, sp, recompute, mbs) combination: its per-layer costs, shared by every plan it
// holds, and lower bounds on those plans' step times.
struct Combination {
  ParallelPlan shape;  // tp, cp, sp, recompute, mbs
  std::size_t cp = 0, mbs = 0;  // indices in the PlanSpace
  std::size_t counts = 0;       // its plans' counts, shared with the other recompute choices
  MicrobatchCost cost;
  // One micro-batch on a stage of d dense and e MoE layers takes at least d·dense + e·moe + head:
  // StepModel::stage_cost sums the layers' kernels and exposed collectives, all non-negative,
  // with the routed experts and their all-to-all at the ep that makes them cheapest.
  double dense = 0, moe = 0, head = 0;
  double bound = kInfinity;  // on every plan of the combination (lower())
};

void bound_layers(const StepModel& sm, const std::vector<int>& all_eps, Combination& c) {
  const ParallelPlan& s = c.shape;
  auto layer = [](const LayerCost& l) {
    return l.forward + l.backward + l.recompute + l.tp_forward + l.tp_backward + l.tp_recompute + l.cp_forward +
           l.cp_backward;
  };
  c.dense = layer(c.cost.dense);
  double experts = kInfinity;
  const double passes = s.recompute == Recompute::Full ? 4 : 3;  // forward, backward (2), recompute
  for (int ep : all_eps)
    lower(experts, passes * sm.routed_experts_s(s.tp, s.cp, s.mbs, ep) +
                       2 * sm.expert_all_to_all_s(s.tp, s.cp, ep, s.mbs, s.sp));
  c.moe = layer(c.cost.moe) + experts;
  c.head = c.cost.head_forward + c.cost.head_backward;
}

// A lower bound on the step time of plans of `c` with pp stages, vpp chunks and at least
// `microbatches` micro-batches: the slowest stage's micro-batches and the bubble, (m + (p − 1)/v)
// micro-batch times (StepModel::evaluate); the other terms are non-negative.
double group_bound(const StepModel& sm, const Combination& c, int pp, int vpp, int microbatches) {
  const double layers = stage_layers(sm.model().layers, pp, vpp);
  const int moe_layers_total = sm.model().moe ? sm.model().layers - sm.model().moe->dense_layers : 0;
  const double moe_layers = std::min<double>(moe_layers_total, layers), dense_layers = layers - moe_layers;
  const double per_microbatch = dense_layers * c.dense + moe_layers * c.moe + c.head;
  return per_microbatch * (microbatches + (pp - 1.0) / vpp);
}

class Search {
 public:
  Search(const StepModel& sm, const SearchOptions& o, SearchResult& r)
      : sm_(sm), space_(sm, o), top_(o.top_k), r_(r) {}

  void run() {
    std::vector<Combination> combinations;
    for (int tp : space_.tps)
      for (std::size_t cp = 0; cp < space_.cps.size(); ++cp)
        for (bool sp : space_.sps(tp))
          for (std::size_t mbs = 0; mbs < space_.mbss.size(); ++mbs) {
            const std::size_t counts = counts_.size();
            counts_.emplace_back();
            for (Recompute rc : space_.recomputes) {
              Combination c;
              c.shape.tp = tp, c.shape.cp = space_.cps[cp], c.shape.sp = sp, c.shape.recompute = rc;
              c.shape.mbs = space_.mbss[mbs];
              c.cp = cp, c.mbs = mbs, c.counts = counts;
              c.cost = sm_.microbatch_cost(tp, c.shape.cp, c.shape.mbs, sp, rc);
              bound_layers(sm_, space_.all_eps(), c);
              std::size_t groups = 0;
              for_each_group(c, [&](std::size_t, int pp, int vpp, int fewest_microbatches) {
                lower(c.bound, group_bound(sm_, c, pp, vpp, fewest_microbatches));
                ++groups;
              });
              counts_[counts].assign(groups, -1);
              combinations.push_back(std::move(c));
            }
          }
    // The most promising first, so that the K-th best soon bounds the rest.
    std::stable_sort(combinations.begin(), combinations.end(),
                     [](const Combination& a, const Combination& b) { return a.bound < b.bound; });
    for (std::size_t i = 0; i < combinations.size(); ++i) {
      if (top_.beaten(combinations[i].bound)) {  // and so are the rest, sorted by bound
        for (std::size_t j = i; j < combinations.size(); ++j) r_.pruned += valid_plans(combinations[j]);
        break;
      }
      search(combinations[i]);
    }
    r_.best = top_.take();
    if (r_.best.empty()) r_.closest_infeasible = closest_.take();
  }

 private:
  // Calls f(group, pp, vpp, fewest micro-batches) for each (pp, vpp) of `c` that holds a plan
  // tried, numbered from 0 in the same order for every recompute choice.
  template <class F>
  void for_each_group(const Combination& c, F f) const {
    const int batch = sm_.job().global_batch;
    std::size_t group = 0;
    for (int pp : space_.pps) {
      const long long width = static_cast<long long>(c.shape.tp) * c.shape.cp * pp;
      if (width > sm_.cluster().gpus) continue;
      int most_dp = 0;
      for (std::size_t dp = space_.dps.size(); dp-- > 0 && !most_dp;)
        if (space_.tried(width, dp, c.mbs)) most_dp = space_.dps[dp];
      if (!most_dp) continue;
      for (int vpp : space_.vpps(pp)) f(group++, pp, vpp, batch / (most_dp * c.shape.mbs));
    }
  }

  ParallelPlan group_plan(const Combination& c, int pp, int vpp, int dp) const {
    ParallelPlan p = c.shape;
    p.pp = pp, p.vpp = vpp, p.dp = dp;
    return p;
  }

  // check() does not read the recompute choice: the combinations that differ only in it share
  // their counts.
  long long valid_plans_in(const Combination& c, std::size_t group, int pp, int vpp) {
    long long& n = counts_[c.counts][group];
    if (n < 0) n = space_.valid_plans(group_plan(c, pp, vpp, 0), c.cp, c.mbs, 0, space_.dps.size());
    return n;
  }
  long long valid_plans(const Combination& c) {
    long long n = 0;
    for_each_group(c, [&](std::size_t group, int pp, int vpp, int) { n += valid_plans_in(c, group, pp, vpp); });
    return n;
  }

  void search(const Combination& c) {
    const int batch = sm_.job().global_batch;
    const std::vector<int>& all_eps = space_.all_eps();
    std::vector<StageCost> stages(all_eps.size());
    for_each_group(c, [&](std::size_t group, int pp, int vpp, int fewest_microbatches) {
      if (top_.beaten(group_bound(sm_, c, pp, vpp, fewest_microbatches))) {
        r_.pruned += valid_plans_in(c, group, pp, vpp);
        return;
      }
      // The stage's cost at each ep: shared by every dp and ZeRO stage.
      double cheapest = kInfinity;
      for (std::size_t e = 0; e < all_eps.size(); ++e) {
        ParallelPlan p = group_plan(c, pp, vpp, 1);
        p.ep = all_eps[e];
        stages[e] = sm_.stage_cost(p, c.cost);
        lower(cheapest, stages[e].per_microbatch);
      }
      const double bubble = (pp - 1.0) / vpp;
      const long long width = static_cast<long long>(c.shape.tp) * c.shape.cp * pp;
      // Most data-parallel replicas first: fewest micro-batches, so the bound only grows.
      for (std::size_t dp = space_.dps.size(); dp-- > 0;) {
        if (!space_.tried(width, dp, c.mbs)) continue;
        const int microbatches = batch / (space_.dps[dp] * c.shape.mbs);
        if (top_.beaten(cheapest * (microbatches + bubble))) {
          r_.pruned += space_.valid_plans(group_plan(c, pp, vpp, 0), c.cp, c.mbs, 0, dp + 1);
          break;
        }
        for (int ep : space_.eps(c.cp, dp)) {
          const StageCost& stage = stages[std::lower_bound(all_eps.begin(), all_eps.end(), ep) - all_eps.begin()];
          ParallelPlan p = group_plan(c, pp, vpp, space_.dps[dp]);
          p.ep = ep;
          if (top_.beaten(stage.per_microbatch * (microbatches + bubble))) {
            for (int zero : space_.zeros) {
              p.zero = zero;
              r_.pruned += sm_.check(p) == Infeasible::None;
            }
            continue;
          }
          for (int zero : space_.zeros) {
            p.zero = zero;
            cost(p, c.cost, stage);
          }
        }
      }
    });
  }

  void cost(const ParallelPlan& p, const MicrobatchCost& microbatch, const StageCost& stage) {
    if (Infeasible why = sm_.check(p); why != Infeasible::None) {
      if (top_.empty()) {
        Projection failed;
        failed.plan = p;
        failed.infeasible = why;
        closest_.offer(failed);
      }
      return;
    }
    const Projection pr = sm_.evaluate(p, microbatch, stage);
    ++r_.evaluated;
    if (!pr.fits()) {
      ++r_.rejected_memory;
      if (top_.empty()) closest_.offer(pr);
      return;
    }
    ++r_.feasible;
    top_.offer(pr);
  }

  const StepModel& sm_;
  const PlanSpace space_;
  TopPlans top_;
  ClosestInfeasible closest_;
  SearchResult& r_;
  std::vector<std::vector<long long>> counts_;  // per (tp, cp, sp, mbs): valid plans per group; -1 unknown
};

}  // namespace

SearchResult search_plans(const StepModel& sm, const SearchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  SearchResult r;
  Search(sm, o, r).run();
  r.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace cf
