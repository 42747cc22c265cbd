// Opening a design in the main window, as `clusterforge --view VIEW FILE` does: from the start page
// on screen to the first paint of the chosen view's viewport (the design read, the document and
// the shown view and docks built, the window painted). The time is wall-clock (manual time): the
// background work the GUI starts (analysis, topology layout) runs on other threads and shares the
// cores. Counters, from the same start: overview_s, when the view has drawn its whole content
// (the topology: its layout arrived and was painted; the others: at first paint); analysis_s,
// when the analysis has arrived and the docks show it. BM_LoadDesign is the share of the core's
// loader (cf::load_design) in all of these, BM_DesignToFirstPaint the GUI's. gui_thread_cpu_s: the CPU time of the GUI thread up to
// the first paint (the load included), what a machine busy with other work would not stretch.

#include <QAbstractScrollArea>
#include <QGraphicsView>
#include <QWidget>
#include <benchmark/benchmark.h>
#include <chrono>
#include <ctime>

#include "design_document.h"
#include "first_paint.h"
#include "gui_bench_support.h"
#include "io/design_file.h"
#include "floor_plan_view.h"
#include "main_window.h"
#include "rack_elevation_view.h"
#include "topology_view.h"

namespace {

using namespace cf;
using namespace cf::bench;
using cf::ui::MainWindow;

double thread_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

enum View { kFloor, kRack, kTopology };
const char* const kViewNames[] = {"floor", "rack", "topology"};

QWidget* viewport_of(MainWindow& window, int view) {
  switch (view) {
    case kFloor:
      return window.floor_view()->viewport();
    case kRack:
      return window.rack_view()->viewport();
    default:
      return window.topology_view()->graphics_view()->viewport();
  }
}

void BM_OpenToFirstPaint(benchmark::State& state) {
  const int sample = static_cast<int>(state.range(0));
  const int view = static_cast<int>(state.range(1));
  const QString path = sample_path(sample);
  state.SetLabel(std::string(sample_name(sample)) + "/" + kViewNames[view]);
  double overview_s = 0, analysis_s = 0, cpu_s = 0;
  for (auto _ : state) {
    MainWindow window(bench_catalog());
    window.set_interactive(false);
    window.resize(kFrameWidth, kFrameHeight);
    window.show();
    cf::ui::wait_for_first_paint(window);  // the start page

    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_s();
    window.show_view(QString::fromLatin1(kViewNames[view]));
    if (!window.open_file(path)) {
      state.SkipWithError(("cannot open " + path.toStdString()).c_str());
      return;
    }
    QWidget* viewport = viewport_of(window, view);
    if (!cf::ui::wait_for_first_paint(*viewport, 60000)) {
      state.SkipWithError("the view was not painted");
      return;
    }
    state.SetIterationTime(seconds_since(start));
    cpu_s += thread_cpu_s() - cpu_start;

    if (view == kTopology) {
      spin_until([&] { return !window.topology_view()->layout_pending(); });
      cf::ui::wait_for_first_paint(*viewport);
    }
    overview_s += seconds_since(start);
    spin_until([&] { return !window.document()->report_is_stale(); });
    analysis_s += seconds_since(start);
  }
  state.counters["overview_s"] = benchmark::Counter(overview_s, benchmark::Counter::kAvgIterations);
  state.counters["analysis_s"] = benchmark::Counter(analysis_s, benchmark::Counter::kAvgIterations);
  state.counters["gui_thread_cpu_s"] = benchmark::Counter(cpu_s, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_OpenToFirstPaint)
    ->ArgsProduct({{0, 1}, {kFloor, kRack, kTopology}})
    ->ArgNames({"sample", "view"})
    ->UseManualTime()
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);

// The GUI's part alone: a design already read (as the loader returns it) to the first paint of
// the view — the document, the shown view and docks, the paint (MainWindow::open_design).
void BM_DesignToFirstPaint(benchmark::State& state) {
  const int sample = static_cast<int>(state.range(0));
  const int view = static_cast<int>(state.range(1));
  state.SetLabel(std::string(sample_name(sample)) + "/" + kViewNames[view]);
  const Design loaded = cf::load_design(sample_path(sample).toStdString());
  double cpu_s = 0;
  for (auto _ : state) {
    Design design = loaded;  // the copy is not the GUI's work
    MainWindow window(bench_catalog());
    window.set_interactive(false);
    window.resize(kFrameWidth, kFrameHeight);
    window.show();
    cf::ui::wait_for_first_paint(window);

    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = thread_cpu_s();
    window.show_view(QString::fromLatin1(kViewNames[view]));
    window.open_design(std::move(design));
    if (!cf::ui::wait_for_first_paint(*viewport_of(window, view), 60000)) {
      state.SkipWithError("the view was not painted");
      return;
    }
    state.SetIterationTime(seconds_since(start));
    cpu_s += thread_cpu_s() - cpu_start;
    spin_until([&] { return !window.document()->report_is_stale(); });  // before the window goes
  }
  state.counters["gui_thread_cpu_s"] = benchmark::Counter(cpu_s, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_DesignToFirstPaint)
    ->ArgsProduct({{0, 1}, {kFloor, kRack, kTopology}})
    ->ArgNames({"sample", "view"})
    ->UseManualTime()
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond);

// The core's loader alone, on the same files: the part of opening that is not the GUI's.
void BM_LoadDesign(benchmark::State& state) {
  const int sample = static_cast<int>(state.range(0));
  state.SetLabel(sample_name(sample));
  const std::string path = sample_path(sample).toStdString();
  for (auto _ : state) benchmark::DoNotOptimize(cf::load_design(path));
}
BENCHMARK(BM_LoadDesign)->Arg(0)->Arg(1)->ArgName("sample")->Iterations(2)->Unit(benchmark::kMillisecond);

}  // namespace
