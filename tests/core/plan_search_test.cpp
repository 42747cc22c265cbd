// Plan search: the best plan equals a brute force over every plan, fixed fields are kept, the
// top K come fastest first, and when nothing fits the reason is kept.

#include <gtest/gtest.h>

#include <limits>

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

TEST(PlanSearch, BestEqualsABruteForceOverEveryPlan) {
  StepModel sm(model(), cluster(32), megatron_2021(), {64, 4096, Precision::Bf16});
  SearchResult r = search_plans(sm, SearchOptions{});
  ASSERT_FALSE(r.best.empty());
  double best = std::numeric_limits<double>::infinity();
  long long costed = 0, fit = 0;
  for (int tp : {1, 2, 4, 8})
    for (int pp = 1; pp <= 12; ++pp)
      for (int dp = 1; dp <= 32; ++dp)
        for (int cp : {1, 2, 4, 8, 16, 32})
          for (int mbs = 1; mbs <= 16; ++mbs)
            for (int vpp = 1; vpp <= 8; ++vpp)
              for (Recompute rc : {Recompute::None, Recompute::Selective, Recompute::Full})
                for (int zero = 0; zero <= 3; ++zero)
                  for (bool sp : {false, true}) {
                    ParallelPlan p{tp, pp, dp, cp, 1, mbs, vpp, rc, zero, sp};
                    if (sm.check(p) != Infeasible::None) continue;
                    ++costed;
                    Projection pr = sm.evaluate(p);
                    if (!pr.fits()) continue;
                    ++fit;
                    best = std::min(best, pr.step_time_s);
                  }
  EXPECT_EQ(r.evaluated, costed);
  EXPECT_EQ(r.feasible, fit);
  EXPECT_DOUBLE_EQ(r.best.front().step_time_s, best);
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
  SearchOptions batch;
  batch.fixed.dp = 3;  // 64 sequences do not split over 3 replicas
  r = search_plans(sm, batch);
  EXPECT_EQ(r.evaluated, 0);
  ASSERT_TRUE(r.closest_infeasible);
  EXPECT_EQ(r.closest_infeasible->infeasible, Infeasible::Batch);
}

}  // namespace
}  // namespace cf
