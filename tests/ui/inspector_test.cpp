// Inspector: the selection's properties come from the core's field tables; an edit through the
// model is one set_property undo step; a refusal changes nothing and shows the core's reason; a
// multi-selection edits a common key of all objects in one undo step.

#include "inspector_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include "inspector_model.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

const Device& device(const Design& d, const std::string& id) {
  for (const auto& r : d.racks)
    for (const auto& dev : r.devices)
      if (dev.id == id) return dev;
  throw std::runtime_error("no device " + id);
}

const Rack& rack(const Design& d, const std::string& id) {
  for (const auto& r : d.racks)
    if (r.id == id) return r;
  throw std::runtime_error("no rack " + id);
}

}  // namespace

class InspectorTest : public QObject {
  Q_OBJECT

 private slots:
  void shows_the_selected_devices_properties() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorPanel panel;
    panel.set_document(doc.get());
    doc->set_selection({QStringLiteral("dgx-02")});
    InspectorModel* m = panel.model();
    QCOMPARE(m->title(), QStringLiteral("Device dgx-02"));
    QCOMPARE(m->value_index(QStringLiteral("id")).data().toString(), QStringLiteral("dgx-02"));
    QCOMPARE(m->value_index(QStringLiteral("u")).data(Qt::EditRole).toInt(), 9);
    QCOMPARE(m->value_index(QStringLiteral("face")).data().toString(), QStringLiteral("front"));
    QCOMPARE(m->value_index(QStringLiteral("face")).data(InspectorModel::ChoicesRole).toStringList(),
             (QStringList{QStringLiteral("front"), QStringLiteral("rear")}));
    // The id is shown but not editable; the name is.
    QVERIFY(!(m->flags(m->value_index(QStringLiteral("id"))) & Qt::ItemIsEditable));
    QVERIFY(m->flags(m->value_index(QStringLiteral("name"))) & Qt::ItemIsEditable);
    // Derived facts from the catalog: DGX H100 is 8U with a 10.2 kW maximum and 8 GPUs.
    const QModelIndex facts = m->index(1, 0);
    QStringList lines;
    for (int r = 0; r < m->rowCount(facts); ++r)
      lines << m->index(r, 0, facts).data().toString() + QLatin1Char('=') +
                   m->index(r, 1, facts).data().toString();
    QVERIFY2(lines.contains(QStringLiteral("Height=8 U")), qPrintable(lines.join(QLatin1Char(','))));
    QVERIFY2(lines.contains(QStringLiteral("Max power=10.2 kW")), qPrintable(lines.join(QLatin1Char(','))));
    QVERIFY2(lines.contains(QStringLiteral("GPUs=8")), qPrintable(lines.join(QLatin1Char(','))));
  }

  void nothing_selected_shows_the_design_site_and_assumptions() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorModel m;
    m.set_document(doc.get());
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.value_index(QStringLiteral("name")).data().toString(), QStringLiteral("Tiny test design"));
    QCOMPARE(m.value_index(QStringLiteral("voltage_v"), 1).data().toString(), QStringLiteral("415 V"));
    QVERIFY(m.setData(m.value_index(QStringLiteral("rack_pitch_m"), 1), 0.8));
    QCOMPARE(doc->design().site.rack_pitch_m, 0.8);
  }

  void editing_the_name_is_one_undo_step() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorModel m;
    m.set_document(doc.get());
    doc->set_selection({QStringLiteral("dgx-01")});
    const Design before = doc->design();
    QVERIFY(m.setData(m.value_index(QStringLiteral("name")), QStringLiteral("Node one")));
    QCOMPARE(device(doc->design(), "dgx-01").name, std::string("Node one"));
    QCOMPARE(doc->undo_stack()->count(), 1);
    // The model follows the design.
    QCOMPARE(m.value_index(QStringLiteral("name")).data().toString(), QStringLiteral("Node one"));
    doc->undo_stack()->undo();
    QVERIFY(doc->design() == before);
    QCOMPARE(m.value_index(QStringLiteral("name")).data().toString(), QString());
    // Setting the value it already has makes no undo step.
    QVERIFY(m.setData(m.value_index(QStringLiteral("u")), 1));
    QCOMPARE(doc->undo_stack()->index(), 0);
  }

  void an_overlapping_u_is_refused_with_the_reason() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorPanel panel;
    panel.set_document(doc.get());
    QSignalSpy messages(&panel, &InspectorPanel::message);
    doc->set_selection({QStringLiteral("dgx-01")});
    const Design before = doc->design();
    InspectorModel* m = panel.model();
    // dgx-02 (8U) occupies U9-U16 of a01: an 8U device at U5 would overlap it.
    QVERIFY(!m->setData(m->value_index(QStringLiteral("u")), 5));
    QVERIFY(doc->design() == before);
    QCOMPARE(doc->undo_stack()->count(), 0);
    const QString reason = m->value_index(QStringLiteral("u")).data(InspectorModel::RefusalRole).toString();
    QVERIFY(!reason.isEmpty());
    QCOMPARE(reason, doc->last_refusal());
    QVERIFY(panel.refusal_text().contains(reason));
    QCOMPARE(messages.count(), 1);
    // The editor reverts: the model still shows the design's value.
    QCOMPARE(m->value_index(QStringLiteral("u")).data(Qt::EditRole).toInt(), 1);
    // A good edit clears the refusal.
    QVERIFY(m->setData(m->value_index(QStringLiteral("u")), 17));
    QCOMPARE(device(doc->design(), "dgx-01").u, 17);
    QVERIFY(panel.refusal_text().isEmpty());
    QVERIFY(m->value_index(QStringLiteral("u")).data(InspectorModel::RefusalRole).toString().isEmpty());
  }

  void two_racks_share_their_common_keys_and_change_together() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorModel m;
    m.set_document(doc.get());
    doc->set_selection({QStringLiteral("a01"), QStringLiteral("a02")});
    QCOMPARE(m.title(), QStringLiteral("2 racks"));
    QVERIFY(!m.value_index(QStringLiteral("id")).isValid());  // ids are never common
    // a01 has a 45 kW limit, a02 none: mixed.
    QVERIFY(m.value_index(QStringLiteral("power_limit_kw")).data(InspectorModel::MixedRole).toBool());
    QCOMPARE(m.value_index(QStringLiteral("row")).data().toString(), QStringLiteral("row-a"));
    QVERIFY(m.setData(m.value_index(QStringLiteral("power_limit_kw")), 50.0));
    QCOMPARE(doc->undo_stack()->count(), 1);
    QCOMPARE(rack(doc->design(), "a01").power_limit_w, std::optional<double>(50000.0));
    QCOMPARE(rack(doc->design(), "a02").power_limit_w, std::optional<double>(50000.0));
    QVERIFY(!m.value_index(QStringLiteral("power_limit_kw")).data(InspectorModel::MixedRole).toBool());
    QCOMPARE(m.value_index(QStringLiteral("power_limit_kw")).data().toString(), QStringLiteral("50 kW"));
    doc->undo_stack()->undo();
    QCOMPARE(rack(doc->design(), "a01").power_limit_w, std::optional<double>(45000.0));
    QVERIFY(!rack(doc->design(), "a02").power_limit_w);
  }

  void a_multi_edit_is_all_or_nothing() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorModel m;
    m.set_document(doc.get());
    // Moving both DGX of a01 to U1 would stack them: refused as a whole.
    doc->set_selection({QStringLiteral("dgx-01"), QStringLiteral("dgx-02")});
    const Design before = doc->design();
    QVERIFY(!m.setData(m.value_index(QStringLiteral("u")), 1));
    QVERIFY(doc->design() == before);
    QCOMPARE(doc->undo_stack()->count(), 0);
    QVERIFY(!m.last_refusal().isEmpty());
  }

  void the_racks_it_power_comes_from_the_report() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorModel m;
    m.set_document(doc.get());
    doc->set_selection({QStringLiteral("a02")});
    const QModelIndex facts = m.index(1, 0);
    QString power;
    for (int r = 0; r < m.rowCount(facts); ++r)
      if (m.index(r, 0, facts).data().toString() == QStringLiteral("IT power (max)"))
        power = m.index(r, 1, facts).data().toString();
    // a02 holds one DGX H100: 10.2 kW nameplate maximum.
    QCOMPARE(power, QStringLiteral("10.2 kW"));
  }

  void each_type_gets_its_editor() {
    auto doc = test::document_from_text(test::kTinyDesign);
    InspectorPanel panel;
    panel.set_document(doc.get());
    doc->set_selection({QStringLiteral("a01-pdu-a")});
    InspectorModel* m = panel.model();
    QAbstractItemDelegate* delegate = panel.view()->itemDelegate();
    QWidget parent;
    const QModelIndex u = m->value_index(QStringLiteral("u"));
    auto* spin = qobject_cast<QSpinBox*>(delegate->createEditor(&parent, {}, u));
    QVERIFY(spin);
    QCOMPARE(spin->maximum(), 60);  // the field table's range
    auto* face = qobject_cast<QComboBox*>(delegate->createEditor(&parent, {}, m->value_index(QStringLiteral("face"))));
    QVERIFY(face);
    QCOMPARE(face->count(), 2);
    auto* feed = qobject_cast<QComboBox*>(delegate->createEditor(&parent, {}, m->value_index(QStringLiteral("feed"))));
    QVERIFY(feed);
    delegate->setEditorData(feed, m->value_index(QStringLiteral("feed")));
    QCOMPARE(feed->currentData().toString(), QStringLiteral("feed-a"));
    // Committing through the editor: the PDU moves to the front face.
    delegate->setEditorData(face, m->value_index(QStringLiteral("face")));
    QCOMPARE(face->currentText(), QStringLiteral("rear"));
    face->setCurrentIndex(face->findData(QStringLiteral("front")));
    delegate->setModelData(face, m, m->value_index(QStringLiteral("face")));
    QCOMPARE(device(doc->design(), "a01-pdu-a").face, Face::Front);

    doc->set_selection({QStringLiteral("a01")});
    auto* limit = qobject_cast<QDoubleSpinBox*>(
        delegate->createEditor(&parent, {}, m->value_index(QStringLiteral("power_limit_kw"))));
    QVERIFY(limit);
    QCOMPARE(limit->suffix(), QStringLiteral(" kW"));
  }

  void nothing_open_is_an_empty_tree() {
    InspectorPanel panel;
    panel.set_document(nullptr);
    QCOMPARE(panel.model()->rowCount(), 0);
    auto doc = test::document_from_text(test::kTinyDesign);
    panel.set_document(doc.get());
    QCOMPARE(panel.model()->rowCount(), 3);
    doc.reset();
    QCOMPARE(panel.model()->rowCount(), 0);
  }
};

QTEST_MAIN(InspectorTest)
#include "inspector_test.moc"
