// CompareView: the open lab sample against the same design with one DGX H100 less (32 vs 24
// GPUs, −25 %), "only differences", a malformed file that is reported and changes nothing, a
// variant with another server model, the open design followed live, the chart and a training
// projection on each design.

#include "compare_view.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include "comparison_table_model.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

const char* const kLab = "lab-4x-dgx-h100.cluster.json";
const QString kMinus = QStringLiteral("\u2212");

QString models_dir() { return QStringLiteral(CF_SOURCE_DIR "/resources/models"); }

// The lab sample without dgx-04, saved as a design file.
QString lab_minus_one_server(const QTemporaryDir& dir) {
  Design d = load_design(test::sample_path(kLab).toStdString());
  auto edit = unmount_device("dgx-04");
  if (!edit->apply(d, test::test_catalog())) return {};
  d.name = "Lab minus one";
  const QString path = dir.filePath(QStringLiteral("lab-minus-one.cluster.json"));
  save_design(d, path.toStdString());
  return path;
}

QString cell(const CompareView& view, const char* key, int column) {
  const ComparisonTableModel* m = view.table_model();
  const int row = m->row_of(QString::fromLatin1(key));
  if (row < 0) return QStringLiteral("<no row %1>").arg(QString::fromLatin1(key));
  return m->data(m->index(row, column), Qt::DisplayRole).toString();
}

QString value(const CompareView& view, const char* key, int design) {
  return cell(view, key, view.table_model()->value_column(design));
}

QString difference(const CompareView& view, const char* key, int design) {
  return cell(view, key, view.table_model()->difference_column(design));
}

}  // namespace

class CompareViewTest : public QObject {
  Q_OBJECT

 private slots:
  void the_open_design_alone_is_the_baseline() {
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QCOMPARE(view.design_count(), 1);
    QCOMPARE(value(view, "gpus", 0), QStringLiteral("32"));
    QCOMPARE(value(view, "gpu_model", 0), QStringLiteral("H100 SXM5 80GB"));
    // Metric, unit, one value column: no difference column for the baseline.
    QCOMPARE(view.table_model()->columnCount(), 3);
    view.set_document(nullptr);
    QCOMPARE(view.design_count(), 0);
  }

