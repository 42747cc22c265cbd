// Floor plan: one item per rack at its true-scale place, colours by mode (over the limit, no
// figure), racks dragged with the mouse onto another slot as one undo step, refused drops that
// change nothing and say why, click and rubber-band selection shared through the document.

#include "floor_plan_view.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QScrollBar>
#include <QWheelEvent>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

const Rack& rack_of(const Design& d, const std::string& id) {
  for (const auto& r : d.racks)
    if (r.id == id) return r;
  throw std::runtime_error("no rack " + id);
}

// Presses at `from`, moves in steps to `to` and releases there: QTest mouse events on the viewport.
void drag(FloorPlanView& view, QPointF from_scene, QPointF to_scene) {
  QWidget* vp = view.viewport();
  const QPoint from = view.mapFromScene(from_scene), to = view.mapFromScene(to_scene);
  QTest::mousePress(vp, Qt::LeftButton, {}, from);
  for (int i = 1; i <= 5; ++i) QTest::mouseMove(vp, from + (to - from) * i / 5);
  QTest::mouseRelease(vp, Qt::LeftButton, {}, to);
}

struct Fixture {
  std::unique_ptr<DesignDocument> doc = test::document_from_text(test::kTinyDesign);
  FloorPlanView view;
  Fixture() {
    view.resize(900, 700);
    view.set_document(doc.get());
    view.show();
    view.zoom_to_fit();
  }
};

}  // namespace

class FloorPlanTest : public QObject {
  Q_OBJECT

 private slots:
  void one_item_per_rack_at_its_place() {
    Fixture f;
    FloorPlanScene* scene = f.view.floor_scene();
    int racks = 0;
    for (QGraphicsItem* item : scene->items()) racks += item->type() == FloorPlanScene::kRackType;
    QCOMPARE(racks, 3);
    // 1 mm per scene unit; 600 × 1200 mm racks, pitch 0.6 m, row B at y 3 m.
    QCOMPARE(scene->rack_item("a01")->sceneBoundingRect(), QRectF(0, 0, 600, 1200));
    QCOMPARE(scene->rack_item("a02")->sceneBoundingRect(), QRectF(600, 0, 600, 1200));
    QCOMPARE(scene->rack_item("b01")->sceneBoundingRect(), QRectF(0, 3000, 600, 1200));
    QCOMPARE(scene->rack_at(QPointF(900, 100)), QStringLiteral("a02"));
    QVERIFY(scene->rack_at(QPointF(900, 2000)).isEmpty());
  }

  void a_rack_over_its_limit_is_red_and_one_without_figure_grey() {
    Fixture f;
    FloorPlanScene* scene = f.view.floor_scene();
    // a01: two DGX H100 (10.2 kW each) and a leaf, well under its 45 kW budget.
    QVERIFY(scene->rack_color("a01") != LoadScale::over_limit_color());
    QVERIFY(f.doc->apply(set_property("a01", "power_limit_kw", Json(10))));
    f.doc->refresh_report_now();
    QCOMPARE(scene->rack_color("a01"), LoadScale::over_limit_color());
    // a02 has no budget: one DGX H100 against the 40 kW air-cooled scale, neither red nor grey.
    const QColor a02 = scene->rack_color("a02");
    QVERIFY(a02 != LoadScale::over_limit_color() && a02 != LoadScale::no_figure_color());

    // The tiny design has no cooling units: every rack's heat meets no capacity.
    f.view.set_mode(FloorColorMode::HeatVsCooling);
    QCOMPARE(scene->rack_color("a02"), LoadScale::over_limit_color());

    // A new rack has no figure until the analysis reaches it: grey, not a zero.
    Rack rack;
    rack.id = rack.name = "a03";
    rack.catalog_id = "rack-48u-600x1200";
    rack.row_id = "row-a";
    rack.position = 2;
    QVERIFY(f.doc->apply(add_rack(rack)));
    QVERIFY(f.doc->report_is_stale());
    QVERIFY(scene->stale());
    QCOMPARE(scene->rack_color("a03"), LoadScale::no_figure_color());
    f.doc->refresh_report_now();
    QVERIFY(!scene->stale());
    QVERIFY(scene->rack_color("a03") != LoadScale::no_figure_color());  // empty rack: no heat, 0 %
  }

