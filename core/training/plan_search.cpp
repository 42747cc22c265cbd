#include "training/plan_search.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace cf {

namespace {

std::vector<int> divisors_up_to(long long n, long long limit) {
  std::vector<int> out;
  for (long long d = 1; d <= std::min(n, limit); ++d)
    if (n % d == 0) out.push_back(static_cast<int>(d));
  return out;
}

std::vector<int> powers_of_two_up_to(int limit) {
  std::vector<int> out;
  for (int v = 1; v <= limit; v *= 2) out.push_back(v);
  return out;
}

template <class T>
std::vector<T> fixed_or(const std::optional<T>& fixed, std::vector<T> candidates) {
  if (fixed) return {*fixed};
  return candidates;
}

// Fastest first; ties go to fewer GPUs, then less memory.
bool faster(const Projection& a, const Projection& b) {
  if (a.step_time_s != b.step_time_s) return a.step_time_s < b.step_time_s;
  if (a.plan.gpus() != b.plan.gpus()) return a.plan.gpus() < b.plan.gpus();
  return a.memory.total() < b.memory.total();
}

}  // namespace

SearchResult search_plans(const StepModel& sm, const SearchOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  const ModelSpec& m = sm.model();
  const TrainingCluster& c = sm.cluster();
  const int batch = sm.job().global_batch, seq = sm.job().seq_len;
  const PlanConstraints& f = o.fixed;
  SearchResult r;
  const int keep = std::max(1, o.top_k);

  std::vector<int> tps;
  for (int t : powers_of_two_up_to(std::min(c.scale_up_gpus, m.heads)))
    if (m.heads % t == 0) tps.push_back(t);
  tps = fixed_or(f.tp, tps);
  std::vector<int> cps;
  for (int v : powers_of_two_up_to(o.max_cp))
    if (seq % (2 * v) == 0 || v == 1) cps.push_back(v);
  cps = fixed_or(f.cp, cps);
  // Every stage count up to one layer per stage: uneven splits are allowed (the slowest stage
  // holds the ceiling), so divisors of the layer count are not the only candidates.
  std::vector<int> pps;
  for (int pp = 1; pp <= std::min(m.layers, c.gpus); ++pp) pps.push_back(pp);
  pps = fixed_or(f.pp, pps);
  // With fused attention nothing selective is left to recompute: it would equal None.
  const std::vector<Recompute> recomputes = fixed_or(
      f.recompute, sm.framework().fused_attention ? std::vector<Recompute>{Recompute::None, Recompute::Full}
                                                  : std::vector<Recompute>{Recompute::None, Recompute::Selective,
                                                                           Recompute::Full});
  const std::vector<int> zeros = fixed_or(f.zero, {0, 1, 2, 3});
  const std::vector<int> batch_divisors = divisors_up_to(batch, batch);

  for (int tp : tps)
    for (int cp : cps)
      for (bool sp : fixed_or(f.sp, tp > 1 ? std::vector<bool>{false, true} : std::vector<bool>{false}))
        for (Recompute rc : recomputes)
          for (int mbs : fixed_or(f.mbs, divisors_up_to(batch, o.max_mbs))) {
            const MicrobatchCost cost = sm.microbatch_cost(tp, cp, mbs, sp, rc);
            for (int pp : pps) {
              const long long width = static_cast<long long>(tp) * cp * pp;
              if (width > c.gpus) continue;
              std::vector<int> vpps{1};
              for (int v = 2; pp > 1 && v <= o.max_vpp && pp * v <= m.layers; ++v) vpps.push_back(v);
              for (int vpp : fixed_or(f.vpp, vpps))
                for (int dp : f.dp ? std::vector<int>{*f.dp} : batch_divisors) {
                  if (width * dp > c.gpus) break;
                  if ((batch / dp) % mbs != 0) continue;
                  std::vector<int> eps{1};
                  if (m.moe && !f.ep) eps = divisors_up_to(std::gcd(m.moe->experts, dp * cp), dp * cp);
                  for (int ep : fixed_or(f.ep, eps))
                    for (int zero : zeros) {
                      ParallelPlan p{tp, pp, dp, cp, ep, mbs, vpp, rc, zero, sp};
                      Projection pr = sm.evaluate(p, cost);  // divisibility is checked first
                      if (pr.infeasible != Infeasible::None && pr.infeasible != Infeasible::Memory) {
                        if (!r.closest_infeasible) r.closest_infeasible = pr;  // not costed
                        continue;
                      }
                      ++r.evaluated;
                      if (!pr.fits()) {
                        ++r.rejected_memory;
                        const std::optional<Projection>& c = r.closest_infeasible;
                        if (r.best.empty() && (!c || c->infeasible != Infeasible::Memory ||
                                               pr.memory.total() < c->memory.total()))
                          r.closest_infeasible = pr;
                        continue;
                      }
                      ++r.feasible;
                      if (static_cast<int>(r.best.size()) == keep && !faster(pr, r.best.back())) continue;
                      auto at = std::upper_bound(r.best.begin(), r.best.end(), pr, faster);
                      r.best.insert(at, pr);
                      if (static_cast<int>(r.best.size()) > keep) r.best.pop_back();
                    }
                }
            }
          }
  if (!r.best.empty()) r.closest_infeasible.reset();
  r.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace cf
