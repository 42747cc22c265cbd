#include "training/plan_space.h"

#include <algorithm>
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

}  // namespace

PlanSpace::PlanSpace(const StepModel& sm, const SearchOptions& o) : model_(sm), options_(o) {
  const ModelSpec& m = sm.model();
  const TrainingCluster& c = sm.cluster();
  const int batch = sm.job().global_batch, seq = sm.job().seq_len;
  const PlanConstraints& f = o.fixed;
  gpus_ = c.gpus;
  for (int t : powers_of_two_up_to(std::min(c.scale_up_gpus, m.heads)))
    if (m.heads % t == 0) tps.push_back(t);
  tps = fixed_or(f.tp, tps);
  for (int v : powers_of_two_up_to(o.max_cp))
    if (seq % (2 * v) == 0 || v == 1) cps.push_back(v);
  cps = fixed_or(f.cp, cps);
  // Every stage count up to one layer per stage: uneven splits are allowed (the slowest stage
  // holds the ceiling), so divisors of the layer count are not the only candidates.
  for (int pp = 1; pp <= std::min(m.layers, c.gpus); ++pp) pps.push_back(pp);
  pps = fixed_or(f.pp, pps);
  // With fused attention nothing selective is left to recompute: it would equal None.
  recomputes = fixed_or(f.recompute, sm.framework().fused_attention
                                         ? std::vector<Recompute>{Recompute::None, Recompute::Full}
                                         : std::vector<Recompute>{Recompute::None, Recompute::Selective,
                                                                  Recompute::Full});
  zeros = fixed_or(f.zero, {0, 1, 2, 3});
  mbss = fixed_or(f.mbs, divisors_up_to(batch, o.max_mbs));
  dps = fixed_or(f.dp, divisors_up_to(batch, batch));

  for (int cp : cps)
    for (int dp : dps) {
      if (f.ep)
        eps_.push_back({*f.ep});
      else if (m.moe)
        eps_.push_back(divisors_up_to(std::gcd<long long>(m.moe->experts, static_cast<long long>(dp) * cp),
                                      static_cast<long long>(dp) * cp));
      else
        eps_.push_back({1});
    }
  all_eps_ = f.ep ? std::vector<int>{*f.ep} : m.moe ? divisors_up_to(m.moe->experts, m.moe->experts) : std::vector<int>{1};
  for (int mbs : mbss)
    for (int dp : dps) splits_.push_back((batch / dp) % mbs == 0);
  if (!pps.empty()) {
    min_pp_ = *std::min_element(pps.begin(), pps.end());
    vpps_.resize(static_cast<std::size_t>(*std::max_element(pps.begin(), pps.end()) - min_pp_) + 1);
  }
  for (int pp : pps) {
    std::vector<int> vpps{1};
    for (int v = 2; pp > 1 && v <= o.max_vpp && pp * v <= m.layers; ++v) vpps.push_back(v);
    vpps_[static_cast<std::size_t>(pp - min_pp_)] = fixed_or(f.vpp, vpps);
  }
  valid_eps_.assign(eps_.size(), -1);
  valid_zeros_.assign(vpps_.size() + static_cast<std::size_t>(std::max(0, min_pp_)), -1);
}

std::vector<bool> PlanSpace::sps(int tp) const {
  return fixed_or(options_.fixed.sp, tp > 1 ? std::vector<bool>{false, true} : std::vector<bool>{false});
}

long long PlanSpace::valid_plans(ParallelPlan p, std::size_t cp, std::size_t mbs, std::size_t first,
                                 std::size_t last) const {
  const long long width = static_cast<long long>(p.tp) * p.cp * p.pp;
  p.ep = 1, p.zero = 0;  // they pass Experts and Zero
  int& valid_zeros = valid_zeros_[static_cast<std::size_t>(std::max(0, p.pp))];
  long long n = 0;
  for (std::size_t dp = first; dp < last; ++dp) {
    if (!tried(width, dp, mbs)) continue;
    p.dp = dps[dp];
    if (model_.check(p) != Infeasible::None) continue;
    int& valid_eps = valid_eps_[cp * dps.size() + dp];
    if (valid_eps < 0) {
      valid_eps = 0;
      for (int ep : eps(cp, dp)) {
        p.ep = ep;
        valid_eps += model_.check(p) == Infeasible::None;
      }
      p.ep = 1;
    }
    if (valid_zeros < 0) {
      valid_zeros = 0;
      for (int zero : zeros) {
        p.zero = zero;
        valid_zeros += model_.check(p) == Infeasible::None;
      }
      p.zero = 0;
    }
    n += static_cast<long long>(valid_eps) * valid_zeros;
  }
  return n;
}

}  // namespace cf
