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

double mean_of(const std::vector<double>& v) {
  double mean = 0;
  for (double x : v) mean += x / v.size();
  return mean;
}

TEST(TrainingValidation, EveryPublishedRunIsProjectedWithinTenPercent) {
  ASSERT_EQ(runs().size(), 18u);
  std::vector<double> errors, calculon_runs;
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
    if (run.id.starts_with("korthikanti2022-t5-")) calculon_runs.push_back(std::fabs(error));
  }
  // docs/validation.md: all 18 runs mean 4.0 %, worst 7.1 %.
  EXPECT_LT(*std::max_element(errors.begin(), errors.end()), 0.089);
  EXPECT_LT(mean_of(errors), 0.045);
  // Calculon validates on exactly Korthikanti's eight Table 5 runs (calculon-ai/calculon,
  // validation/seqsel/tab5) and reports 3.7 % mean, 8.9 % worst there; on the same runs this
  // model must do better (docs/validation.md: 3.3 %, 6.3 %).
  ASSERT_EQ(calculon_runs.size(), 8u);
  EXPECT_LT(*std::max_element(calculon_runs.begin(), calculon_runs.end()), 0.089);
  EXPECT_LT(mean_of(calculon_runs), 0.037);
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