  void one_server_less_shows_32_against_24_and_minus_25_percent() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.add_design_file(lab_minus_one_server(dir)));
    QTRY_VERIFY(!view.is_busy());
    QCOMPARE(view.design_count(), 2);
    QCOMPARE(value(view, "gpus", 0), QStringLiteral("32"));
    QCOMPARE(value(view, "gpus", 1), QStringLiteral("24"));
    QCOMPARE(difference(view, "gpus", 1), QStringLiteral("\u25BC ") + kMinus + QStringLiteral("25.0 %"));
    QCOMPARE(value(view, "servers", 1), QStringLiteral("3"));
    // 4 → 3 of the DGX H100's 10.2 kW nameplate: the nameplate IT power falls by exactly that.
    const ComparisonRow* it = view.comparison().row("it_max_w");
    QVERIFY(it);
    QCOMPARE(*it->delta[1], -10200.0);
    // Less power is better: blue, the accent; its tooltip says so in words as well.
    const ComparisonTableModel* m = view.table_model();
    const QModelIndex it_delta = m->index(m->row_of(QStringLiteral("it_max_w")), m->difference_column(1));
    QCOMPARE(m->data(it_delta, ComparisonTableModel::kVerdictRole).toInt(), 1);
    QCOMPARE(m->data(it_delta, Qt::ForegroundRole).value<QBrush>().color(), ComparisonTableModel::better_color());
    QVERIFY(m->data(it_delta, Qt::ToolTipRole).toString().startsWith(QStringLiteral("Better")));
    // Fewer GPUs is neither better nor worse: no colour.
    const QModelIndex gpu_delta = m->index(m->row_of(QStringLiteral("gpus")), m->difference_column(1));
    QVERIFY(!m->data(gpu_delta, Qt::ForegroundRole).isValid());
    // The inventory says why: one DGX H100 less.
    QCOMPARE(value(view, "inventory:Servers:nvidia-dgx-h100", 1), QStringLiteral("3"));
    QCOMPARE(difference(view, "inventory:Servers:nvidia-dgx-h100", 1), QStringLiteral("\u25BC ") + kMinus + "1");
    // A figure neither design has shows the dash, never a zero.
    QCOMPARE(value(view, "oversubscription_leaf", 1), QStringLiteral("\u2014"));
  }

  void only_differences_hides_the_rows_where_both_agree() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.add_design_file(lab_minus_one_server(dir)));
    QTRY_VERIFY(!view.is_busy());
    const ComparisonTableModel* m = view.table_model();
    const int all_rows = m->rowCount();
    QVERIFY(m->row_of(QStringLiteral("racks")) >= 0);
    view.set_only_differences(true);
    QVERIFY(m->rowCount() < all_rows);
    QVERIFY(m->row_of(QStringLiteral("gpus")) >= 0);
    QVERIFY(m->row_of(QStringLiteral("it_max_w")) >= 0);
    // One rack, one leaf and the same GPU in both.
    QCOMPARE(m->row_of(QStringLiteral("racks")), -1);
    QCOMPARE(m->row_of(QStringLiteral("switches")), -1);
    QCOMPARE(m->row_of(QStringLiteral("gpu_model")), -1);
    QCOMPARE(m->row_of(QStringLiteral("inventory:Switches:nvidia-qm9700")), -1);
    // Every visible metric row differs.
    for (int r = 0; r < m->rowCount(); ++r) {
      const QString key = m->data(m->index(r, 0), ComparisonTableModel::kKeyRole).toString();
      if (key.isEmpty() || key.startsWith(QStringLiteral("inventory:"))) continue;
      QVERIFY2(view.comparison().row(key.toStdString())->differs, qPrintable(key));
    }
    view.set_only_differences(false);
    QCOMPARE(m->rowCount(), all_rows);
  }

  void a_malformed_file_is_reported_and_changes_nothing() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QSignalSpy messages(&view, &CompareView::message);
    const QString bad = dir.filePath(QStringLiteral("broken.cluster.json"));
    {
      QFile f(bad);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("{\"format\": \"clusterforge-design\", \"version\": 2, \"racks\": [ {");
    }
    const int rows = view.table_model()->rowCount();
    QVERIFY(!view.add_design_file(bad));
    QCOMPARE(messages.count(), 1);
    QVERIFY2(view.last_error().contains(QStringLiteral("broken.cluster.json")), qPrintable(view.last_error()));
    QVERIFY(!view.is_busy());
    QCOMPARE(view.design_count(), 1);
    QCOMPARE(view.table_model()->rowCount(), rows);
    QCOMPARE(value(view, "gpus", 0), QStringLiteral("32"));
    QVERIFY(!view.add_design_file(dir.filePath(QStringLiteral("missing.cluster.json"))));
    QCOMPARE(view.design_count(), 1);
  }

  void a_variant_with_another_server_model_shows_its_gpu_and_power() {
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.add_variant(QStringLiteral("nvidia-dgx-h100"), QStringLiteral("supermicro-as-8125gs-tnmr2")));
    QTRY_VERIFY(!view.is_busy());
    QCOMPARE(view.design_count(), 2);
    QCOMPARE(value(view, "gpu_model", 0), QStringLiteral("H100 SXM5 80GB"));
    QCOMPARE(value(view, "gpu_model", 1), QStringLiteral("Instinct MI300X"));
    QCOMPARE(difference(view, "gpu_model", 1), QStringLiteral("differs"));
    QCOMPARE(value(view, "gpus", 1), QStringLiteral("32"));
    // 4 × (10.2 − 9.0) kW of nameplate less (the catalog's system maxima).
    QCOMPARE(*view.comparison().row("it_max_w")->delta[1], -4800.0);
    QVERIFY(view.comparison().row("it_w")->differs);
    // The open design is untouched: a variant is a copy.
    QCOMPARE(doc->undo_stack()->count(), 0);
    QCOMPARE(doc->report().summary.gpus, 32);

    // A model that does not fit where the DGX stand is refused with the reason; nothing is added.
    QSignalSpy messages(&view, &CompareView::message);
    QString reason;
    QVERIFY(!view.add_variant(QStringLiteral("nvidia-dgx-h100"), QStringLiteral("nvidia-dgx-b300"), &reason));
    QVERIFY2(reason.contains(QStringLiteral("overlaps")), qPrintable(reason));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(view.design_count(), 2);
  }

  void the_open_design_is_followed_live() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.add_design_file(lab_minus_one_server(dir)));
    QTRY_VERIFY(!view.is_busy());
    QCOMPARE(difference(view, "gpus", 1), QStringLiteral("\u25BC ") + kMinus + QStringLiteral("25.0 %"));
    QVERIFY(doc->apply(unmount_device("dgx-04")));
    QTRY_COMPARE(value(view, "gpus", 0), QStringLiteral("24"));
    QCOMPARE(difference(view, "gpus", 1), QStringLiteral("="));
    // Its bill of materials follows too (rebuilt off the GUI thread).
    QTRY_VERIFY(!view.is_busy());
    QCOMPARE(value(view, "inventory:Servers:nvidia-dgx-h100", 0), QStringLiteral("3"));
    QCOMPARE(difference(view, "inventory:Servers:nvidia-dgx-h100", 1), QStringLiteral("="));
    // Removing the file's column leaves the open design.
    QVERIFY(!view.remove_design(0));
    QVERIFY(view.remove_design(1));
    QCOMPARE(view.design_count(), 1);
  }

  void the_chart_shows_one_bar_per_design_and_none_for_a_missing_figure() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.add_design_file(lab_minus_one_server(dir)));
    QTRY_VERIFY(!view.is_busy());
    view.set_chart_metric(QStringLiteral("gpus"));
    QCOMPARE(view.chart_metric(), QStringLiteral("gpus"));
    auto bars = [&] {
      const auto series = view.chart()->series();
      auto* bar = series.size() == 1 ? qobject_cast<QBarSeries*>(series.front()) : nullptr;
      return bar && bar->count() == 1 ? bar->barSets().front() : nullptr;
    };
    QVERIFY(bars());
    QCOMPARE(bars()->count(), 2);
    QCOMPARE(bars()->at(0), 32.0);
    QCOMPARE(bars()->at(1), 24.0);
    // The lab's single leaf has no uplinks: no oversubscription figure, so no bar at all.
    view.set_chart_metric(QStringLiteral("oversubscription_leaf"));
    QVERIFY(bars());
    QCOMPARE(bars()->count(), 0);
    QVERIFY(view.chart()->title().contains(QStringLiteral("no figure")));
  }

  void a_training_projection_runs_for_each_design() {
    QTemporaryDir dir;
    auto doc = test::document_from_sample(kLab);
    CompareView view(test::test_catalog(), nullptr, models_dir());
    view.set_document(doc.get());
    QVERIFY(view.training_models().contains(QStringLiteral("llama3-8b")));
    QVERIFY(view.add_design_file(lab_minus_one_server(dir)));
    QTRY_VERIFY(!view.is_busy());
    QCOMPARE(view.comparison().row("tokens_per_s"), nullptr);  // no model chosen: no Training rows
    // Llama 3 8B publishes no batch: the projection says so, never a figure.
    view.set_training_model(QStringLiteral("llama3-8b"));
    QTRY_VERIFY_WITH_TIMEOUT(!view.is_busy(), 60000);
    QVERIFY(view.comparison().row("tokens_per_s"));
    QVERIFY(!view.comparison().row("tokens_per_s")->values[0]);
    QVERIFY2(view.last_error().contains(QStringLiteral("global batch")), qPrintable(view.last_error()));
    view.set_training_batch(256);
    QTRY_VERIFY_WITH_TIMEOUT(!view.is_busy(), 60000);
    const ComparisonRow* tokens = view.comparison().row("tokens_per_s");
    QVERIFY(tokens);
    // The same projection the core makes of each design.
    TrainingRequest request;
    request.model = load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources/models/llama3-8b.json");
    request.global_batch = 256;
    request.tokens = 1e11;  // the lab sample's own scenario
    const TrainingReport expected = project_training(doc->design(), doc->catalog(), request);
    QVERIFY(expected.best());
    QCOMPARE(*tokens->values[0], expected.best()->tokens_per_s);
    QVERIFY(tokens->values[1]);
    QCOMPARE(view.comparison().row("time_to_train_s")->values[0], expected.time_to_train_s);
  }
};

QTEST_MAIN(CompareViewTest)
#include "compare_view_test.moc"
