// Crash recovery end to end: a child process (this executable in its "crash" role) opens a design
// in the real main window, edits it, autosaves and is killed with SIGKILL. The next session's
// main window offers the copy; answering Yes opens the edited design, unsaved, bound to the
// original file, and the copy is gone; No discards it; Cancel keeps it for the next start.

#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>

#include "autosave.h"
#include "design/edit.h"
#include "main_window.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

const char* const kRoleVariable = "CF_CRASH_RECOVERY_ROLE";
const char* const kDesignVariable = "CF_CRASH_RECOVERY_DESIGN";

// The edit the crashed session made: the lab's first rack renamed.
std::unique_ptr<Edit> the_edit() { return set_property("a01", "name", Json("Renamed before the crash")); }

// The child's role: open, edit, autosave, die without any clean-up.
int crash_after_autosave() {
  MainWindow window(test::test_catalog());
  window.set_interactive(false);
  if (!window.open_file(qEnvironmentVariable(kDesignVariable))) return 2;
  if (!window.document()->apply(the_edit())) return 3;
  if (!window.autosave()->save_now()) return 4;
  std::raise(SIGKILL);
  return 5;
}

// Answers the next modal message box with `button` once it shows.
void answer_next_question(QMessageBox::StandardButton button) {
  QTimer::singleShot(0, [button] {
    for (int tries = 0; tries < 200; ++tries) {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        box->button(button)->click();
        return;
      }
      QTest::qWait(10);
    }
  });
}

}  // namespace

class CrashRecoveryTest : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString design_path_;

  // Runs the child session on a fresh copy of the lab sample; it must die by SIGKILL.
  bool crash_a_session() {
    design_path_ = dir_.filePath(QStringLiteral("lab.cluster.json"));
    QFile::remove(design_path_);
    if (!QFile::copy(test::sample_path("lab-4x-dgx-h100.cluster.json"), design_path_)) return false;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kRoleVariable), QStringLiteral("crash"));
    env.insert(QString::fromLatin1(kDesignVariable), design_path_);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForFinished(60'000)) return false;
    return child.exitStatus() == QProcess::CrashExit;
  }

  static int copies_in(const QString& folder) {
    return static_cast<int>(QDir(folder).entryList({QStringLiteral("*.cluster.json")}, QDir::Files).size());
  }

 private slots:
  void yes_opens_the_edited_design_unsaved_and_removes_the_copy() {
    QVERIFY(crash_a_session());
    Design expected = load_design(design_path_.toStdString());
    QVERIFY(the_edit()->apply(expected, test::test_catalog()));

    MainWindow window(test::test_catalog());
    const QString folder = window.autosave()->folder();
    QCOMPARE(copies_in(folder), 1);
    answer_next_question(QMessageBox::Yes);
    window.offer_recovery();
    QVERIFY(window.document());
    QVERIFY(*window.design() == expected);
    QCOMPARE(window.file_path(), QFileInfo(design_path_).absoluteFilePath());
    QVERIFY2(window.document()->is_modified(), "a recovered design is unsaved until saved");
    QVERIFY2(load_design(design_path_.toStdString()) != expected, "recovery does not write the original");
    QCOMPARE(copies_in(folder), 0);
    window.set_interactive(false);
  }

  void no_discards_the_copy_and_cancel_keeps_it() {
    QVERIFY(crash_a_session());
    {
      MainWindow window(test::test_catalog());
      QCOMPARE(copies_in(window.autosave()->folder()), 1);
      answer_next_question(QMessageBox::Cancel);
      window.offer_recovery();
      QVERIFY(!window.document());
      QCOMPARE(copies_in(window.autosave()->folder()), 1);
    }
    MainWindow window(test::test_catalog());
    answer_next_question(QMessageBox::No);
    window.offer_recovery();
    QVERIFY(!window.document());
    QCOMPARE(copies_in(window.autosave()->folder()), 0);
  }
};

int main(int argc, char** argv) {
  // Every process of this test shares one private data folder (the autosave folder lives there).
  const bool child = qEnvironmentVariableIsSet(kRoleVariable);
  QTemporaryDir data;
  if (!child) qputenv("XDG_DATA_HOME", data.path().toLocal8Bit());
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ClusterForge"));
  QApplication::setOrganizationName(QStringLiteral("ClusterForge"));
  if (child) return crash_after_autosave();
  CrashRecoveryTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "crash_recovery_test.moc"
