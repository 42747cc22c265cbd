#include "dashboard_panel.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "dashboard_charts.h"
#include "refresh_when_shown.h"
#include "design_document.h"
#include "training_format.h"
#include "training_runner.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

constexpr qreal kStaleOpacity = 0.35;

std::size_t slot(DashboardChart which) { return static_cast<std::size_t>(which); }

}  // namespace

DashboardPanel::DashboardPanel(QWidget* parent)
    : QWidget(parent), refresh_(new RefreshWhenShown(this, [this] { refresh_design_charts(); })) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  tabs_ = new QTabWidget(this);
  layout->addWidget(tabs_);

  // One chart per tab: each gets the whole dock, legible on a projector.
  views_[slot(DashboardChart::PowerByCategory)] = add_view(tabs_);
  tabs_->addTab(views_[slot(DashboardChart::PowerByCategory)], tr("Power"));
  views_[slot(DashboardChart::PowerByRack)] = add_view(tabs_);
  tabs_->addTab(views_[slot(DashboardChart::PowerByRack)], tr("Racks"));

  views_[slot(DashboardChart::Cost)] = add_view(tabs_);
  tabs_->addTab(views_[slot(DashboardChart::Cost)], tr("Cost"));

  auto* training = new QWidget(tabs_);
  auto* training_layout = new QVBoxLayout(training);
  training_layout->setContentsMargins(6, 6, 6, 0);
  goodput_ = new QLabel(training);
  goodput_->setObjectName(QStringLiteral("goodput"));
  goodput_->setWordWrap(true);
  QFont big = goodput_->font();
  big.setPointSizeF(big.pointSizeF() * 1.3);
  goodput_->setFont(big);
  goodput_->setToolTip(tr("Useful share of wall-clock time: interruptions per day from the design's component "
                          "failure rates, scaled to the job's GPUs, and Daly's checkpoint interval "
                          "(docs/methods.md, \"Reliability and goodput\")"));
  training_layout->addWidget(goodput_);
  views_[slot(DashboardChart::StepTime)] = add_view(training);
  training_layout->addWidget(views_[slot(DashboardChart::StepTime)], 1);
  tabs_->addTab(training, tr("Step time"));

  views_[slot(DashboardChart::Scaling)] = add_view(tabs_);
  tabs_->addTab(views_[slot(DashboardChart::Scaling)], tr("Scaling"));

  set_document(nullptr);
}

