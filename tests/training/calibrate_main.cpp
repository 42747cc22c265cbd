// Calibration of the three efficiencies of core/training/calibration.h on the published runs:
// a grid search minimising the worst, then the median, relative error of the projected
// iteration time. Prints the grid's best and the per-run table. Run by hand:
//   build/release/tests/training/cf_calibrate
// and record the result in docs/validation.md.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "catalog/catalog_loader.h"
#include "io/resources.h"
#include "measured_runs.h"

using namespace cf;

int main(int argc, char** argv) {
  const bool grid = argc > 1 && std::string(argv[1]) == "--grid";
  Catalog catalog = load_catalog(catalog_folders(std::nullopt));
  auto runs = test::measured_runs(std::filesystem::path(CF_TEST_DATA_DIR) / "training-measurements.json", catalog);
  auto errors = [&](const Efficiency& e) {
    std::vector<double> err;
    for (const auto& run : runs) {
      Projection p = test::project_run(run, e);
      err.push_back(p.fits() ? (p.step_time_s - run.measured_iteration_s) / run.measured_iteration_s : 10.0);
    }
    return err;
  };
  auto score = [](std::vector<double> err) {
    for (double& x : err) x = std::fabs(x);
    std::sort(err.begin(), err.end());
    double mean = 0;
    for (double x : err) mean += x / err.size();
    return std::pair{mean, err.back()};
  };
  Efficiency best = kCalibratedEfficiency;
  auto best_score = score(errors(best));
  if (grid)
  for (double g = 0.60; g <= 0.951; g += 0.01)
    for (double m = 0.50; m <= 0.951; m += 0.02)
      for (double n = 0.40; n <= 0.951; n += 0.02) {
        Efficiency e{g, m, n, kCalibratedEfficiency.fused_attention};
        auto s = score(errors(e));
        if (s < best_score) best_score = s, best = e;
      }
  std::printf("best: gemm %.2f memory %.2f network %.2f  mean %.2f%% worst %.2f%%\n", best.gemm, best.memory,
              best.network, 100 * best_score.first, 100 * best_score.second);
  auto err = errors(best);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    Projection p = test::project_run(runs[i], best);
    std::printf("%-34s measured %8.3f projected %8.3f error %+6.1f%%  mbs %d vpp %d\n", runs[i].id.c_str(),
                runs[i].measured_iteration_s, p.step_time_s, 100 * err[i], p.plan.mbs, p.plan.vpp);
  }
}
