// Calibration of the three efficiencies of core/training/calibration.h on the published runs:
// a grid search minimising the mean, then the worst, absolute relative error of the projected
// iteration time. Run by hand and record the result in docs/validation.md:
//   build/release/tests/training/cf_calibrate [--grid | --markdown]

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
  const std::string mode = argc > 1 ? argv[1] : "";
  Catalog catalog = load_catalog(catalog_folders(std::nullopt));
  auto runs = test::measured_runs(std::filesystem::path(CF_TEST_DATA_DIR) / "training-measurements.json", catalog);
  // Signed relative error per run; a run with no feasible plan counts as 1000 %.
  auto errors = [&](const std::vector<Projection>& projected) {
    std::vector<double> err;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const double measured = runs[i].measured_iteration_s;
      err.push_back(projected[i].fits() ? (projected[i].step_time_s - measured) / measured : 10.0);
    }
    return err;
  };
  auto project = [&](const Efficiency& e) {
    std::vector<Projection> out;
    for (const auto& run : runs) out.push_back(test::project_run(run, e));
    return out;
  };
  struct Score {
    double mean = 0, median = 0, worst = 0;
    bool operator<(const Score& o) const { return std::pair{mean, worst} < std::pair{o.mean, o.worst}; }
  };
  auto score = [](std::vector<double> err) {
    for (double& x : err) x = std::fabs(x);
    std::sort(err.begin(), err.end());
    Score s;
    for (double x : err) s.mean += x / err.size();
    const std::size_t n = err.size();
    s.median = n % 2 ? err[n / 2] : (err[n / 2 - 1] + err[n / 2]) / 2;
    s.worst = err.back();
    return s;
  };

  Efficiency best = kCalibratedEfficiency;
  Score best_score = score(errors(project(best)));
  if (mode == "--grid")
    for (double g = 0.60; g <= 0.951; g += 0.01)
      for (double m = 0.50; m <= 0.951; m += 0.02)
        for (double n = 0.40; n <= 0.951; n += 0.02) {
          Efficiency e{g, m, n, kCalibratedEfficiency.fused_attention};
          Score s = score(errors(project(e)));
          if (s < best_score) best_score = s, best = e;
        }
  std::printf("best: gemm %.2f memory %.2f network %.2f  mean %.2f%% worst %.2f%%\n", best.gemm, best.memory,
              best.network, 100 * best_score.mean, 100 * best_score.worst);

  const std::vector<Projection> projected = project(best);
  const std::vector<double> err = errors(projected);
  if (mode == "--markdown") {
    std::printf("| Run | GPUs | tp | pp | dp | sp | recompute | mbs* | vpp* | measured (s) | projected (s) | error |\n");
    std::printf("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|\n");
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Projection& p = projected[i];
    if (mode == "--markdown")
      std::printf("| %s | %d | %d | %d | %d | %s | %s | %d | %d | %.2f | %.2f | %+.1f %% |\n", runs[i].id.c_str(),
                  p.plan.gpus(), p.plan.tp, p.plan.pp, p.plan.dp, p.plan.sp ? "yes" : "no",
                  to_string(p.plan.recompute).c_str(), p.plan.mbs, p.plan.vpp, runs[i].measured_iteration_s,
                  p.step_time_s, 100 * err[i]);
    else
      std::printf("%-34s measured %8.3f projected %8.3f error %+6.1f%%  mbs %d vpp %d\n", runs[i].id.c_str(),
                  runs[i].measured_iteration_s, p.step_time_s, 100 * err[i], p.plan.mbs, p.plan.vpp);
  }
  const Score s = score(err);
  std::printf("\nmedian %.1f %%, mean %.1f %%, worst %.1f %% over %zu runs\n", 100 * s.median, 100 * s.mean,
              100 * s.worst, runs.size());
  // Calculon's own validation set: Korthikanti's Table 5 runs.
  std::vector<double> table5;
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i].id.starts_with("korthikanti2022-t5-")) table5.push_back(err[i]);
  const Score k = score(table5);
  std::printf("median %.1f %%, mean %.1f %%, worst %.1f %% over the %zu Korthikanti Table 5 runs (Calculon's set)\n",
              100 * k.median, 100 * k.mean, 100 * k.worst, table5.size());
}
