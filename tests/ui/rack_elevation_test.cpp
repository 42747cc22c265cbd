// Rack elevations: devices to scale at their U and face in role colours, which racks the
// selection shows, drops from the catalog (mounted as one undo step; refused ones change nothing
// and say why), moving a device, and clicking to select.

#include "rack_elevation_view.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QPixmapCache>
#include <QTest>
#include <QUndoStack>
#include <memory>

#include "catalog_mime.h"
#include "design/placement.h"
#include "rack_elevation_items.h"
#include "rack_elevation_scene.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;
using cf::ui::test::drop;
using cf::ui::test::slot_centre;

namespace {

using Scene = RackElevationScene;

const Rack& rack(const DesignDocument& doc, const std::string& id) {
  for (const Rack& r : doc.design().racks)
    if (r.id == id) return r;
  throw std::runtime_error("no rack " + id);
}

struct Fixture {
  std::unique_ptr<DesignDocument> doc = test::document_from_text(test::kTinyDesign);
  RackElevationView view;
  Fixture() {
    view.resize(900, 900);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) qFatal("the view was never exposed");
    view.set_document(doc.get());
    view.show_racks({QStringLiteral("a01")});
  }
};

}  // namespace

class RackElevationTest : public QObject {
  Q_OBJECT

 private slots:
  void devices_are_drawn_to_scale_at_their_u_and_face() {
    Fixture f;
    QCOMPARE(f.view.shown_racks(), QStringList{QStringLiteral("a01")});
    Scene* scene = f.view.elevation_scene();
    // Layout by hand: the front face starts right of the 26-unit ruler, below the 48-unit header;
    // a 48U rack at 22 units per U is 1056 high, so U1 ends at y = 48 + 1056 = 1104.
    QCOMPARE(scene->face_rect(QStringLiteral("a01"), Face::Front), QRectF(26, 48, 230, 1056));
    // dgx-01, 8U at U1: U1-U8, from y 1104 - 8 × 22 = 928, 176 high.
    QCOMPARE(scene->device_item(QStringLiteral("dgx-01"), Face::Front)->sceneBoundingRect(),
             QRectF(26, 928, 230, 176));
    // dgx-02, 8U at U9: U9-U16, from y 1104 - 16 × 22 = 752, right on top of dgx-01.
    QCOMPARE(scene->device_item(QStringLiteral("dgx-02"), Face::Front)->sceneBoundingRect(),
             QRectF(26, 752, 230, 176));
    // The rear face: 26 + 230 + 28 (side band) + 12 (gap) + 26 (its ruler) = 322 from the left.
    QCOMPARE(scene->face_rect(QStringLiteral("a01"), Face::Rear), QRectF(322, 48, 230, 1056));
    // A DGX is full depth: seen from the rear too, at the same height, hatched.
    DeviceItem* far = scene->device_item(QStringLiteral("dgx-01"), Face::Rear);
    QVERIFY(far);
    QCOMPARE(far->sceneBoundingRect(), QRectF(322, 928, 230, 176));
    QCOMPARE(far->look(), DeviceItem::Look::FarSide);
    // leaf-01, 1U at U42 on the rear: y 1104 - 42 × 22 = 180.
    QCOMPARE(scene->device_item(QStringLiteral("leaf-01"), Face::Rear)->sceneBoundingRect(),
             QRectF(322, 180, 230, 22));
    QCOMPARE(scene->device_item(QStringLiteral("leaf-01"), Face::Rear)->look(), DeviceItem::Look::Mounted);
    // The zero-U PDU (rear, half depth): a full-height strip in the rear face's side band only.
    QVERIFY(!scene->device_item(QStringLiteral("a01-pdu-a"), Face::Front));
    DeviceItem* pdu = scene->device_item(QStringLiteral("a01-pdu-a"), Face::Rear);
    QCOMPARE(pdu->look(), DeviceItem::Look::Vertical);
    const QRectF strip = pdu->sceneBoundingRect();
    QVERIFY(strip.left() >= 322 + 230 && strip.right() <= 322 + 230 + 28);
    QCOMPARE(strip.top(), 48.0);
    QCOMPARE(strip.height(), 1056.0);
    // Other racks' devices are not drawn.
    QVERIFY(!scene->device_item(QStringLiteral("dgx-03"), Face::Front));
  }

