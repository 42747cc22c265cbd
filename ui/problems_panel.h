#pragma once
// The Problems the core's validate() found: severity, code, message. Activating one (double-click
// or Enter) asks to select its culprit.

#include <QTreeWidget>
#include <vector>

#include "design/problem.h"

namespace cf::ui {

class ProblemsPanel : public QTreeWidget {
  Q_OBJECT

 public:
  enum Column { SeverityColumn, CodeColumn, MessageColumn, ColumnCount };
  static constexpr int ObjectIdRole = Qt::UserRole + 1;

  explicit ProblemsPanel(QWidget* parent = nullptr);

  // Shows the problems of an open design (`design_open` false: nothing is open, so no "no
  // problems" note either).
  void set_problems(const std::vector<Problem>& problems, bool design_open = true);

 protected:
  void paintEvent(QPaintEvent* event) override;

 signals:
  // The user activated a problem whose culprit has this id (never empty).
  void object_activated(const QString& object_id);

 private:
  void activate(QTreeWidgetItem* item);

  bool design_open_ = false;
};

}  // namespace cf::ui
