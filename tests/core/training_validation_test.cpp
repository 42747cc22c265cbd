// The step-time model against published, measured iteration times (Narayanan et al. 2021,
// Table 1; Korthikanti et al. 2022, Table 5): each row's cluster is generated like Selene (DGX
// A100, HDR rails), its stated plan fixed, the unstated micro-batch and virtual stages searched.
// docs/validation.md shows the same table (tests/training/cf_calibrate --markdown prints it).

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "measured_runs.h"
#include "test_support.h"

namespace cf {
namespace {

const std::vector<test::MeasuredRun>& runs() {
  static const auto all = test::measured_runs(test::kDataDir / "training-measurements.json", test::installed_catalog());
  return all;
}

TEST(TrainingValidation, EveryPublishedRunIsProjectedWithinTenPercent) {
  ASSERT_EQ(runs().size(), 18u);
  std::vector<double> errors;
  for (const auto& run : runs()) {
    Projection p = test::project_run(run, kCalibratedEfficiency);
    ASSERT_TRUE(p.fits()) << run.id << ": " << to_string(p.infeasible);
    // The stated parts of the plan are kept.
    EXPECT_EQ(p.plan.tp, *run.plan.tp) << run.id;
    EXPECT_EQ(p.plan.pp, *run.plan.pp) << run.id;
    EXPECT_EQ(p.plan.dp, *run.plan.dp) << run.id;
    double error = (p.step_time_s - run.measured_iteration_s) / run.measured_iteration_s;
    EXPECT_LT(std::fabs(error), 0.10) << run.id << ": measured " << run.measured_iteration_s << " s, projected "
                                      << p.step_time_s << " s";
    errors.push_back(std::fabs(error));
  }
  // docs/validation.md: mean 4.0 %, worst 7.1 %. Calculon's own validation: 3.7 % mean, 8.9 % worst.
  std::sort(errors.begin(), errors.end());
  double mean = 0;
  for (double e : errors) mean += e / errors.size();
  EXPECT_LT(errors.back(), 0.089);
  EXPECT_LT(mean, 0.045);
}

TEST(TrainingValidation, RecomputeCostsWhatKorthikantiMeasured) {
  // Table 5: full recompute over selective + SP costs 29 % (22B) to 32 % (1T) more time; the model
  // must order them the same way and by a similar amount.
  for (const auto& run : runs()) {
    if (run.id.find("-sp_sel") == std::string::npos) continue;
    std::string full_id = run.id.substr(0, run.id.size() - 7) + "-full";
    auto full = std::find_if(runs().begin(), runs().end(), [&](const auto& r) { return r.id == full_id; });
    ASSERT_NE(full, runs().end()) << full_id;
    double measured = full->measured_iteration_s / run.measured_iteration_s;
    double projected = test::project_run(*full, kCalibratedEfficiency).step_time_s /
                       test::project_run(run, kCalibratedEfficiency).step_time_s;
    EXPECT_GT(projected, 1.15) << run.id;
    EXPECT_NEAR(projected, measured, 0.10) << run.id;
  }
}

}  // namespace
}  // namespace cf