  void on_screen_pixmaps_in_exports_vectors() {
    Fixture f;
    // The view's scene keeps its devices as pixmaps (a repaint draws those) ...
    const DeviceItem* shown = f.view.elevation_scene()->device_item(QStringLiteral("dgx-01"), Face::Front);
    QVERIFY(shown);
    QCOMPARE(shown->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    QVERIFY(QPixmapCache::cacheLimit() >= 64 * 1024);  // room for more than a frame of them
    // ... a scene of its own, as the exports make, draws vectors.
    Scene for_export(test::test_catalog());
    for_export.set_racks(f.doc->design(), {QStringLiteral("a01")});
    QCOMPARE(for_export.device_item(QStringLiteral("dgx-01"), Face::Front)->cacheMode(), QGraphicsItem::NoCache);
  }

  void devices_wear_their_role_colour() {
    Fixture f;
    Scene* scene = f.view.elevation_scene();
    // Okabe-Ito: compute blue, switch orange, power yellow.
    QCOMPARE(scene->device_item(QStringLiteral("dgx-01"), Face::Front)->fill(), QColor(0x00, 0x72, 0xB2));
    QCOMPARE(scene->device_item(QStringLiteral("leaf-01"), Face::Rear)->fill(), QColor(0xE6, 0x9F, 0x00));
    QCOMPARE(scene->device_item(QStringLiteral("a01-pdu-a"), Face::Rear)->fill(), QColor(0xF0, 0xE4, 0x42));
    QVERIFY(scene->device_item(QStringLiteral("dgx-01"), Face::Front)->toolTip().contains(QStringLiteral("10.2 kW")));
  }

  void the_selection_picks_the_racks() {
    auto doc = test::document_from_text(test::kTinyDesign);
    RackElevationView view;
    view.set_document(doc.get());
    // Nothing selected: the first racks by row and position (a02 comes first in the file).
    QCOMPARE(view.shown_racks(), (QStringList{"a01", "a02", "b01"}));
    // A device among the racks shown keeps them, outlined.
    doc->set_selection({QStringLiteral("dgx-03")});
    QCOMPARE(view.shown_racks(), (QStringList{"a01", "a02", "b01"}));
    QVERIFY(view.elevation_scene()->device_item(QStringLiteral("dgx-03"), Face::Front)->highlighted());
    QVERIFY(!view.elevation_scene()->device_item(QStringLiteral("dgx-01"), Face::Front)->highlighted());
    // A row shows its racks by position.
    doc->set_selection({QStringLiteral("row-b")});
    QCOMPARE(view.shown_racks(), QStringList{QStringLiteral("b01")});
    // A device elsewhere shows its rack.
    doc->set_selection({QStringLiteral("dgx-03")});
    QCOMPARE(view.shown_racks(), QStringList{QStringLiteral("a02")});
    doc->set_selection({QStringLiteral("row-a")});
    QCOMPARE(view.shown_racks(), (QStringList{"a01", "a02"}));
    // Nothing selected, or an object that is in no rack: the racks stay.
    doc->set_selection({});
    doc->set_selection({QStringLiteral("feed-a")});
    QCOMPARE(view.shown_racks(), (QStringList{"a01", "a02"}));
    doc->set_selection({QStringLiteral("dgx-01"), QStringLiteral("a02")});
    QCOMPARE(view.racks_for(doc->selection()), (QStringList{"a01", "a02"}));
  }

  void a_catalog_drop_mounts_one_device_as_one_undo_step() {
    Fixture f;
    QSignalSpy messages(&f.view, &RackElevationView::message);
    QCOMPARE(f.doc->report().summary.gpus, 32);
    const auto* dgx = f.doc->catalog().server("nvidia-dgx-h100");
    std::unique_ptr<QMimeData> mime(make_catalog_mime(QStringLiteral("nvidia-dgx-h100")));
    // U17 is the first free U above dgx-02.
    QVERIFY(drop(f.view, mime.get(), slot_centre(f.view, "a01", 17)));
    QCOMPARE(rack(*f.doc, "a01").devices.size(), std::size_t{5});
    const Device& added = rack(*f.doc, "a01").devices.back();
    QCOMPARE(added.catalog_id, std::string("nvidia-dgx-h100"));
    QCOMPARE(added.u, 17);
    QCOMPARE(added.face, Face::Front);
    QCOMPARE(added.id, std::string("nvidia-dgx-h100-1"));
    QCOMPARE(f.doc->undo_stack()->count(), 1);
    QCOMPARE(f.doc->selection(), QStringList{QStringLiteral("nvidia-dgx-h100-1")});
    QCOMPARE(messages.count(), 1);
    // It is drawn at once: U17-U24, y 1104 - 24 × 22 = 576.
    QCOMPARE(f.view.elevation_scene()->device_item(QStringLiteral("nvidia-dgx-h100-1"), Face::Front)->sceneBoundingRect(),
             QRectF(26, 576, 230, 176));
    f.doc->refresh_report_now();
    QCOMPARE(f.doc->report().summary.gpus, 32 + dgx->gpus);

    f.doc->undo_stack()->undo();
    f.doc->refresh_report_now();
    QCOMPARE(rack(*f.doc, "a01").devices.size(), std::size_t{4});
    QCOMPARE(f.doc->report().summary.gpus, 32);
    QVERIFY(!f.view.elevation_scene()->device_item(QStringLiteral("nvidia-dgx-h100-1"), Face::Front));
    f.doc->undo_stack()->redo();
    f.doc->refresh_report_now();
    QCOMPARE(rack(*f.doc, "a01").devices.size(), std::size_t{5});
    QCOMPARE(f.doc->report().summary.gpus, 40);
  }

  void a_zero_u_pdu_drops_at_the_side() {
    Fixture f;
    std::unique_ptr<QMimeData> mime(make_catalog_mime(QStringLiteral("apc-ap8888")));
    QVERIFY(drop(f.view, mime.get(), slot_centre(f.view, "a01", 20, Face::Front)));
    const Device& added = rack(*f.doc, "a01").devices.back();
    QCOMPARE(added.u, 0);
    QCOMPARE(added.face, Face::Front);
    QCOMPARE(f.view.elevation_scene()->device_item(QString::fromStdString(added.id), Face::Front)->look(),
             DeviceItem::Look::Vertical);
  }

  void invalid_drops_are_refused_with_the_reason() {
    Fixture f;
    QSignalSpy messages(&f.view, &RackElevationView::message);
    const Design before = f.doc->design();
    std::unique_ptr<QMimeData> dgx(make_catalog_mime(QStringLiteral("nvidia-dgx-h100")));

    // Onto dgx-01: U5-U12 overlaps it.
    QVERIFY(!drop(f.view, dgx.get(), slot_centre(f.view, "a01", 5)));
    QVERIFY(f.doc->design() == before);
    QCOMPARE(f.doc->undo_stack()->count(), 0);
    QCOMPARE(messages.count(), 1);
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("U5-U12")) && reason.contains(QStringLiteral("overlaps dgx-01")),
             qPrintable(reason));
    QCOMPARE(f.view.overlay_message(), reason);

