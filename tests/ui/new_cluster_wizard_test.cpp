// NewClusterWizard: the fields make the core's ClusterRequest, the preview shows the core's counts
// of the generated design, a refused request shows the generator's reason and blocks Create, and
// the result is the generated design.

#include "new_cluster_wizard.h"

#include <QComboBox>
#include <QLocale>
#include <QSpinBox>
#include <QTest>

#include "analysis/summary.h"
#include "ui_test_support.h"
#include "unit_format.h"

using namespace cf;
using namespace cf::ui;
using F = NewClusterWizard::Figure;

namespace {

void choose(QComboBox* combo, const char* id) {
  const int i = combo->findData(QString::fromUtf8(id));
  QVERIFY2(i >= 0, id);
  combo->setCurrentIndex(i);
}

}  // namespace

class NewClusterWizardTest : public QObject {
  Q_OBJECT

 private slots:
  void lists_gpu_servers_and_fabric_switches_from_the_catalog() {
    NewClusterWizard w(test::test_catalog());
    QVERIFY(w.server_combo()->findData(QStringLiteral("nvidia-dgx-h100")) >= 0);
    // The UFM appliance has no GPUs: not a choice.
    QCOMPARE(w.server_combo()->findData(QStringLiteral("nvidia-ufm-appliance-ndr")), -1);
    QVERIFY(w.switch_combo()->findData(QStringLiteral("nvidia-qm9700")) >= 0);
    QCOMPARE(w.cooling_combo()->count(), 3);
  }

  void two_tiers_of_256_dgx_h100_preview_what_the_core_counts() {
    NewClusterWizard w(test::test_catalog());
    w.gpus_box()->setValue(256);
    choose(w.server_combo(), "nvidia-dgx-h100");
    choose(w.switch_combo(), "nvidia-qm9700");
    w.tiers_combo()->setCurrentIndex(w.tiers_combo()->findData(2));
    const ClusterRequest r = w.request();
    QCOMPARE(*r.gpus, 256);
    QCOMPARE(r.tiers, 2);
    QCOMPARE(r.server_id, std::string("nvidia-dgx-h100"));
    // The live preview follows by itself.
    QTRY_VERIFY_WITH_TIMEOUT(w.generated() != nullptr, 5000);
    QVERIFY(w.error_text().isEmpty());

    const DesignSummary s = summarize(w.generated()->design, test::test_catalog());
    QCOMPARE(s.gpus, 256);    // 32 DGX H100 x 8
    QCOMPARE(s.servers, 32);
    const QLocale l;
    QCOMPARE(w.figure_text(F::Gpus), l.toString(s.gpus));
    QCOMPARE(w.figure_text(F::Servers), l.toString(s.servers));
    QCOMPARE(w.figure_text(F::Switches), l.toString(s.switches));
    QCOMPARE(w.figure_text(F::Racks), l.toString(s.racks));
    QCOMPARE(w.figure_text(F::Links), l.toString(s.links));
    QCOMPARE(w.figure_text(F::ItPower), format_kw(s.it_max_w) + QStringLiteral(" kW"));
    // 32 servers, 8 rails, QM9700 (64 ports, 32 down at 1:1): the UFM takes one endpoint slot of
    // the first unit (as in the SuperPOD's 31-node SU), so 31 + 1 servers make two units of 8
    // leaves each.
    const ClosPlan& plan = w.generated()->planes.at(0);
    QCOMPARE(plan.tiers, 2);
    QCOMPARE(w.figure_text(F::Leaves), l.toString(plan.leaves));
    QCOMPARE(plan.leaves, 16);
    QCOMPARE(w.figure_text(F::Cores), l.toString(0));

    QVERIFY(w.generate_now());
    w.accept();
    QCOMPARE(w.result(), int(QDialog::Accepted));
    const Design d = w.take_design();
    QCOMPARE(summarize(d, test::test_catalog()).gpus, 256);
  }

  void a_request_the_core_refuses_shows_its_reason_and_blocks_create() {
    NewClusterWizard w(test::test_catalog());
    choose(w.server_combo(), "nvidia-dgx-h100");
    choose(w.switch_combo(), "nvidia-qm9700");
    w.tiers_combo()->setCurrentIndex(w.tiers_combo()->findData(2));
    // Two tiers of 64-port switches reach 64 x 32 = 2,048 servers per rail: 20,000 DGX do not fit.
    w.gpus_box()->setValue(160000);
    QVERIFY(w.generated() == nullptr);  // too large to preview live
    QVERIFY(!w.generate_now());
    QVERIFY(!w.error_text().isEmpty());
    QCOMPARE(w.figure_text(F::Gpus), QString::fromUtf16(kUnknownFigure));
    w.accept();
    QVERIFY(w.result() != int(QDialog::Accepted));
    QVERIFY(w.take_design().racks.empty());
  }

  void the_request_round_trips_through_the_fields() {
    NewClusterWizard w(test::test_catalog());
    ClusterRequest r;
    r.gpus = 1024;
    r.server_id = "supermicro-as-8125gs-tnmr2";
    r.switch_id = "nvidia-sn5600";
    r.tiers = 3;
    r.leaf_oversubscription = 2;
    r.spine_oversubscription = 1.5;
    r.planes = 2;
    r.cooling = CoolingChoice::Liquid;
    r.servers_per_rack = 4;
    r.service_fabrics = false;
    r.leaves_at_row_end = true;
    r.name = "Test cluster";
    w.set_request(r);
    const ClusterRequest back = w.request();
    QCOMPARE(*back.gpus, 1024);
    QCOMPARE(back.server_id, r.server_id);
    QCOMPARE(back.switch_id, r.switch_id);
    QCOMPARE(back.tiers, 3);
    QCOMPARE(back.leaf_oversubscription, 2.0);
    QCOMPARE(back.spine_oversubscription, 1.5);
    QCOMPARE(back.planes, 2);
    QVERIFY(back.cooling == CoolingChoice::Liquid);
    QCOMPARE(back.servers_per_rack, 4);
    QVERIFY(!back.service_fabrics);
    QVERIFY(back.leaves_at_row_end);
    QCOMPARE(back.name, r.name);
  }
};

QTEST_MAIN(NewClusterWizardTest)
#include "new_cluster_wizard_test.moc"
