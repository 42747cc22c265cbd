#include "comparison_table_model.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include "load_scale.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

QColor muted() { return QColor(0x88, 0x88, 0x88); }

QString verdict_text(int verdict, Better better, const QString& baseline) {
  if (better == Better::Neither) return QStringLiteral("A design choice: neither higher nor lower is better.");
  if (verdict > 0) return QStringLiteral("Better than %1.").arg(baseline);
  if (verdict < 0) return QStringLiteral("Worse than %1.").arg(baseline);
  return QStringLiteral("%1 is better.").arg(better == Better::Higher ? QStringLiteral("Higher") : QStringLiteral("Lower"));
}

}  // namespace

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QColor ComparisonTableModel::better_color() { return QColor(0x00, 0x72, 0xB2); }
QColor ComparisonTableModel::worse_color() { return QColor(0xA6, 0x5F, 0x00); }

void ComparisonTableModel::set_comparison(DesignComparison comparison) {
  beginResetModel();
  comparison_ = std::move(comparison);
  stale_.resize(comparison_.names.size(), false);
  rebuild_lines();
  endResetModel();
}

void ComparisonTableModel::set_stale(std::vector<bool> stale_designs) {
  stale_ = std::move(stale_designs);
  stale_.resize(comparison_.names.size(), false);
  if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void ComparisonTableModel::set_only_differences(bool only) {
  if (only == only_differences_) return;
  beginResetModel();
  only_differences_ = only;
  rebuild_lines();
  endResetModel();
}

void ComparisonTableModel::rebuild_lines() {
  lines_.clear();
  QString group;
  auto open_group = [&](const QString& name) {
    // A header whose rows are all hidden goes too.
    if (!lines_.empty() && lines_.back().kind == Line::Header) lines_.pop_back();
    lines_.push_back({Line::Header, name, 0, {}});
    group = name;
  };
  const bool one = comparison_.names.size() < 2;
  for (std::size_t i = 0; i < comparison_.rows.size(); ++i) {
    const ComparisonRow& row = comparison_.rows[i];
    const QString g = QString::fromStdString(row.group);
    if (g != group) open_group(g);
    if (only_differences_ && !one && !row.differs) continue;
    lines_.push_back({Line::Metric, g, i, display_unit(row)});
  }
  open_group(QString::fromLatin1(kInventoryGroup));
  for (std::size_t i = 0; i < comparison_.inventory.size(); ++i) {
    if (only_differences_ && !one && !comparison_.inventory[i].differs) continue;
    lines_.push_back({Line::Inventory, group, i, {}});
  }
  if (!lines_.empty() && lines_.back().kind == Line::Header) lines_.pop_back();
}

int ComparisonTableModel::value_column(int design) const { return design == 0 ? 2 : 2 * design + 1; }
int ComparisonTableModel::difference_column(int design) const { return design == 0 ? -1 : 2 * design + 2; }

int ComparisonTableModel::design_of(int column, bool* difference) const {
  *difference = false;
  if (column < 2) return -1;
  if (column == 2) return 0;
  *difference = column % 2 == 0;
  return (column - 1) / 2;
}

int ComparisonTableModel::row_of(const QString& key) const {
  for (int r = 0; r < rowCount(); ++r)
    if (data(index(r, 0), kKeyRole).toString() == key) return r;
  return -1;
}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(lines_.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
  if (parent.isValid() || comparison_.names.empty()) return parent.isValid() ? 0 : 2;
  return 2 * design_count() + 1;
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  if (section == 0) return tr("Metric");
  if (section == 1) return tr("Unit");
  bool difference = false;
  const int d = design_of(section, &difference);
  if (d < 0 || d >= design_count()) return {};
  const QString name = QString::fromStdString(comparison_.names[d]);
  const QString baseline = QString::fromStdString(comparison_.names[0]);
  if (role == Qt::ToolTipRole)
    return difference ? tr("%1 against the baseline, %2 (\u25B2 higher, \u25BC lower; blue better, amber worse)")
                            .arg(name, baseline)
                      : name;
  if (difference) return tr("\u0394 vs baseline");
  return d == 0 ? tr("%1 (baseline)").arg(name) : name;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Line& line = lines_[index.row()];
  if (line.kind == Line::Header) {
    if (role == Qt::DisplayRole && index.column() == 0) return line.group;
    if (role == Qt::FontRole) {
      QFont f;
      f.setBold(true);
      return f;
    }
    if (role == Qt::BackgroundRole) return QGuiApplication::palette().alternateBase();
    return {};
  }
  return line.kind == Line::Metric ? metric_data(line, index.column(), role)
                                   : inventory_data(line, index.column(), role);
}

QVariant ComparisonTableModel::metric_data(const Line& line, int column, int role) const {
  const ComparisonRow& row = comparison_.rows[line.index];
  if (column == 0) {
    if (role == Qt::DisplayRole) return QString::fromStdString(row.label);
    if (role == kKeyRole) return QString::fromStdString(row.key);
    if (role == Qt::ToolTipRole) return QString::fromStdString(row.source);
    return {};
  }
  if (column == 1) return role == Qt::DisplayRole ? QVariant(line.unit.label) : QVariant();
  bool difference = false;
  const int d = design_of(column, &difference);
  if (d < 0 || d >= design_count()) return {};
  const std::size_t i = static_cast<std::size_t>(d);
  const bool text = row.unit == ComparisonUnit::Text;
  const bool missing = text ? row.texts[i].empty() : !row.values[i];
  const QString baseline = QString::fromStdString(comparison_.names[0]);

  if (difference) {
    switch (role) {
      case Qt::DisplayRole:
        if (text) return row.texts[i] == row.texts[0] ? QStringLiteral("=") : tr("differs");
        return format_difference(row, i, line.unit);
      case Qt::ForegroundRole: {
        const int v = row.verdict(i);
        if (stale_[i] || stale_[0]) return QBrush(muted());
        return v > 0 ? QBrush(better_color()) : v < 0 ? QBrush(worse_color()) : QVariant();
      }
      case Qt::ToolTipRole:
        if (!text && !row.delta[i]) return tr("No difference without both figures.");
        return verdict_text(row.verdict(i), row.better, baseline);
      case kVerdictRole:
        return row.verdict(i);
      case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
      default:
        return {};
    }
  }
  switch (role) {
    case Qt::DisplayRole:
      if (text) return missing ? QString::fromUtf16(kUnknownFigure) : QString::fromStdString(row.texts[i]);
      return format_value(row.values[i], line.unit);
    case Qt::ForegroundRole:
      if (missing || stale_[i]) return QBrush(muted());
      // Red only over a limit: racks whose heat exceeds their cooling.
      if (row.key == "racks_over_cooling" && *row.values[i] > 0) return QBrush(LoadScale::over_limit_color());
      return {};
    case Qt::ToolTipRole: {
      QString tip = text && !missing ? QString::fromStdString(row.texts[i]) + QStringLiteral("\n") : QString();
      tip += QString::fromStdString(row.source);
      if (!row.notes[i].empty()) tip += QStringLiteral("\n") + QString::fromStdString(row.notes[i]);
      if (stale_[i]) tip += tr("\n(being recomputed)");
      return tip;
    }
    case Qt::TextAlignmentRole:
      return text ? QVariant() : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
      return {};
  }
}

QVariant ComparisonTableModel::inventory_data(const Line& line, int column, int role) const {
  const InventoryRow& row = comparison_.inventory[line.index];
  if (column == 0) {
    if (role == Qt::DisplayRole)
      return QStringLiteral("%1: %2").arg(QString::fromStdString(row.category), QString::fromStdString(row.model));
    if (role == kKeyRole)
      return QStringLiteral("inventory:%1:%2").arg(QString::fromStdString(row.category), QString::fromStdString(row.catalog_id));
    if (role == Qt::ToolTipRole) return tr("Bill of materials, catalog id %1").arg(QString::fromStdString(row.catalog_id));
    return {};
  }
  if (column == 1) return role == Qt::DisplayRole ? QVariant(tr("units")) : QVariant();
  bool difference = false;
  const int d = design_of(column, &difference);
  if (d < 0 || d >= design_count()) return {};
  const std::size_t i = static_cast<std::size_t>(d);
  if (role == Qt::TextAlignmentRole) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole) return stale_[i] || stale_[0] ? QVariant(QBrush(muted())) : QVariant();
  if (role != Qt::DisplayRole) return {};
  if (!difference) return QLocale(QLocale::C).toString(row.quantities[i]);
  const long long delta = row.delta[i];
  if (delta == 0) return QStringLiteral("=");
  return delta > 0 ? QStringLiteral("\u25B2 +%1").arg(delta) : QStringLiteral("\u25BC \u2212%1").arg(-delta);
}

}  // namespace cf::ui
