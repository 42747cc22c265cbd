#pragma once
// The Compare view's table: one row per figure of a DesignComparison under its group's header
// row, then the "what differs" inventory (catalog models and counts of the bills of materials);
// columns Metric, Unit, then each design's value and, after every design but the baseline, its
// difference (▲/▼ with the percentage, coloured better/worse). "Only differences" hides the rows
// where every design agrees.

#include <QAbstractTableModel>
#include <QColor>
#include <vector>

#include "analysis/design_comparison.h"
#include "comparison_format.h"

namespace cf::ui {

class ComparisonTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  // Qt::UserRole of column 0: the row's key ("gpus", "inventory:Servers:nvidia-dgx-h100"; empty
  // for a group header). Qt::UserRole of a difference cell: the verdict (+1 better, −1 worse, 0).
  static constexpr int kKeyRole = Qt::UserRole;
  static constexpr int kVerdictRole = Qt::UserRole;
  static constexpr const char* kInventoryGroup = "What differs: bill of materials";

  explicit ComparisonTableModel(QObject* parent = nullptr);

  void set_comparison(DesignComparison comparison);
  const DesignComparison& comparison() const { return comparison_; }
  // Greys the figures of design `index` (its report is being recomputed).
  void set_stale(std::vector<bool> stale_designs);
  void set_only_differences(bool only);
  bool only_differences() const { return only_differences_; }

  int design_count() const { return static_cast<int>(comparison_.names.size()); }
  int value_column(int design) const;
  int difference_column(int design) const;  // -1 for the baseline
  // The table row showing `key`, or -1 when hidden or absent.
  int row_of(const QString& key) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  static QColor better_color();  // Okabe-Ito blue, the accent
  static QColor worse_color();   // darkened Okabe-Ito orange (red stays "over a limit")

 private:
  struct Line {
    enum Kind { Header, Metric, Inventory } kind = Header;
    QString group;
    std::size_t index = 0;  // into rows or inventory
    DisplayUnit unit;
  };
  void rebuild_lines();
  QVariant metric_data(const Line& line, int column, int role) const;
  QVariant inventory_data(const Line& line, int column, int role) const;
  // -1: not a design column; else the design, with `difference` set for a difference column.
  int design_of(int column, bool* difference) const;

  DesignComparison comparison_;
  std::vector<bool> stale_;
  bool only_differences_ = false;
  std::vector<Line> lines_;
};

}  // namespace cf::ui
