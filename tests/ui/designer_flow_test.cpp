// The designer end to end, through the real main window (issue 6, "Done when"): open a sample,
// drop a server into a rack, undo and redo, connect a port, see the power figure change, save and
// reload, and refuse an invalid drop.

#include <QAction>
#include <QFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

#include "catalog_mime.h"
#include "connect_dialog.h"
#include "design_document.h"
#include "main_window.h"
#include "summary_panel.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

int devices_in(const Design& d, const std::string& rack_id) {
  for (const auto& r : d.racks)
    if (r.id == rack_id) return static_cast<int>(r.devices.size());
  return -1;
}

QString summary_line(MainWindow& w, const QString& label) {
  for (const QString& line : w.summary_panel()->summary_text().split('\n'))
    if (line.startsWith(label + '\t')) return line.section('\t', 1);
  return {};
}

// A menu action by the start of its text ("Undo" finds "Undo Mount nvidia-dgx-h100-1 ...").
QAction* action_named(MainWindow& w, const QString& text) {
  for (QAction* a : w.findChildren<QAction*>())
    if (a->text().remove('&').startsWith(text)) return a;
  return nullptr;
}

}  // namespace

class DesignerFlowTest : public QObject {
  Q_OBJECT

 private slots:
  void open_edit_undo_connect_save_reload() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lab.cluster.json"));
    QVERIFY(QFile::copy(test::sample_path("lab-4x-dgx-h100.cluster.json"), path));

    MainWindow window(test::test_catalog());
    window.set_interactive(false);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.open_file(path));
    DesignDocument* doc = window.document();
    QVERIFY(doc);
    QCOMPARE(doc->report().summary.gpus, 32);
    const double dgx_max_w = *test::test_catalog().mountable("nvidia-dgx-h100")->max_power_w;
    const double it_max_before = doc->report().power.it_max_w;
    QCOMPARE(summary_line(window, QStringLiteral("IT power (max)")),
             QStringLiteral("%1 kW").arg(it_max_before / 1000, 0, 'f', 1));

    // Show rack a01 in the Racks tab and drop a DGX H100 from the catalog at U33 (U33–U40 free).
    window.view_tabs()->setCurrentWidget(window.rack_view());
    QVERIFY(window.select_object(QStringLiteral("a01")));
    RackElevationView& racks = *window.rack_view();
    QVERIFY(racks.shown_racks().contains(QStringLiteral("a01")));
    std::unique_ptr<QMimeData> dgx(make_catalog_mime(QStringLiteral("nvidia-dgx-h100")));
    QVERIFY(test::drop(racks, dgx.get(), test::slot_centre(racks, "a01", 33)));
    QCOMPARE(devices_in(doc->design(), "a01"), 10);
    QVERIFY(window.isWindowModified());

    // The analysis reruns by itself; the power figure on screen follows.
    QTRY_VERIFY_WITH_TIMEOUT(!doc->report_is_stale(), 5000);
    QCOMPARE(doc->report().summary.gpus, 40);
    QCOMPARE(doc->report().power.it_max_w, it_max_before + dgx_max_w);
    QCOMPARE(summary_line(window, QStringLiteral("IT power (max)")),
             QStringLiteral("%1 kW").arg((it_max_before + dgx_max_w) / 1000, 0, 'f', 1));
    QCOMPARE(summary_line(window, QStringLiteral("GPUs")), QStringLiteral("40"));

    // Undo and redo from the Edit menu.
    QAction* undo = action_named(window, QStringLiteral("Undo"));
    QVERIFY(undo);
    undo->trigger();
    QCOMPARE(devices_in(doc->design(), "a01"), 9);
    QTRY_COMPARE_WITH_TIMEOUT(summary_line(window, QStringLiteral("GPUs")), QStringLiteral("32"), 5000);
    QAction* redo = action_named(window, QStringLiteral("Redo"));
    QVERIFY(redo);
    redo->trigger();
    QCOMPARE(devices_in(doc->design(), "a01"), 10);
    QTRY_COMPARE_WITH_TIMEOUT(summary_line(window, QStringLiteral("GPUs")), QStringLiteral("40"), 5000);
    const std::string added = doc->selection().value(0).toStdString();
    QCOMPARE(added, std::string("nvidia-dgx-h100-1"));

    // An invalid drop (U1 holds dgx-01) is refused with the reason and changes nothing.
    const Design before_refusal = doc->design();
    const int steps = doc->undo_stack()->count();
    QVERIFY(!test::drop(racks, dgx.get(), test::slot_centre(racks, "a01", 1)));
    QVERIFY(doc->design() == before_refusal);
    QCOMPARE(doc->undo_stack()->count(), steps);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("dgx-01")),
             qPrintable(window.statusBar()->currentMessage()));

    // Connect the new server's first compute port to the leaf.
    const std::size_t links = doc->design().links.size();
    ConnectDialog connect(*doc, &window);
    connect.set_ends({added, "compute1"}, {"leaf-01", {}});
    QVERIFY2(connect.proposal(), qPrintable(connect.reason()));
    connect.accept();
    QCOMPARE(doc->design().links.size(), links + 1);

    // Save, then reopen: the same design, and the window is clean.
    QVERIFY(window.save_to(path));
    QVERIFY(!window.isWindowModified());
    const Design saved = doc->design();
    QVERIFY(window.open_file(path));
    QVERIFY(window.document()->design() == saved);
    QCOMPARE(window.document()->report().summary.gpus, 40);
  }
};

QTEST_MAIN(DesignerFlowTest)
#include "designer_flow_test.moc"
