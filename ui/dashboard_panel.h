#pragma once
// The analysis dashboard: power by category and by rack, cost over the TCO horizon, the best
// plan's step time, throughput and time to train against the GPU count, and goodput. Charts come
// from dashboard_charts.h; the design's figures follow the document's report and the training
// figures the TrainingRunner's result. Stale figures are greyed until the new ones arrive; a
// large design's charts say so until its first analysis is in. While the dock is hidden the
// design's charts are not redrawn; they catch up when it is shown.

#include <QWidget>
#include <memory>

class QChart;
class QChartView;
class QLabel;
class QTabWidget;

namespace cf::ui {

class DesignDocument;
class RefreshWhenShown;
class TrainingRunner;
struct TrainingResult;

enum class DashboardChart { PowerByCategory, PowerByRack, Cost, StepTime, Scaling };

class DashboardPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DashboardPanel(QWidget* parent = nullptr);

  // nullptr: nothing open.
  void set_document(DesignDocument* document);
  // Shows the runner's projections (the runner's document is the caller's to set).
  void set_runner(TrainingRunner* runner);
  // How many racks the per-rack chart shows at most (the most loaded); 20 by default.
  void set_rack_limit(int racks);

  void show_training(std::shared_ptr<const TrainingResult> result);
  void show_training_failure(const QString& reason);

  // The chart on screen (tests, exports).
  QChart* chart(DashboardChart which) const;
  // Whether that chart is shown greyed as stale.
  bool is_greyed(DashboardChart which) const;
  QString goodput_text() const;

 private:
  QChartView* add_view(QWidget* parent);
  void set_chart(DashboardChart which, QChart* chart);
  void refresh_design_charts();
  void refresh_training_charts();
  void set_design_stale(bool stale);
  void set_training_stale(bool stale);

  DesignDocument* document_ = nullptr;
  RefreshWhenShown* refresh_ = nullptr;
  TrainingRunner* runner_ = nullptr;
  std::shared_ptr<const TrainingResult> training_;
  QString training_failure_;
  int rack_limit_ = 20;
  bool design_stale_ = false, training_stale_ = false;

  QTabWidget* tabs_ = nullptr;
  QChartView* views_[5] = {};
  QLabel* goodput_ = nullptr;
};

}  // namespace cf::ui
