// The Connect dialog: ends from the selection, free ports only, the cable core proposes, one undo
// step, and a refusal that keeps the dialog open with the reason.

#include "connect_dialog.h"

#include <QTest>
#include <QUndoStack>

#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

class ConnectDialogTest : public QObject {
  Q_OBJECT

 private slots:
  void ends_come_from_the_selection() {
    auto doc = test::document_from_text(test::kTinyDesign);
    doc->set_selection({QStringLiteral("dgx-02"), QStringLiteral("leaf-01")});
    ConnectDialog dialog(*doc);
    QVERIFY(dialog.proposal());
    QCOMPARE(dialog.proposal()->a, (PortRef{"dgx-02", "compute1"}));
    QCOMPARE(dialog.proposal()->b, (PortRef{"leaf-01", "p1"}));
  }

  void connecting_adds_one_link_as_one_undo_step() {
    auto doc = test::document_from_text(test::kTinyDesign);
    ConnectDialog dialog(*doc);
    dialog.set_ends({"dgx-01", "compute3"}, {"leaf-01", "p5"});
    QVERIFY2(dialog.proposal(), qPrintable(dialog.reason()));
    QCOMPARE(dialog.proposal()->length_m, 1.5);  // both in a01: an in-rack patch
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(doc->design().links.size(), std::size_t{1});
    QCOMPARE(doc->design().links.front().a, (PortRef{"dgx-01", "compute3"}));
    QCOMPARE(doc->undo_stack()->count(), 1);
    // The port is taken now: a new dialog no longer offers it.
    ConnectDialog next(*doc);
    next.set_ends({"dgx-01", {}}, {"leaf-01", {}});
    QCOMPARE(next.proposal()->a.port, std::string("compute1"));
    QCOMPARE(next.proposal()->b.port, std::string("p1"));
    doc->undo_stack()->undo();
    QVERIFY(doc->design().links.empty());
  }

  void a_refused_link_keeps_the_dialog_open_with_the_reason() {
    auto doc = test::document_from_text(test::kTinyDesign);
    ConnectDialog dialog(*doc);
    dialog.set_ends({"dgx-01", "compute1"}, {"dgx-01", "compute1"});
    QVERIFY(dialog.proposal());
    dialog.accept();
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY2(dialog.reason().contains(QStringLiteral("port to itself")), qPrintable(dialog.reason()));
    QVERIFY(doc->design().links.empty());
    QCOMPARE(doc->undo_stack()->count(), 0);
  }
};

QTEST_MAIN(ConnectDialogTest)
#include "connect_dialog_test.moc"
