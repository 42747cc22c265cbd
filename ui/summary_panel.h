#pragma once
// The headline figures of the design, live: scale, power, cooling, cost, network and reliability,
// as the core's analyze_design() computed them. Greyed while a newer analysis is pending; dashes
// until a large design's first analysis is in.

#include <QWidget>
#include <vector>

#include "analysis/design_report.h"

class QLabel;
class QFormLayout;

namespace cf::ui {

class SummaryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit SummaryPanel(QWidget* parent = nullptr);

  // Shows `report` (null shows dashes); `stale` greys the figures.
  void set_report(const DesignReport* report, bool stale = false);
  // A design whose first analysis is still running: its name, greyed dashes and a note saying so.
  void set_analysing(const QString& design_name);
  // What the panel shows, one "label<TAB>value" line per figure (tests, copy to clipboard).
  QString summary_text() const;

 private:
  struct Field {
    QLabel* label = nullptr;
    QLabel* value = nullptr;
  };
  Field add_field(const QString& label, const QString& tool_tip);
  void add_section(const QString& title);

  QFormLayout* form_ = nullptr;
  QLabel* title_ = nullptr;
  QLabel* note_ = nullptr;
  Field gpus_, servers_, switches_, storage_, racks_, links_;
  Field it_load_, it_max_, facility_, densest_rack_;
  Field heat_, cooling_capacity_, racks_over_cooling_;
  Field capex_, tco_, per_gpu_hour_;
  Field bisection_, oversubscription_;
  Field failures_, mtbf_;
  std::vector<Field> fields_;
};

}  // namespace cf::ui
