// DashboardPanel: the power and cost charts carry the report's own figures, follow an edit, grey
// while stale and keep large designs to the top racks; the training charts carry the core's
// projection and scaling curve.

#include "dashboard_panel.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <QTest>

#include "dashboard_charts.h"
#include "load_scale.h"
#include "unit_format.h"
#include "training_runner.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

// Sum of a pie's slices in W (the chart holds kW).
double pie_sum_w(QChart* chart) {
  double kw = 0;
  for (QAbstractSeries* s : chart->series())
    if (auto* pie = qobject_cast<QPieSeries*>(s))
      for (QPieSlice* slice : pie->slices()) kw += slice->value();
  return kw * 1000;
}

// Every bar of a (stacked) bar chart: one value per category, summed over the sets.
std::vector<double> bar_values(QChart* chart) {
  std::vector<double> values;
  for (QAbstractSeries* s : chart->series())
    if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
      for (QBarSet* set : bars->barSets()) {
        if (values.size() < static_cast<std::size_t>(set->count())) values.resize(static_cast<std::size_t>(set->count()));
        for (int i = 0; i < set->count(); ++i) values[static_cast<std::size_t>(i)] += set->at(i);
      }
  return values;
}

QList<QBarSet*> bar_sets(QChart* chart) {
  for (QAbstractSeries* s : chart->series())
    if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) return bars->barSets();
  return {};
}

ModelSpec shipped(const char* id) {
  return load_model(std::filesystem::path(CF_SOURCE_DIR) / "resources" / "models" / (std::string(id) + ".json"));
}

}  // namespace

class DashboardTest : public QObject {
  Q_OBJECT

 private slots:
  void power_by_category_adds_up_to_the_reports_total() {
    auto doc = test::document_from_sample("lab-4x-dgx-h100.cluster.json");
    DashboardPanel panel;
    panel.set_document(doc.get());
    QChart* chart = panel.chart(DashboardChart::PowerByCategory);
    QCOMPARE(pie_sum_w(chart), doc->report().power.it_w);
    QVERIFY(chart->title().contains(QStringLiteral("kW")));
    // GPU servers are a slice in the compute role's colour.
    auto* pie = qobject_cast<QPieSeries*>(chart->series().front());
    QVERIFY(pie);
    QCOMPARE(pie->slices().front()->label().left(11), QStringLiteral("GPU servers"));
  }

  void an_unmount_lowers_the_total_shown() {
    auto doc = test::document_from_sample("lab-4x-dgx-h100.cluster.json");
    DashboardPanel panel;
    panel.set_document(doc.get());
    const double before = pie_sum_w(panel.chart(DashboardChart::PowerByCategory));
    const double rack_before = bar_values(panel.chart(DashboardChart::PowerByRack)).at(0);
    const std::string dgx = doc->design().racks.front().devices.front().id;
    QVERIFY(doc->apply(unmount_device(dgx)));
    QVERIFY(panel.is_greyed(DashboardChart::PowerByCategory));
    doc->refresh_report_now();
    QVERIFY(!panel.is_greyed(DashboardChart::PowerByCategory));
    const double after = pie_sum_w(panel.chart(DashboardChart::PowerByCategory));
    // One DGX H100 at the default load (GPUs at TDP): its 10.2 kW leave the total and the rack.
    QCOMPARE(after, doc->report().power.it_w);
    QCOMPARE(before - after, 10200.0);
    QCOMPARE(rack_before - bar_values(panel.chart(DashboardChart::PowerByRack)).at(0), 10.2);
  }

  void a_rack_over_its_limit_is_red() {
    auto doc = test::document_from_text(test::kTinyDesign);
    DashboardPanel panel;
    panel.set_document(doc.get());
    // a01 holds two DGX H100 and a leaf, under its 45 kW limit; the other racks have no limit.
    auto color_of = [&](const char* rack) {
      for (QBarSet* set : bar_sets(panel.chart(DashboardChart::PowerByRack)))
        if (set->label() == QLatin1String(rack)) return set->color();
      return QColor();
    };
    QVERIFY(color_of("a01") != LoadScale::over_limit_color());
    QCOMPARE(color_of("b01"), LoadScale::no_figure_color());
    QVERIFY(doc->apply(set_property("a01", "power_limit_kw", 10)));
    doc->refresh_report_now();
    QCOMPARE(color_of("a01"), LoadScale::over_limit_color());
  }

  void large_designs_show_the_top_racks() {
    auto doc = test::document_from_sample("dgx-h100-superpod-4su.cluster.json");
    DashboardPanel panel;
    panel.set_rack_limit(10);
    panel.set_document(doc.get());
    const std::vector<double> bars = bar_values(panel.chart(DashboardChart::PowerByRack));
    QCOMPARE(bars.size(), std::size_t{10});
    QVERIFY(std::is_sorted(bars.begin(), bars.end()));  // the most loaded on top, last
    double max_w = 0;
    for (const auto& r : doc->report().power.racks) max_w = std::max(max_w, r.it_w);
    QCOMPARE(bars.back() * 1000, max_w);
    const QString expected = QStringLiteral("the 10 most loaded of %1 racks").arg(doc->design().racks.size());
    QVERIFY2(panel.chart(DashboardChart::PowerByRack)->title().contains(expected),
             qPrintable(panel.chart(DashboardChart::PowerByRack)->title()));
  }

