// ScenarioPanel with a TrainingRunner: the projection it shows is the core's for the same request,
// a fixed plan that cannot run shows the core's reason, and the scenario's tokens change as one
// undo step.

#include "scenario_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QStandardItemModel>
#include <QUndoStack>

#include "training_runner.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

ModelSpec shipped(const char* id) {
  return load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources" / "models" / (std::string(id) + ".json"));
}

struct Setup {
  std::unique_ptr<DesignDocument> doc = test::document_from_sample("lab-4x-dgx-h100.cluster.json");
  TrainingRunner runner;
  ScenarioPanel panel;
  Setup() {
    runner.set_document(doc.get());
    panel.set_document(doc.get());
    panel.set_runner(&runner);
    runner.set_scaling_curve_enabled(false);
  }
  // Waits for the runner to settle and returns the result the panel shows.
  std::shared_ptr<const TrainingResult> settle() {
    if (!QTest::qWaitFor([&] { return !runner.is_stale(); }, 20000)) return nullptr;
    return panel.shown_result();
  }
};

}  // namespace

class ScenarioPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void starts_from_the_designs_scenario() {
    Setup s;
    // The lab sample's scenario s1: Llama 3 8B, 100 B tokens, BF16.
    QCOMPARE(s.panel.findChild<QComboBox*>("model")->currentData().toString(), QStringLiteral("llama3-8b"));
    QCOMPARE(s.panel.findChild<QDoubleSpinBox*>("tokens")->value(), 100.0);
    QCOMPARE(s.panel.findChild<QComboBox*>("precision")->currentData().toString(), QStringLiteral("bf16"));
    // Llama 3 8B publishes no global batch: no request until the user sets one, and the panel says so.
    QVERIFY(!s.panel.request());
    QVERIFY(s.panel.reason_text().contains(QStringLiteral("global batch")));
  }

  void shows_the_cores_projection_for_the_same_request() {
    Setup s;
    QSignalSpy requests(&s.panel, &ScenarioPanel::request_changed);
    s.panel.findChild<QSpinBox*>("global_batch")->setValue(256);
    QCOMPARE(requests.count(), 1);
    auto result = s.settle();
    QVERIFY(result);
    QVERIFY(result->report.best());

    TrainingRequest req;
    req.model = shipped("llama3-8b");
    req.global_batch = 256;
    req.tokens = 1e11;
    const TrainingReport core = project_training(s.doc->design(), s.doc->catalog(), req);
    QVERIFY(core.best());
    QCOMPARE(result->report.best()->step_time_s, core.best()->step_time_s);
    QCOMPARE(result->report.best()->tokens_per_s, core.best()->tokens_per_s);
    QCOMPARE(*result->report.time_to_train_s, *core.time_to_train_s);
    // The text shows the step time to the millisecond, with its unit.
    const QString step = QStringLiteral("Step time\t%1 s").arg(core.best()->step_time_s, 0, 'f', 3);
    QVERIFY2(s.panel.result_text().contains(step), qPrintable(s.panel.result_text()));
    QVERIFY(s.panel.reason_text().isEmpty());
  }

  void a_fixed_tp_that_does_not_divide_the_heads_shows_the_cores_reason() {
    Setup s;
    s.panel.findChild<QSpinBox*>("global_batch")->setValue(256);
    s.panel.findChild<QComboBox*>("plan_mode")->setCurrentIndex(1);
    s.panel.findChild<QSpinBox*>("tp")->setValue(3);  // Llama 3 8B has 32 heads
    auto result = s.settle();
    QVERIFY(result);
    QVERIFY(!result->report.best());

    TrainingRequest req;
    req.model = shipped("llama3-8b");
    req.global_batch = 256;
    req.tokens = 1e11;
    req.search.fixed.tp = 3;
    const TrainingReport core = project_training(s.doc->design(), s.doc->catalog(), req);
    QVERIFY(!core.best());
    QVERIFY(!core.infeasible_reason.empty());
    QVERIFY2(s.panel.reason_text().contains(QString::fromStdString(core.infeasible_reason)),
             qPrintable(s.panel.reason_text()));
    QVERIFY(s.panel.reason_text().contains(QStringLiteral("head")));
  }

  void tokens_are_one_undo_step() {
    Setup s;
    auto* tokens = s.panel.findChild<QDoubleSpinBox*>("tokens");
    tokens->setValue(250);
    QCOMPARE(s.doc->undo_stack()->count(), 1);
    QCOMPARE(s.doc->design().scenarios.front().tokens, 250e9);
    s.doc->undo_stack()->undo();
    QCOMPARE(s.doc->design().scenarios.front().tokens, 1e11);
    QCOMPARE(tokens->value(), 100.0);  // the panel follows the undo
    s.doc->undo_stack()->redo();
    QCOMPARE(tokens->value(), 250.0);
  }

  void the_model_is_a_scenario_edit() {
    Setup s;
    auto* model = s.panel.findChild<QComboBox*>("model");
    const int gpt3 = model->findData(QStringLiteral("gpt3-175b"));
    QVERIFY(gpt3 >= 0);
    model->setCurrentIndex(gpt3);
    emit model->activated(gpt3);
    QCOMPARE(s.doc->design().scenarios.front().model, std::string("gpt3-175b"));
    QCOMPARE(s.doc->undo_stack()->count(), 1);
    // GPT-3 publishes its batch (1536): the request needs nothing more.
    QVERIFY(s.panel.request());
    QCOMPARE(s.panel.request()->model.id, std::string("gpt3-175b"));
    s.doc->undo_stack()->undo();
    QCOMPARE(model->currentData().toString(), QStringLiteral("llama3-8b"));
  }

  void fp8_follows_the_gpu() {
    Setup s;
    // The H100 has an FP8 peak in the catalog: the FP8 choice is enabled.
    auto* precision = s.panel.findChild<QComboBox*>("precision");
    auto* items = qobject_cast<QStandardItemModel*>(precision->model());
    QVERIFY(items);
    QVERIFY(items->item(1)->isEnabled());
  }
};

QTEST_MAIN(ScenarioPanelTest)
#include "scenario_panel_test.moc"
