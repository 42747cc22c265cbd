// DesignDocument: edits as undo steps, refusals that change nothing, the analysis rerunning after
// an edit, the modified state and the shared selection.

#include "design_document.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

class DesignDocumentTest : public QObject {
  Q_OBJECT

 private slots:
  void report_is_current_after_construction() {
    auto doc = test::document_from_text(test::kTinyDesign);
    QCOMPARE(doc->report().summary.gpus, 32);
    QVERIFY(!doc->report_is_stale());
    QCOMPARE(doc->report().problems, check_design(doc->design(), doc->catalog()));
  }

  void an_edit_is_one_undo_step_and_the_analysis_follows() {
    auto doc = test::document_from_text(test::kTinyDesign);
    QSignalSpy reports(doc.get(), &DesignDocument::report_changed);
    const double it_before = doc->report().power.it_max_w;
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QCOMPARE(doc->undo_stack()->count(), 1);
    QVERIFY(doc->report_is_stale());
    QVERIFY(reports.wait(2000));
    QCOMPARE(doc->report().summary.gpus, 24);
    // One DGX H100 less: its catalog maximum, 10.2 kW, leaves the IT maximum.
    QCOMPARE(it_before - doc->report().power.it_max_w, 10200.0);
    doc->undo_stack()->undo();
    doc->refresh_report_now();
    QCOMPARE(doc->report().summary.gpus, 32);
    QCOMPARE(doc->report().power.it_max_w, it_before);
    doc->undo_stack()->redo();
    doc->refresh_report_now();
    QCOMPARE(doc->report().summary.gpus, 24);
  }

  void a_refused_edit_changes_nothing_and_says_why() {
    auto doc = test::document_from_text(test::kTinyDesign);
    const Design before = doc->design();
    QString reason;
    QVERIFY(!doc->apply(move_device("dgx-01", "a01", 9, Face::Front), &reason));
    QVERIFY2(!reason.isEmpty(), "a refusal names its reason");
    QCOMPARE(doc->undo_stack()->count(), 0);
    QVERIFY(doc->design() == before);
  }

  void several_edits_are_all_or_nothing() {
    auto doc = test::document_from_text(test::kTinyDesign);
    const Design before = doc->design();
    std::vector<std::unique_ptr<Edit>> edits;
    edits.push_back(unmount_device("dgx-04"));
    edits.push_back(unmount_device("no-such-device"));
    QVERIFY(!doc->apply_all(QStringLiteral("Remove two"), std::move(edits)));
    QVERIFY(doc->design() == before);

    std::vector<std::unique_ptr<Edit>> good;
    good.push_back(unmount_device("dgx-04"));
    good.push_back(unmount_device("dgx-03"));
    QVERIFY(doc->apply_all(QStringLiteral("Remove two"), std::move(good)));
    QCOMPARE(doc->undo_stack()->count(), 1);
    doc->undo_stack()->undo();
    QVERIFY(doc->design() == before);
  }

  void saving_marks_the_document_clean() {
    QTemporaryDir dir;
    auto doc = test::document_from_text(test::kTinyDesign);
    QVERIFY(doc->is_modified());  // never saved
    QSignalSpy modified(doc.get(), &DesignDocument::modified_changed);
    QVERIFY(doc->save_to(dir.filePath(QStringLiteral("t.cluster.json"))));
    QVERIFY(!doc->is_modified());
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QVERIFY(doc->is_modified());
    doc->undo_stack()->undo();
    QVERIFY(!doc->is_modified());
    QVERIFY(modified.count() >= 2);
  }

  void large_designs_are_analysed_off_the_gui_thread() {
    auto doc = test::document_from_sample("dgx-h100-superpod-4su.cluster.json");
    doc->set_background_analysis_devices(0);
    QSignalSpy reports(doc.get(), &DesignDocument::report_changed);
    const int gpus = doc->report().summary.gpus;
    // Two edits in a row: the first result is dropped, the report matches the final design.
    QVERIFY(doc->apply(unmount_device("su1-dgx01")));
    QVERIFY(doc->apply(unmount_device("su1-dgx02")));
    QVERIFY(doc->report_is_stale());
    QTRY_VERIFY_WITH_TIMEOUT(!doc->report_is_stale(), 10000);
    QCOMPARE(doc->report().summary.gpus, gpus - 16);
    QVERIFY(reports.count() >= 1);
  }

  void a_large_designs_first_analysis_arrives_later() {
    // "Large" from the first device: the tiny design's first analysis runs on a worker thread.
    DesignDocument doc(test::test_catalog(), parse_design_text(test::kTinyDesign), {}, nullptr, 0);
    QSignalSpy reports(&doc, &DesignDocument::report_changed);
    QSignalSpy stale(&doc, &DesignDocument::stale_changed);
    QVERIFY(!doc.has_report());
    QVERIFY(doc.report_is_stale());
    QCOMPARE(doc.report().summary.gpus, 0);  // empty, not a figure: has_report() says so
    QCOMPARE(doc.design().racks.size(), std::size_t{3});  // the design itself is there at once
    QTRY_VERIFY_WITH_TIMEOUT(doc.has_report(), 10000);
    QVERIFY(!doc.report_is_stale());
    QCOMPARE(doc.report().summary.gpus, 32);
    QCOMPARE(reports.count(), 1);
    QCOMPARE(stale.count(), 1);
    QCOMPARE(stale.front().front().toBool(), false);
  }

  void a_snapshot_is_the_design_at_one_version() {
    auto doc = test::document_from_text(test::kTinyDesign);
    const std::shared_ptr<const Design> before = doc->snapshot().result();
    QCOMPARE(doc->snapshot().result().get(), before.get());  // one copy per version, shared
    QCOMPARE(before->racks.size(), std::size_t{3});
    QVERIFY(doc->apply(remove_rack("b01")));
    const std::shared_ptr<const Design> after = doc->snapshot().result();
    QVERIFY(after.get() != before.get());
    QCOMPARE(after->racks.size(), std::size_t{2});
    QCOMPARE(before->racks.size(), std::size_t{3});  // an edit never reaches an older snapshot
    doc->undo_stack()->undo();
    QCOMPARE(doc->snapshot().result()->racks.size(), std::size_t{3});
  }

  void selection_is_shared() {
    auto doc = test::document_from_text(test::kTinyDesign);
    QSignalSpy spy(doc.get(), &DesignDocument::selection_changed);
    doc->set_selection({QStringLiteral("a01")});
    doc->set_selection({QStringLiteral("a01")});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(doc->selection(), QStringList{QStringLiteral("a01")});
  }
};

QTEST_MAIN(DesignDocumentTest)
#include "design_document_test.moc"