  void dragging_a_rack_to_a_free_slot_is_one_undo_step() {
    Fixture f;
    QSignalSpy messages(&f.view, &FloorPlanView::message);
    // a02 (row A, slot 1) to row B, slot 1: its centre from (900, 600) to (900, 3600).
    drag(f.view, QPointF(900, 600), QPointF(900, 3600));
    QCOMPARE(messages.count(), 0);
    QCOMPARE(rack_of(f.doc->design(), "a02").row_id, std::string("row-b"));
    QCOMPARE(rack_of(f.doc->design(), "a02").position, 1);
    QCOMPARE(f.doc->undo_stack()->count(), 1);
    QCOMPARE(f.view.floor_scene()->rack_item("a02")->sceneBoundingRect(), QRectF(600, 3000, 600, 1200));
    f.doc->undo_stack()->undo();
    QCOMPARE(rack_of(f.doc->design(), "a02").row_id, std::string("row-a"));
    QCOMPARE(rack_of(f.doc->design(), "a02").position, 1);
    QCOMPARE(f.view.floor_scene()->rack_item("a02")->sceneBoundingRect(), QRectF(600, 0, 600, 1200));
  }

  void a_refused_drop_changes_nothing_and_says_why() {
    Fixture f;
    QSignalSpy messages(&f.view, &FloorPlanView::message);
    const Design before = f.doc->design();
    // Onto a01's slot: move_rack refuses, the rack snaps back.
    drag(f.view, QPointF(900, 600), QPointF(300, 600));
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.at(0).at(0).toString().contains("a01"), qPrintable(messages.at(0).at(0).toString()));
    QVERIFY(f.doc->design() == before);
    QCOMPARE(f.doc->undo_stack()->count(), 0);
    QCOMPARE(f.view.floor_scene()->rack_item("a02")->sceneBoundingRect(), QRectF(600, 0, 600, 1200));
    // Into the aisle between the rows: no slot there.
    drag(f.view, QPointF(900, 600), QPointF(900, 2100));
    QCOMPARE(messages.count(), 2);
    QVERIFY(f.doc->design() == before);
    QCOMPARE(f.doc->undo_stack()->count(), 0);
    QCOMPARE(f.view.floor_scene()->rack_item("a02")->sceneBoundingRect(), QRectF(600, 0, 600, 1200));
  }

  void click_and_rubber_band_select_racks() {
    Fixture f;
    QWidget* vp = f.view.viewport();
    QTest::mouseClick(vp, Qt::LeftButton, {}, f.view.mapFromScene(QPointF(300, 3600)));
    QCOMPARE(f.doc->selection(), QStringList{"b01"});
    QVERIFY(f.view.floor_scene()->rack_item("b01")->isSelected());
    // A band around row A from the floor left of it: a01 and a02, not b01.
    drag(f.view, QPointF(-300, -300), QPointF(1500, 1500));
    QStringList selected = f.doc->selection();
    selected.sort();
    QCOMPARE(selected, (QStringList{"a01", "a02"}));
    QVERIFY(!f.view.floor_scene()->rack_item("b01")->isSelected());
    // The document's selection shows in the scene.
    f.doc->set_selection({"b01", "dgx-04"});
    QCOMPARE(f.view.floor_scene()->selected_racks(), QStringList{"b01"});
  }

  void zoomed_out_the_overview_paints_every_rack_in_its_colour() {
    Fixture f;
    FloorPlanScene* scene = f.view.floor_scene();
    QVERIFY(!scene->overview());  // fitted, racks are tens of pixels wide: one item each
    // So far out that a rack (600 mm) is 3 px wide.
    f.view.setTransform(QTransform::fromScale(0.005, 0.005));
    f.view.centerOn(QPointF(600, 2400));
    const QImage frame = f.view.viewport()->grab().toImage();
    QVERIFY(scene->overview());
    QVERIFY(scene->overview_item()->isVisible());
    QVERIFY(!scene->rack_item("a01")->isVisible());
    // Each rack's own fill, where the rack is: the overview aggregates items, not figures.
    for (const char* id : {"a01", "a02", "b01"}) {
      const QPoint centre = f.view.mapFromScene(scene->rack_rect(id).center());
      QCOMPARE(frame.pixelColor(centre).rgb(), scene->rack_color(id).rgb());
    }
    QVERIFY(scene->rack_color("a01") != scene->rack_color("b01"));  // over its limit: red; b01 not
    // Zoomed back in, the items return.
    f.view.zoom_to_fit();
    f.view.viewport()->grab();
    QVERIFY(!scene->overview());
    QVERIFY(scene->rack_item("a01")->isVisible());
    QVERIFY(!scene->overview_item()->isVisible());
  }

  void selection_and_hits_are_the_same_under_the_overview() {
    Fixture f;
    FloorPlanScene* scene = f.view.floor_scene();
    f.doc->set_selection({"a02"});
    f.view.setTransform(QTransform::fromScale(0.005, 0.005));
    f.view.centerOn(QPointF(600, 2400));
    f.view.viewport()->grab();
    QVERIFY(scene->overview());
    QCOMPARE(scene->selected_racks(), QStringList{"a02"});  // kept though its item is hidden
    QCOMPARE(scene->rack_at(QPointF(300, 3600)), QStringLiteral("b01"));
    // A click on a rack selects it; pressing and moving does not drag a 3-px rack away.
    drag(f.view, QPointF(300, 3600), QPointF(300, 9000));
    QCOMPARE(f.doc->selection(), QStringList{"b01"});
    QCOMPARE(f.doc->undo_stack()->count(), 0);
    // A rubber band from the floor takes the racks it meets, from the layout.
    drag(f.view, QPointF(-3000, -3000), QPointF(2500, 2000));  // row B begins at y = 3,000 mm
    QCOMPARE(f.doc->selection(), (QStringList{"a02", "a01"}));  // design order
    // Back in, the items carry the selection.
    f.view.zoom_to_fit();
    f.view.viewport()->grab();
    QVERIFY(scene->rack_item("a01")->isSelected());
    QVERIFY(!scene->rack_item("b01")->isSelected());
  }

  void zoom_and_modes() {
    Fixture f;
    const double fitted = f.view.zoom();
    f.view.zoom_in();
    QVERIFY(f.view.zoom() > fitted);
    f.view.zoom_out();
    QVERIFY(qAbs(f.view.zoom() - fitted) < fitted * 1e-9);

    // The wheel zooms around the cursor: the floor point under it stays under it.
    const QPoint cursor = f.view.mapFromScene(QPointF(300, 3600));
    const QPointF under = f.view.mapToScene(cursor);
    QWheelEvent wheel(QPointF(cursor), QPointF(f.view.viewport()->mapToGlobal(cursor)), QPoint(), QPoint(0, 240),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(f.view.viewport(), &wheel);
    QVERIFY(f.view.zoom() > fitted * 1.3);
    QVERIFY((f.view.mapToScene(cursor) - under).manhattanLength() < 2 / f.view.zoom());

    // The middle button drags the floor along.
    const int h = f.view.horizontalScrollBar()->value(), v = f.view.verticalScrollBar()->value();
    QWidget* vp = f.view.viewport();
    QTest::mousePress(vp, Qt::MiddleButton, {}, QPoint(400, 300));
    QTest::mouseMove(vp, QPoint(380, 290));
    QTest::mouseRelease(vp, Qt::MiddleButton, {}, QPoint(380, 290));
    QCOMPARE(f.view.horizontalScrollBar()->value(), h + 20);
    QCOMPARE(f.view.verticalScrollBar()->value(), v + 10);

    QSignalSpy modes(&f.view, &FloorPlanView::mode_changed);
    f.view.set_mode(FloorColorMode::HeatVsCooling);
    QCOMPARE(modes.count(), 1);
    QCOMPARE(f.view.floor_scene()->legend_scale().limit(), 100.0);
    QCOMPARE(f.view.floor_scene()->legend_scale().unit(), QStringLiteral("%"));
  }
};

QTEST_MAIN(FloorPlanTest)
#include "floor_plan_test.moc"
