// Autosave: a modified document is copied to the autosave folder, the copy is the design, a clean
// save removes it, and a copy whose process is gone is offered for recovery (a live one is not).

#include "autosave.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "design/edit.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

class AutosaveTest : public QObject {
  Q_OBJECT

 private slots:
  void a_modified_document_is_copied_and_a_clean_save_removes_the_copy() {
    QTemporaryDir dir;
    Autosave autosave(dir.filePath(QStringLiteral("autosave")));
    auto doc = test::document_from_text(test::kTinyDesign);
    QVERIFY(doc->save_to(dir.filePath(QStringLiteral("tiny.cluster.json"))));
    autosave.watch(doc.get());
    QVERIFY(!autosave.save_now());  // nothing unsaved
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QVERIFY(autosave.save_now());
    const QString copy = autosave.autosave_path();
    QVERIFY(QFile::exists(copy));
    QVERIFY(load_design(copy.toStdString()) == doc->design());
    // This process owns the copy: it is not offered for recovery.
    QVERIFY(autosave.pending_recoveries().isEmpty());
    QVERIFY(doc->save_to(doc->file_path()));
    QVERIFY(!QFile::exists(copy));
  }

  void a_large_design_is_copied_off_the_gui_thread_as_the_timer_fires() {
    QTemporaryDir dir;
    Autosave autosave(dir.filePath(QStringLiteral("autosave")));
    autosave.set_interval_ms(10);
    // Every design is "large" for this document: its copies are written from its snapshot.
    DesignDocument doc(test::test_catalog(), parse_design_text(test::kTinyDesign), {}, nullptr, 0);
    QVERIFY(doc.is_large());
    QSignalSpy saved(&autosave, &Autosave::saved);
    autosave.watch(&doc);
    QVERIFY(doc.apply(unmount_device("dgx-04")));
    const Design edited = doc.design();
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.front().front().toBool(), true);
    QVERIFY(load_design(autosave.autosave_path().toStdString()) == edited);
    QString note = autosave.autosave_path();
    QVERIFY(QFile::exists(note.replace(QStringLiteral(".cluster.json"), QStringLiteral(".note.json"))));
    // An edit after the copy was taken: the next copy has it.
    QVERIFY(doc.apply(unmount_device("dgx-03")));
    saved.clear();
    QVERIFY(saved.wait(10000));
    autosave.wait_for_background_save();
    QVERIFY(load_design(autosave.autosave_path().toStdString()) == doc.design());
    // Saved cleanly: the copy goes, and a copy still being written cannot bring it back.
    QVERIFY(doc.save_to(dir.filePath(QStringLiteral("large.cluster.json"))));
    QTest::qWait(50);
    QVERIFY(!QFile::exists(autosave.autosave_path()));
    QVERIFY(!QFile::exists(note));
  }

  void a_copy_left_by_a_dead_process_is_offered_then_discarded() {
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("autosave"));
    auto doc = test::document_from_text(test::kTinyDesign);
    QVERIFY(doc->save_to(dir.filePath(QStringLiteral("tiny.cluster.json"))));
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QString left_behind;
    {
      Autosave crashed(folder);
      crashed.watch(doc.get());
      QVERIFY(crashed.save_now());
      // A crash leaves the copy and its note; the lock of a dead process is stale. Keep copies
      // under another name before the destructor (a normal exit) cleans up.
      left_behind = folder + QStringLiteral("/crashed.cluster.json");
      QVERIFY(QFile::copy(crashed.autosave_path(), left_behind));
      QString note = crashed.autosave_path();
      note.replace(QStringLiteral(".cluster.json"), QStringLiteral(".note.json"));
      QVERIFY(QFile::copy(note, folder + QStringLiteral("/crashed.note.json")));
    }
    Autosave next_session(folder);
    const QList<Recovery> offered = next_session.pending_recoveries();
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered.front().autosave_path, left_behind);
    QCOMPARE(offered.front().original_path, doc->file_path());
    QCOMPARE(offered.front().name, QStringLiteral("Tiny test design"));
    QVERIFY(load_design(left_behind.toStdString()) == doc->design());
    Autosave::discard(offered.front());
    QVERIFY(next_session.pending_recoveries().isEmpty());
  }
};

QTEST_MAIN(AutosaveTest)
#include "autosave_test.moc"