  void cost_bars_are_the_reports_figures() {
    auto doc = test::document_from_sample("dgx-h100-superpod-4su.cluster.json");
    DashboardPanel panel;
    panel.set_document(doc.get());
    const CostReport& cost = doc->report().cost;
    QChart* chart = panel.chart(DashboardChart::Cost);
    const std::vector<double> bars = bar_values(chart);
    // Priced BOM categories, then integration, then energy over the horizon: in $ million.
    double hardware = 0;
    for (std::size_t i = 0; i + 2 < bars.size(); ++i) hardware += bars[i];
    QVERIFY(qAbs(hardware * 1e6 - cost.hardware_usd) < 1e-3 * cost.hardware_usd);
    QCOMPARE(bars[bars.size() - 2] * 1e6, cost.integration_usd);
    QCOMPARE(bars.back() * 1e6, cost.years * cost.opex_usd_per_year);
    QVERIFY(chart->title().contains(QStringLiteral("$ million")));
    QVERIFY(chart->title().contains(QStringLiteral("TCO %1").arg(cost.tco_usd / 1e6, 0, 'f', 2)));
  }

  void training_charts_show_the_runners_projection_and_curve() {
    auto doc = test::document_from_sample("lab-4x-dgx-h100.cluster.json");
    TrainingRunner runner;
    runner.set_document(doc.get());
    DashboardPanel panel;
    panel.set_document(doc.get());
    panel.set_runner(&runner);
    TrainingRequest req;
    req.model = shipped("llama3-8b");
    req.global_batch = 256;
    req.tokens = 1e11;
    runner.set_request(req);
    QVERIFY(panel.is_greyed(DashboardChart::StepTime));
    QVERIFY(QTest::qWaitFor([&] { return runner.result() && runner.result()->curve; }, 30000));
    QVERIFY(!panel.is_greyed(DashboardChart::StepTime));

    const TrainingReport core = project_training(doc->design(), doc->catalog(), req);
    QVERIFY(core.best());
    // The stacked components add up to the core's step time.
    double step = 0;
    for (double v : bar_values(panel.chart(DashboardChart::StepTime))) step += v;
    QVERIFY(qAbs(step - core.best()->step_time_s) < 1e-9 * core.best()->step_time_s);
    QVERIFY(panel.chart(DashboardChart::StepTime)->title().contains(QStringLiteral(", s ")));

    // The scaling curve: 8, 16 and 32 GPUs; the last throughput is the projection's.
    QLineSeries* throughput = nullptr;
    for (QAbstractSeries* s : panel.chart(DashboardChart::Scaling)->series())
      if (s->name().startsWith(QStringLiteral("Throughput"))) throughput = qobject_cast<QLineSeries*>(s);
    QVERIFY(throughput);
    QCOMPARE(throughput->count(), 3);
    QCOMPARE(throughput->at(2).x(), 32.0);
    // In thousands of tokens/s, as the series says.
    QVERIFY(throughput->name().contains(QStringLiteral("thousand tokens/s")));
    QCOMPARE(throughput->at(2).y() * 1e3, core.best()->tokens_per_s);
    QVERIFY(throughput->at(0).y() < throughput->at(1).y());

    // The lab has no storage: goodput unknown, shown as a dash with the core's reason.
    QVERIFY(!core.goodput);
    QVERIFY(panel.goodput_text().contains(QString::fromUtf16(kUnknownFigure)));
    QVERIFY(panel.goodput_text().contains(QStringLiteral("storage")));
  }

  void a_late_result_is_dropped() {
    // DeepSeek-V3 under Megatron 2021's costs on the SuperPOD: the longest search of the shipped
    // models there (about 0.7 s with the bound of the plan search; GPT-3 now takes 15 ms), long
    // enough to edit while it runs.
    auto doc = test::document_from_sample("dgx-h100-superpod-4su.cluster.json");
    const int gpus = doc->report().summary.gpus;
    TrainingRunner runner;
    runner.set_scaling_curve_enabled(false);
    runner.set_document(doc.get());
    QSignalSpy finished(&runner, &TrainingRunner::finished);
    TrainingRequest req;
    req.model = shipped("deepseek-v3");
    req.framework = "megatron-2021";
    runner.set_request(req);
    QTest::qWait(TrainingRunner::kDebounceMs + 20);  // the search has started
    QVERIFY(runner.is_stale());
    QVERIFY(doc->apply(unmount_device("su1-dgx01")));
    doc->refresh_report_now();
    QVERIFY(QTest::qWaitFor([&] { return !runner.is_stale(); }, 60000));
    // The result of the search that ran over the edit was dropped: one result, for the new design.
    QCOMPARE(finished.count(), 1);
    QCOMPARE(runner.result()->report.cluster.gpus, gpus - 8);
    const TrainingReport core = project_training(doc->design(), doc->catalog(), req);
    QCOMPARE(runner.result()->report.best()->step_time_s, core.best()->step_time_s);
    qInfo("DeepSeek-V3 plan search on %d GPUs: %.3f s, %lld plans", gpus - 8, core.search.elapsed_s,
          core.search.evaluated);
  }
};

QTEST_MAIN(DashboardTest)
#include "dashboard_test.moc"
