#pragma once
// The headline figures of the design, as the core's summarize() computed them.

#include <QWidget>
#include <vector>

#include "analysis/summary.h"

class QLabel;
class QFormLayout;

namespace cf::ui {

class SummaryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit SummaryPanel(QWidget* parent = nullptr);

  // Shows `summary`; null shows dashes.
  void set_summary(const DesignSummary* summary);
  // What the panel shows, one "label<TAB>value" line per figure (tests, copy to clipboard).
  QString summary_text() const;

 private:
  struct Field {
    QLabel* label = nullptr;
    QLabel* value = nullptr;
  };
  Field add_field(const QString& label, const QString& tool_tip);

  QFormLayout* form_ = nullptr;
  QLabel* title_ = nullptr;
  QLabel* note_ = nullptr;
  Field gpus_, servers_, switches_, storage_, racks_, links_, it_power_, densest_rack_;
  std::vector<Field> fields_;
};

}  // namespace cf::ui
