// One frame of each view's overview: the view alone on screen with a 1920 × 1080 viewport, the
// design fitted to it (zoom to fit, as on opening), its analysis and layout in. A frame is the
// viewport painted into a 1920 × 1080 QImage through the view's own paint event
// (QWidget::render: background, items, foreground, the caches the view keeps).
//   BM_OverviewFrame      the same frame again (a repaint: hover, selection, the window exposed)
//   BM_OverviewZoomFrame  the frame after a zoom step (1 % in, then out) the way the wheel zooms:
//                         the topology draws its edges from their picture before the zoom,
//                         scaled, until the zoom settles; the other views draw everything anew
//   BM_OverviewSettledFrame  the frame at a new scale drawn sharp: nothing cached for it (the
//                         topology's frame once a zoom settles; the others' zoom frame)
// Views: floor (the whole floor), rack (the default racks), rack-row (a full row of racks, the
// most the view shows: 24), topology (the compute fabric).

#include <QGraphicsView>
#include <QImage>
#include <QWidget>
#include <benchmark/benchmark.h>
#include <map>
#include <memory>

#include "design_document.h"
#include "floor_plan_view.h"
#include "gui_bench_support.h"
#include "io/design_file.h"
#include "rack_elevation_view.h"
#include "topology_view.h"

namespace cf::bench {

namespace {

using cf::ui::DesignDocument;

enum View { kFloor, kRack, kRackRow, kTopology };
const char* const kViewNames[] = {"floor", "rack", "rack-row", "topology"};

// One document per sample, analysed, for the whole run.
std::map<int, std::unique_ptr<DesignDocument>>& documents() {
  static std::map<int, std::unique_ptr<DesignDocument>> docs;
  return docs;
}

DesignDocument& document(int sample) {
  auto& doc = documents()[sample];
  if (!doc) {
    const QString path = sample_path(sample);
    doc = std::make_unique<DesignDocument>(bench_catalog(), load_design(path.toStdString()), path);
    spin_until([&] { return !doc->report_is_stale(); });
  }
  return *doc;
}

// The racks of the row holding the most racks (the view shows at most 24 of them).
QStringList fullest_row(const Design& d) {
  std::map<std::string, QStringList> rows;
  for (const Rack& r : d.racks) rows[r.row_id] << QString::fromStdString(r.id);
  QStringList best;
  for (const auto& [row, racks] : rows)
    if (racks.size() > best.size()) best = racks;
  return best;
}

struct ShownView {
  std::unique_ptr<QWidget> widget;
  QGraphicsView* graphics = nullptr;
};

ShownView show_view(DesignDocument& doc, int view) {
  ShownView shown;
  if (view == kFloor) {
    auto* v = new cf::ui::FloorPlanView;
    v->set_document(&doc);
    shown.widget.reset(v);
    shown.graphics = v;
  } else if (view == kTopology) {
    auto* v = new cf::ui::TopologyView;
    v->set_document(&doc);
    shown.widget.reset(v);
    shown.graphics = v->graphics_view();
  } else {
    auto* v = new cf::ui::RackElevationView;
    v->set_document(&doc);
    if (view == kRackRow) v->show_racks(fullest_row(doc.design()));
    shown.widget.reset(v);
    shown.graphics = v;
  }
  shown.widget->resize(kFrameWidth, kFrameHeight);
  shown.widget->show();
  // Grow the widget until its viewport (inside frame, bars and scroll bars) is 1920 × 1080.
  for (int i = 0; i < 3; ++i) {
    QCoreApplication::processEvents();
    const QSize missing = QSize(kFrameWidth, kFrameHeight) - shown.graphics->viewport()->size();
    shown.widget->resize(shown.widget->size() + missing);
  }
  if (auto* t = qobject_cast<cf::ui::TopologyView*>(shown.widget.get())) {
    spin_until([&] { return !t->layout_pending(); });
    t->zoom_to_fit();
  } else if (auto* f = qobject_cast<cf::ui::FloorPlanView*>(shown.widget.get())) {
    f->zoom_to_fit();
  } else if (auto* r = qobject_cast<cf::ui::RackElevationView*>(shown.widget.get())) {
    r->zoom_to_fit();
  }
  QCoreApplication::processEvents();
  return shown;
}

enum class Step { None, Zoom, Rescale };

void run_frames(benchmark::State& state, Step step) {
  const int sample = static_cast<int>(state.range(0));
  const int view = static_cast<int>(state.range(1));
  state.SetLabel(std::string(sample_name(sample)) + "/" + kViewNames[view]);
  DesignDocument& doc = document(sample);
  ShownView shown = show_view(doc, view);
  QWidget* viewport = shown.graphics->viewport();
  if (viewport->size() != QSize(kFrameWidth, kFrameHeight)) {
    state.SkipWithError("the viewport is not 1920 x 1080");
    return;
  }
  QImage frame(viewport->size(), QImage::Format_ARGB32_Premultiplied);
  viewport->render(&frame);  // the first frame fills the caches
  bool in = true;
  auto* topology = qobject_cast<cf::ui::TopologyView*>(shown.widget.get());
  for (auto _ : state) {
    const double f = in ? 1.01 : 1 / 1.01;
    in = !in;
    if (step == Step::Zoom && topology)
      topology->zoom_by(f);  // the wheel's way
    else if (step != Step::None)
      shown.graphics->scale(f, f);
    viewport->render(&frame);
    benchmark::DoNotOptimize(frame.constBits());
  }
}

void BM_OverviewFrame(benchmark::State& state) { run_frames(state, Step::None); }
void BM_OverviewZoomFrame(benchmark::State& state) { run_frames(state, Step::Zoom); }
void BM_OverviewSettledFrame(benchmark::State& state) { run_frames(state, Step::Rescale); }

BENCHMARK(BM_OverviewFrame)
    ->ArgsProduct({{0, 1}, {kFloor, kRack, kRackRow, kTopology}})
    ->ArgNames({"sample", "view"})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverviewZoomFrame)
    ->ArgsProduct({{0, 1}, {kFloor, kRack, kRackRow, kTopology}})
    ->ArgNames({"sample", "view"})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverviewSettledFrame)
    ->ArgsProduct({{0, 1}, {kTopology}})
    ->ArgNames({"sample", "view"})
    ->Unit(benchmark::kMillisecond);

}  // namespace

// The documents go before the application does.
void release_documents() { documents().clear(); }

}  // namespace cf::bench