    // 8U from U45 would reach U52 of a 48U rack.
    QVERIFY(!drop(f.view, dgx.get(), slot_centre(f.view, "a01", 45)));
    QVERIFY2(messages.last().at(0).toString().contains(QStringLiteral("U52")), qPrintable(messages.last().at(0).toString()));
    // A rack is not something that mounts in a rack.
    std::unique_ptr<QMimeData> a_rack(make_catalog_mime(QStringLiteral("rack-42u-600x1200")));
    QVERIFY(!drop(f.view, a_rack.get(), slot_centre(f.view, "a01", 30)));
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("not something that mounts")));
    // leaf-01 is mounted at the rear but full depth: a DGX on U38-U45 of the front meets it at U42.
    QVERIFY(!drop(f.view, dgx.get(), slot_centre(f.view, "a01", 38)));
    QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("leaf-01")));
    QCOMPARE(messages.count(), 4);
    QVERIFY(f.doc->design() == before);
    QCOMPARE(f.doc->undo_stack()->count(), 0);
  }

  void hovering_shows_where_and_why_not() {
    Fixture f;
    std::unique_ptr<QMimeData> dgx(make_catalog_mime(QStringLiteral("nvidia-dgx-h100")));
    const QPoint pos = f.view.mapFromScene(slot_centre(f.view, "a01", 3));
    QDragEnterEvent enter(pos, Qt::CopyAction, dgx.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view.viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(f.view.overlay_message().contains(QStringLiteral("overlaps dgx-01")));
    const QPoint free_pos = f.view.mapFromScene(slot_centre(f.view, "a01", 20));
    QDragMoveEvent move(free_pos, Qt::CopyAction, dgx.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(f.view.viewport(), &move);
    QVERIFY(move.isAccepted());
    QVERIFY(f.view.overlay_message().isEmpty());
    QDragLeaveEvent leave;
    QApplication::sendEvent(f.view.viewport(), &leave);
  }

  void dragging_a_device_moves_it_in_one_step() {
    Fixture f;
    // Grabbed at its lowest U, dropped on U17: dgx-02 moves from U9 to U17.
    std::unique_ptr<QMimeData> move(make_device_mime({QStringLiteral("dgx-02"), 0}));
    QVERIFY(drop(f.view, move.get(), slot_centre(f.view, "a01", 17)));
    QCOMPARE(find_device(f.doc->design(), "dgx-02")->u, 17);
    QCOMPARE(f.doc->undo_stack()->count(), 1);
    // Grabbed 3 U above its bottom and dropped on U33: the bottom lands on U30.
    std::unique_ptr<QMimeData> grabbed(make_device_mime({QStringLiteral("dgx-02"), 3}));
    QVERIFY(drop(f.view, grabbed.get(), slot_centre(f.view, "a01", 33)));
    QCOMPARE(find_device(f.doc->design(), "dgx-02")->u, 30);
    // Onto dgx-01: refused, stays.
    QVERIFY(!drop(f.view, move.get(), slot_centre(f.view, "a01", 2)));
    QCOMPARE(find_device(f.doc->design(), "dgx-02")->u, 30);
    QCOMPARE(f.doc->undo_stack()->count(), 2);
    f.doc->undo_stack()->undo();
    f.doc->undo_stack()->undo();
    QCOMPARE(find_device(f.doc->design(), "dgx-02")->u, 9);
  }

  void clicking_selects() {
    Fixture f;
    QVERIFY(QTest::qWaitForWindowExposed(&f.view));
    const QRectF dgx = f.view.elevation_scene()->device_item(QStringLiteral("dgx-01"), Face::Front)->sceneBoundingRect();
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.view.mapFromScene(dgx.center()));
    QCOMPARE(f.doc->selection(), QStringList{QStringLiteral("dgx-01")});
    QVERIFY(f.view.elevation_scene()->device_item(QStringLiteral("dgx-01"), Face::Front)->highlighted());
    QVERIFY(f.view.elevation_scene()->device_item(QStringLiteral("dgx-01"), Face::Rear)->highlighted());
    const QRectF leaf = f.view.elevation_scene()->device_item(QStringLiteral("leaf-01"), Face::Rear)->sceneBoundingRect();
    QTest::mouseClick(f.view.viewport(), Qt::LeftButton, Qt::ControlModifier, f.view.mapFromScene(leaf.center()));
    QCOMPARE(f.doc->selection(), (QStringList{"dgx-01", "leaf-01"}));
    QCOMPARE(f.view.shown_racks(), QStringList{QStringLiteral("a01")});
  }
};

QTEST_MAIN(RackElevationTest)
#include "rack_elevation_test.moc"
