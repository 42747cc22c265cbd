#pragma once
// The Problems the core's validate() found: severity, code, message. Activating one (double-click
// or Enter) asks to select its culprit. Greyed while a newer analysis runs; until a large design's
// first analysis is in, it says so instead of listing nothing.

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
  // `analysed` false: the design's first analysis is still running (nothing to list yet);
  // `stale`: the list is of the design before the last edit.
  void set_analysis_state(bool analysed, bool stale);
  bool is_greyed() const { return stale_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 signals:
  // The user activated a problem whose culprit has this id (never empty).
  void object_activated(const QString& object_id);

 private:
  void activate(QTreeWidgetItem* item);

  bool design_open_ = false;
  bool analysed_ = true;
  bool stale_ = false;
};

}  // namespace cf::ui
