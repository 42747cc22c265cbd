// Plan search: the best K plans equal those of a brute force that costs every plan (the search
// skips plans by bounds: none of them may change the result), every plan passing the checks is
// either costed or counted as pruned, ties keep the nominal order, fixed fields are kept, and
// when nothing fits the reason is kept.

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "training/plan_search.h"
#include "training_support.h"

namespace cf {
namespace {

TrainingCluster cluster(int gpus) { return test::simple_cluster(gpus, 40e9, 200e9); }

ModelSpec model() {
  return model_from_json(Json{{"name", "m"}, {"layers", 12}, {"hidden", 4096}, {"heads", 32}, {"ffn", 16384},
                              {"activation", "gelu"}, {"vocab", 32000}, {"seq_len", 4096}},
                         "m");
}

// A small mixture of experts: 8 experts, 2 active, the first layer dense.
ModelSpec moe_model() {
  return model_from_json(Json{{"name", "moe"}, {"layers", 8}, {"hidden", 2048}, {"heads", 16}, {"ffn", 8192},
                              {"activation", "swiglu"}, {"vocab", 32000}, {"seq_len", 2048},
                              {"moe", {{"experts", 8}, {"top_k", 2}, {"expert_ffn", 2048}, {"dense_layers", 1}}}},
                         "moe");
}

// The documented order, written out here: fastest, then fewer GPUs, then less memory, then the
// plan enumerated first (tp, cp, sp, recompute, mbs, pp, vpp, dp, ep, zero ascending).
bool before(const Projection& a, const Projection& b) {
  auto key = [](const Projection& x) {
    const ParallelPlan& p = x.plan;
    return std::tuple(x.step_time_s, p.gpus(), x.memory.total(), p.tp, p.cp, p.sp, p.recompute, p.mbs, p.pp, p.vpp,
                      p.dp, p.ep, p.zero);
  };
  return key(a) < key(b);
}

struct BruteForce {
  long long valid = 0;          // plans passing check()
  std::vector<Projection> fit;  // every plan that fits, in the documented order
};

// Every plan in the ranges the search documents (docs/methods.md, "Plan search"), each field
// fixed where the options fix it, costed one by one with the public evaluate().
BruteForce brute_force(const StepModel& sm, const SearchOptions& o) {
  const PlanConstraints& f = o.fixed;
  const ModelSpec& m = sm.model();
  auto range = [](const std::optional<int>& fixed, std::vector<int> all) {
    return fixed ? std::vector<int>{*fixed} : all;
  };
  auto upto = [](int n) {
    std::vector<int> v;
    for (int i = 1; i <= n; ++i) v.push_back(i);
    return v;
  };
  auto powers = [](int n) {
    std::vector<int> v;
    for (int i = 1; i <= n; i *= 2) v.push_back(i);
    return v;
  };
  std::vector<Recompute> recomputes{Recompute::None, Recompute::Full};
  if (!sm.framework().fused_attention) recomputes.insert(recomputes.begin() + 1, Recompute::Selective);
  if (f.recompute) recomputes = {*f.recompute};
  std::vector<bool> sps{false, true};
  if (f.sp) sps = {*f.sp};
  BruteForce out;
  for (int tp : range(f.tp, powers(std::min(sm.cluster().scale_up_gpus, m.heads))))
    for (int pp : range(f.pp, upto(std::min(m.layers, sm.cluster().gpus))))
      for (int dp : range(f.dp, upto(sm.cluster().gpus)))
        for (int cp : range(f.cp, powers(o.max_cp))) {
          if (static_cast<long long>(tp) * pp * dp * cp > sm.cluster().gpus) continue;  // check() refuses them
          for (int ep : range(f.ep, upto(m.moe ? m.moe->experts : 1)))
            for (int mbs : range(f.mbs, upto(o.max_mbs)))
              for (int vpp : range(f.vpp, upto(o.max_vpp)))
                for (Recompute rc : recomputes)
                  for (int zero : range(f.zero, {0, 1, 2, 3}))
                    for (bool sp : sps) {
                      ParallelPlan p{tp, pp, dp, cp, ep, mbs, vpp, rc, zero, sp};
                      if (sm.check(p) != Infeasible::None) continue;
                      ++out.valid;
                      Projection pr = sm.evaluate(p);
                      if (pr.fits()) out.fit.push_back(pr);
                    }
        }
  std::sort(out.fit.begin(), out.fit.end(), before);
  return out;
}

struct Case {
  const char* name;
  ModelSpec model;
  int gpus, global_batch;
  bool fused;  // Megatron-Core (FlashAttention) or Megatron-LM 2021
  SearchOptions options;
  bool expect_pruned;
};

void expect_brute_force_result(const Case& c) {
  SCOPED_TRACE(c.name);
  StepModel sm(c.model, cluster(c.gpus), c.fused ? megatron_core() : megatron_2021(),
               {c.global_batch, c.model.seq_len, Precision::Bf16});
  const SearchResult r = search_plans(sm, c.options);
  const BruteForce all = brute_force(sm, c.options);
  ASSERT_FALSE(all.fit.empty());
  // Every plan passing the checks was costed or skipped by a bound, and only a full top K
  // bounds anything.
  EXPECT_EQ(r.evaluated + r.pruned, all.valid);
  EXPECT_EQ(r.feasible + r.rejected_memory, r.evaluated);
  EXPECT_LE(r.feasible, static_cast<long long>(all.fit.size()));
  if (c.expect_pruned)
    EXPECT_GT(r.pruned, 0);
  else
    EXPECT_EQ(r.pruned, 0);
  const std::size_t k = std::min<std::size_t>(c.options.top_k, all.fit.size());
  ASSERT_EQ(r.best.size(), k);
  for (std::size_t i = 0; i < k; ++i) {
    SCOPED_TRACE(i);
    const Projection &got = r.best[i], &want = all.fit[i];
    EXPECT_EQ(got.plan.tp, want.plan.tp);
    EXPECT_EQ(got.plan.pp, want.plan.pp);
    EXPECT_EQ(got.plan.dp, want.plan.dp);
    EXPECT_EQ(got.plan.cp, want.plan.cp);
    EXPECT_EQ(got.plan.ep, want.plan.ep);
    EXPECT_EQ(got.plan.mbs, want.plan.mbs);
    EXPECT_EQ(got.plan.vpp, want.plan.vpp);
    EXPECT_EQ(got.plan.recompute, want.plan.recompute);
    EXPECT_EQ(got.plan.zero, want.plan.zero);
    EXPECT_EQ(got.plan.sp, want.plan.sp);
    EXPECT_EQ(got.step_time_s, want.step_time_s);  // to the last bit
    EXPECT_EQ(got.memory.total(), want.memory.total());
    EXPECT_EQ(got.breakdown.dp_comm, want.breakdown.dp_comm);
  }
}

// Narrower ranges than the defaults keep the brute force quick.
SearchOptions top(int k) {
  SearchOptions o;
  o.top_k = k;
  o.max_mbs = 4;
  o.max_vpp = 4;
  o.max_cp = 8;
  return o;
}

TEST(PlanSearch, TopKEqualsABruteForceOverEveryPlan) {
  expect_brute_force_result({"dense, Megatron 2021, top 5", model(), 32, 64, false, top(5), true});
  expect_brute_force_result({"dense, Megatron-Core, top 1", model(), 32, 64, true, top(1), true});
  expect_brute_force_result({"dense, Megatron-Core, top 40", model(), 32, 64, true, top(40), true});
  // A list longer than the plans that fit is never full: nothing may be skipped.
  expect_brute_force_result({"dense, every plan listed", model(), 32, 64, true, top(1000000), false});
}

TEST(PlanSearch, TopKEqualsABruteForceWithExpertParallelism) {
  // The optimizer's share and the weights fall with ep, the all-to-all grows: ep is a real choice.
  expect_brute_force_result({"MoE, top 10", moe_model(), 32, 128, true, top(10), true});
  expect_brute_force_result({"MoE, Megatron 2021, top 3", moe_model(), 16, 96, false, top(3), true});
}

TEST(PlanSearch, TopKEqualsABruteForceWithFixedFields) {
  // Fixed values the checks refuse for some plans (ep 4 needs dp·cp divisible by 4, ZeRO-3
  // refuses pipelines) and fixed values beyond the usual ranges.
  SearchOptions ep = top(8);
  ep.fixed.ep = 4;
  expect_brute_force_result({"MoE, ep 4 fixed", moe_model(), 32, 64, true, ep, true});
  SearchOptions zero = top(6);
  zero.fixed.zero = 3;
  zero.fixed.sp = true;
  expect_brute_force_result({"ZeRO-3 and SP fixed", model(), 32, 64, true, zero, true});
  SearchOptions interleaved = top(4);
  interleaved.fixed.vpp = 2;
  interleaved.fixed.recompute = Recompute::Selective;
  expect_brute_force_result({"vpp 2 and selective recompute fixed", model(), 32, 64, false, interleaved, true});
}

TEST(PlanSearch, EqualPlansKeepTheNominalOrder) {
  // On one GPU the ZeRO stage changes nothing: there is nothing to shard over. The four stages
  // have the same step time and memory and come in their order, 0 to 3.
  StepModel sm(model(), test::simple_cluster(1, 1e12), megatron_core(), {8, 4096, Precision::Bf16});
  SearchOptions o;
  o.top_k = 4;
  PlanConstraints& f = o.fixed;
  f.tp = 1, f.pp = 1, f.dp = 1, f.cp = 1, f.mbs = 1, f.vpp = 1;
  f.recompute = Recompute::Full;
  SearchResult r = search_plans(sm, o);
  ASSERT_EQ(r.best.size(), 4u);
  for (int zero = 0; zero < 4; ++zero) {
    EXPECT_EQ(r.best[zero].plan.zero, zero);
    EXPECT_EQ(r.best[zero].step_time_s, r.best[0].step_time_s);
    EXPECT_EQ(r.best[zero].memory.total(), r.best[0].memory.total());
  }
  o.top_k = 2;
  r = search_plans(sm, o);
  ASSERT_EQ(r.best.size(), 2u);
  EXPECT_EQ(r.best[0].plan.zero, 0);
  EXPECT_EQ(r.best[1].plan.zero, 1);
}

TEST(PlanSearch, TopKFastestFirstAndFixedFieldsKept) {
  StepModel sm(model(), cluster(32), megatron_core(), {64, 4096, Precision::Bf16});
  SearchOptions o;
  o.top_k = 7;
  o.fixed.tp = 4;
  o.fixed.recompute = Recompute::Selective;
  SearchResult r = search_plans(sm, o);
  ASSERT_EQ(r.best.size(), 7u);
  for (std::size_t i = 0; i < r.best.size(); ++i) {
    EXPECT_TRUE(r.best[i].fits());
    EXPECT_EQ(r.best[i].plan.tp, 4);
    EXPECT_EQ(r.best[i].plan.recompute, Recompute::Selective);
    if (i > 0) {
      EXPECT_LE(r.best[i - 1].step_time_s, r.best[i].step_time_s);
    }
  }
  EXPECT_GT(r.elapsed_s, 0);
}

TEST(PlanSearch, NothingFitsKeepsTheReason) {
  StepModel sm(model(), cluster(32), megatron_2021(), {64, 4096, Precision::Bf16});
  SearchOptions memory;
  PlanConstraints& f = memory.fixed;
  f.tp = 1, f.pp = 1, f.dp = 1, f.cp = 1, f.mbs = 16, f.vpp = 1, f.zero = 0;
  f.recompute = Recompute::None;
  f.sp = false;
  SearchResult r = search_plans(sm, memory);
  EXPECT_TRUE(r.best.empty());
  ASSERT_TRUE(r.closest_infeasible);
  EXPECT_EQ(r.closest_infeasible->infeasible, Infeasible::Memory);
  // With the ZeRO stage free the closest is ZeRO-3, which shards the weights too.
  f.zero.reset();
  f.dp = 4;
  r = search_plans(sm, memory);
  EXPECT_TRUE(r.best.empty());
  ASSERT_TRUE(r.closest_infeasible);
  EXPECT_EQ(r.closest_infeasible->infeasible, Infeasible::Memory);
  EXPECT_EQ(r.closest_infeasible->plan.zero, 3);
  SearchOptions batch;
  batch.fixed.dp = 3;  // 64 sequences do not split over 3 replicas
  r = search_plans(sm, batch);
  EXPECT_EQ(r.evaluated, 0);
  ASSERT_TRUE(r.closest_infeasible);
  EXPECT_EQ(r.closest_infeasible->infeasible, Infeasible::Batch);
  // The first plan tried: everything else at its smallest.
  const ParallelPlan& p = r.closest_infeasible->plan;
  EXPECT_EQ(std::tuple(p.tp, p.pp, p.dp, p.cp, p.ep, p.mbs, p.vpp, p.recompute, p.zero, p.sp),
            std::tuple(1, 1, 3, 1, 1, 1, 1, Recompute::None, 0, false));
}

}  // namespace
}  // namespace cf
