// What keeps a 100,000-GPU design's first paint short, on small designs made to take the same
// paths: the window shows the design before its first analysis arrives (dashes, greyed docks,
// racks without figures) and fills in when it does; tabs and docks not on screen are built only
// when shown (the start page's samples too); the design tree makes a rack's device items only
// when asked for them.

#include "main_window.h"

#include <QChart>
#include <QDockWidget>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "compare_view.h"
#include "dashboard_panel.h"
#include "design/edit.h"
#include "design_tree_model.h"
#include "floor_plan_view.h"
#include "problems_panel.h"
#include "rack_elevation_scene.h"
#include "rack_elevation_view.h"
#include "start_page.h"
#include "summary_panel.h"
#include "topology_scene.h"
#include "topology_view.h"
#include "ui_test_support.h"
#include "unit_format.h"

using namespace cf;
using namespace cf::ui;

namespace {

QString dock_title(const MainWindow& w, const char* name) {
  const auto* dock = w.findChild<QDockWidget*>(QString::fromLatin1(name));
  return dock ? dock->windowTitle() : QString();
}

// The summary's value for a label ("GPUs"), from its "label<TAB>value" lines.
QString summary_value(const MainWindow& w, const QString& label) {
  for (const QString& line : w.summary_panel()->summary_text().split(QLatin1Char('\n')))
    if (line.startsWith(label + QLatin1Char('\t'))) return line.section(QLatin1Char('\t'), 1);
  return {};
}

}  // namespace

class LargeDesignTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    dir_.emplace();
    window_ = std::make_unique<MainWindow>(test::test_catalog());
    window_->set_interactive(false);
  }
  void cleanup() {
    window_.reset();
    dir_.reset();
  }

  void opens_before_its_analysis_and_fills_in_when_it_arrives() {
    window_->set_background_analysis_devices(0);  // the tiny design counts as large
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(window_->open_file(tiny_file()));
    DesignDocument* doc = window_->document();
    QVERIFY(!doc->has_report());

    // The design is drawn at once, without figures: every rack in the no-figure colour.
    FloorPlanScene* floor = window_->floor_view()->floor_scene();
    QCOMPARE(floor->layout().racks.size(), std::size_t{3});
    const QColor no_figure = LoadScale(0, 1, {}, {}).color(std::nullopt);
    QCOMPARE(floor->rack_color(QStringLiteral("a01")), no_figure);
    QVERIFY(!floor->layout().racks.front().it_max_w);
    // The docks say the analysis is running, with no figure and no "no problems" either.
    QCOMPARE(summary_value(*window_, QStringLiteral("GPUs")), QString::fromUtf16(kUnknownFigure));
    QVERIFY(window_->summary_panel()->summary_text().contains(QStringLiteral("Analysing")));
    QCOMPARE(dock_title(*window_, "problems_dock"), QStringLiteral("Problems"));
    QVERIFY(window_->dashboard()->is_greyed(DashboardChart::PowerByCategory));
    QVERIFY(window_->dashboard()->chart(DashboardChart::PowerByCategory)->title().contains(QStringLiteral("Analysing")));

    QTRY_VERIFY_WITH_TIMEOUT(doc->has_report(), 10000);
    QCOMPARE(summary_value(*window_, QStringLiteral("GPUs")), QStringLiteral("32"));
    QVERIFY(!window_->summary_panel()->summary_text().contains(QStringLiteral("Analysing")));
    QCOMPARE(dock_title(*window_, "problems_dock"),
             QStringLiteral("Problems (%1)").arg(doc->report().problems.size()));
    QVERIFY(floor->layout().racks.front().it_max_w.has_value());
    QVERIFY(floor->rack_color(QStringLiteral("a01")) != no_figure);
    QVERIFY(!window_->dashboard()->is_greyed(DashboardChart::PowerByCategory));
    QVERIFY(window_->dashboard()->chart(DashboardChart::PowerByCategory)->title().contains(QStringLiteral("total")));
  }

  void an_edit_greys_the_figures_until_the_new_analysis() {
    window_->set_background_analysis_devices(0);
    QVERIFY(window_->open_file(tiny_file()));
    DesignDocument* doc = window_->document();
    QTRY_VERIFY_WITH_TIMEOUT(doc->has_report(), 10000);
    QVERIFY(!window_->problems_panel()->is_greyed());
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QVERIFY(window_->problems_panel()->is_greyed());
    QVERIFY(window_->dashboard()->is_greyed(DashboardChart::PowerByRack));
    QCOMPARE(summary_value(*window_, QStringLiteral("GPUs")), QStringLiteral("32"));  // the old figure, greyed
    QTRY_VERIFY_WITH_TIMEOUT(!doc->report_is_stale(), 10000);
    QCOMPARE(summary_value(*window_, QStringLiteral("GPUs")), QStringLiteral("24"));
    QVERIFY(!window_->problems_panel()->is_greyed());
  }

  void hidden_tabs_are_built_when_shown() {
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->show_view(QStringLiteral("floor")));
    QVERIFY(window_->open_file(test::sample_path("lab-4x-dgx-h100.cluster.json")));
    QVERIFY(!window_->floor_view()->floor_scene()->layout().racks.empty());
    // Racks, Topology and Compare are behind the Floor Plan: nothing built for this design yet.
    QVERIFY(window_->rack_view()->elevation_scene()->racks().isEmpty());
    QVERIFY(window_->topology_view()->scene()->layout().tiers.empty());
    QCOMPARE(window_->compare_view()->design_count(), 0);

    QVERIFY(window_->show_view(QStringLiteral("rack")));
    QCOMPARE(window_->rack_view()->elevation_scene()->racks(), QStringList{QStringLiteral("a01")});
    QVERIFY(window_->show_view(QStringLiteral("topology")));
    QTRY_VERIFY(!window_->topology_view()->scene()->layout().tiers.empty());
    QVERIFY(window_->show_view(QStringLiteral("compare")));
    QCOMPARE(window_->compare_view()->design_count(), 1);
  }

  void the_design_tree_fills_when_its_dock_is_shown() {
    window_->resize(1200, 800);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    auto* catalog = window_->findChild<QDockWidget*>(QStringLiteral("catalog_dock"));
    auto* design = window_->findChild<QDockWidget*>(QStringLiteral("design_dock"));
    catalog->raise();  // the Design dock is behind it, moved out of sight
    QTRY_VERIFY(window_->tree_view()->visibleRegion().isEmpty());
    QVERIFY(window_->open_file(tiny_file()));
    QCOMPARE(window_->tree_model()->rowCount(), 0);
    window_->select_object(QStringLiteral("dgx-03"));  // known without the tree
    QCOMPARE(window_->document()->selection(), QStringList{QStringLiteral("dgx-03")});

    design->raise();
    QTRY_COMPARE(window_->tree_model()->rowCount(), 2);
    // The selection made meanwhile is the tree's too.
    const QModelIndex current = window_->tree_view()->currentIndex();
    QCOMPARE(current.data(DesignTreeModel::ObjectIdRole).toString(), QStringLiteral("dgx-03"));
  }

  void the_start_page_reads_the_samples_only_when_seen() {
    // As `clusterforge FILE` does: the window shows and the design opens before any event.
    window_->show();
    QVERIFY(window_->open_file(tiny_file()));
    QTest::qWait(300);
    QVERIFY(!window_->start_page()->samples_ready());  // listed, not read (one can take seconds)
    QCOMPARE(window_->start_page()->samples().front().gpus, 0);
    QVERIFY(window_->close_design());  // the start page comes back: now it reads them
    QTRY_VERIFY_WITH_TIMEOUT(window_->start_page()->samples_ready(), 60000);
    int gpus = 0;
    for (const auto& sample : window_->start_page()->samples()) gpus += sample.gpus;
    QVERIFY(gpus > 0);
  }

  void tree_device_items_are_made_when_asked_for() {
    DesignTreeModel model(test::test_catalog());
    const Design d = parse_design_text(test::kTinyDesign);
    model.set_design(&d, nullptr);
    // Looked up by id before its rack was ever opened: the item is found, under its rack.
    const QModelIndex dgx = model.index_of_object("dgx-02");
    QVERIFY(dgx.isValid());
    QCOMPARE(model.object_id(dgx.parent()), std::string("a01"));
    QCOMPARE(dgx.row(), 2);  // by U: the PDU (U0), dgx-01 (U1), dgx-02 (U9), leaf-01 (U42)
    QCOMPARE(model.rowCount(dgx.parent()), 4);
    // A rack not opened counts its devices all the same.
    const QModelIndex b01 = model.index_of_object("b01");
    QCOMPARE(model.rowCount(b01), 1);
    QCOMPARE(model.object_id(model.index(0, 0, b01)), std::string("dgx-04"));
    QVERIFY(!model.index_of_object("no-such-device").isValid());
  }

 private:
  QString tiny_file() {
    const QString path = dir_->filePath(QStringLiteral("tiny.cluster.json"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(test::kTinyDesign);
    return path;
  }

  std::optional<QTemporaryDir> dir_;
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(LargeDesignTest)
#include "large_design_test.moc"