QChartView* DashboardPanel::add_view(QWidget* parent) {
  auto* view = new QChartView(parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(280, 200);
  return view;
}

void DashboardPanel::set_chart(DashboardChart which, QChart* chart) {
  QChartView* view = views_[slot(which)];
  QChart* old = view->chart();
  view->setChart(chart);  // the view owns the new chart and lets go of the old one
  delete old;
}

QChart* DashboardPanel::chart(DashboardChart which) const { return views_[slot(which)]->chart(); }

bool DashboardPanel::is_greyed(DashboardChart which) const { return chart(which)->opacity() < 1.0; }

void DashboardPanel::set_document(DesignDocument* document) {
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  if (document_) {
    connect(document_, &DesignDocument::report_changed, refresh_, &RefreshWhenShown::request);
    connect(document_, &DesignDocument::stale_changed, this, &DashboardPanel::set_design_stale);
    connect(document_, &QObject::destroyed, this, [this] { set_document(nullptr); });
  }
  training_.reset();
  training_failure_.clear();
  refresh_->request();
  refresh_training_charts();
}

void DashboardPanel::set_runner(TrainingRunner* runner) {
  if (runner_) disconnect(runner_, nullptr, this, nullptr);
  runner_ = runner;
  if (!runner_) return;
  connect(runner_, &TrainingRunner::finished, this, &DashboardPanel::show_training);
  connect(runner_, &TrainingRunner::curve_finished, this, &DashboardPanel::show_training);
  connect(runner_, &TrainingRunner::failed, this, &DashboardPanel::show_training_failure);
  connect(runner_, &TrainingRunner::stale_changed, this, &DashboardPanel::set_training_stale);
  show_training(runner_->result());
  set_training_stale(runner_->is_stale());
}

void DashboardPanel::set_rack_limit(int racks) {
  rack_limit_ = racks;
  refresh_->request();
}

void DashboardPanel::show_training(std::shared_ptr<const TrainingResult> result) {
  training_ = std::move(result);
  training_failure_.clear();
  refresh_training_charts();
}

void DashboardPanel::show_training_failure(const QString& reason) {
  training_.reset();
  training_failure_ = reason;
  refresh_training_charts();
}

void DashboardPanel::refresh_design_charts() {
  if (!document_) {
    const QString none = tr("No design open");
    set_chart(DashboardChart::PowerByCategory, empty_chart(tr("IT power by category, kW"), none));
    set_chart(DashboardChart::PowerByRack, empty_chart(tr("IT power per rack, kW"), none));
    set_chart(DashboardChart::Cost, empty_chart(tr("Cost, $"), none));
  } else if (!document_->has_report()) {
    const QString waiting = tr("Analysing the design\u2026");
    set_chart(DashboardChart::PowerByCategory, empty_chart(tr("IT power by category, kW"), waiting));
    set_chart(DashboardChart::PowerByRack, empty_chart(tr("IT power per rack, kW"), waiting));
    set_chart(DashboardChart::Cost, empty_chart(tr("Cost, $"), waiting));
  } else {
    const DesignReport& r = document_->report();
    set_chart(DashboardChart::PowerByCategory, power_category_chart(r.power));
    set_chart(DashboardChart::PowerByRack, rack_power_chart(r.power, document_->design(), rack_limit_));
    set_chart(DashboardChart::Cost, cost_chart(r.cost));
  }
  set_design_stale(document_ && document_->report_is_stale());
  // With no projection, goodput comes from the design's own reliability analysis.
  if (!training_) refresh_training_charts();
}

void DashboardPanel::refresh_training_charts() {
  const QString dash = QString::fromUtf16(kUnknownFigure);
  const TrainingReport* t = training_ ? &training_->report : nullptr;
  const QString why = !document_                  ? tr("No design open")
                      : !training_failure_.isEmpty() ? training_failure_
                      : !t                           ? tr("No projection yet: choose a scenario")
                      : !t->best()                   ? tr("No plan fits: %1").arg(QString::fromStdString(t->infeasible_reason))
                                                     : QString();
  QChart* step = t ? step_time_chart(*t) : nullptr;
  set_chart(DashboardChart::StepTime, step ? step : empty_chart(tr("Step time, s"), why));
  const char* scaling_title = QT_TR_NOOP("Throughput (tokens/s) and time to train (days) against GPUs");
  if (training_ && training_->curve)
    set_chart(DashboardChart::Scaling, scaling_chart(*training_->curve));
  else
    set_chart(DashboardChart::Scaling,
              empty_chart(tr(scaling_title), why.isEmpty() ? tr("Computing the scaling curve…") : why));

  if (t && t->goodput) {
    goodput_->setText(tr("Goodput <b>%1 %</b> on the best plan's %2 GPUs: %3 interruptions/day, checkpoint every %4")
                          .arg(100 * *t->goodput, 0, 'f', 1)
                          .arg(t->best() ? t->best()->plan.gpus() : 0)
                          .arg(t->failures_per_day.value_or(0), 0, 'f', 2)
                          .arg(t->checkpoint_interval_s ? format_duration(*t->checkpoint_interval_s) : dash));
  } else if (!t && document_ && document_->report().reliability.goodput) {
    const ReliabilityReport& rel = document_->report().reliability;
    goodput_->setText(tr("Goodput <b>%1 %</b> on all the design's GPUs: %2 interruptions/day")
                          .arg(100 * *rel.goodput, 0, 'f', 1)
                          .arg(rel.failures_per_day, 0, 'f', 2));
  } else {
    QString note;
    if (t)
      for (const std::string& n : t->notes)
        if (n.rfind("goodput", 0) == 0) note = QString::fromStdString(n);
    if (note.isEmpty() && !t && document_ && !document_->report().reliability.notes.empty())
      note = QString::fromStdString(document_->report().reliability.notes.front());
    goodput_->setText(tr("Goodput <span style='color:gray'>%1</span> %2").arg(dash, note.toHtmlEscaped()));
  }
  set_training_stale(runner_ && runner_->is_stale());
}

void DashboardPanel::set_design_stale(bool stale) {
  design_stale_ = stale;
  for (DashboardChart c : {DashboardChart::PowerByCategory, DashboardChart::PowerByRack, DashboardChart::Cost})
    chart(c)->setOpacity(stale ? kStaleOpacity : 1.0);
}

void DashboardPanel::set_training_stale(bool stale) {
  training_stale_ = stale;
  for (DashboardChart c : {DashboardChart::StepTime, DashboardChart::Scaling})
    chart(c)->setOpacity(stale ? kStaleOpacity : 1.0);
  goodput_->setEnabled(!stale);
}

QString DashboardPanel::goodput_text() const { return goodput_->text(); }

}  // namespace cf::ui
