#include "problems_panel.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QStyle>

namespace cf::ui {

namespace {

QStyle::StandardPixmap severity_icon(Severity s) {
  switch (s) {
    case Severity::Error:
      return QStyle::SP_MessageBoxCritical;
    case Severity::Warning:
      return QStyle::SP_MessageBoxWarning;
    case Severity::Info:
      break;
  }
  return QStyle::SP_MessageBoxInformation;
}

}  // namespace

ProblemsPanel::ProblemsPanel(QWidget* parent) : QTreeWidget(parent) {
  setColumnCount(ColumnCount);
  setHeaderLabels({tr("Severity"), tr("Code"), tr("Message")});
  setRootIsDecorated(false);
  setUniformRowHeights(true);
  setAlternatingRowColors(true);
  setSelectionMode(QAbstractItemView::SingleSelection);
  setWordWrap(false);
  header()->setStretchLastSection(true);
  // Activation is a double-click (or a single click, where the platform says so) or Enter.
  connect(this, &QTreeWidget::itemActivated, this,
          [this](QTreeWidgetItem* item, int) { activate(item); });
}

void ProblemsPanel::set_problems(const std::vector<Problem>& problems, bool design_open) {
  design_open_ = design_open;
  clear();
  QList<QTreeWidgetItem*> items;
  items.reserve(static_cast<qsizetype>(problems.size()));
  for (const Problem& p : problems) {
    auto* item = new QTreeWidgetItem;
    item->setIcon(SeverityColumn, style()->standardIcon(severity_icon(p.severity)));
    item->setText(SeverityColumn, QString::fromStdString(to_string(p.severity)));
    item->setText(CodeColumn, QString::fromStdString(p.code));
    item->setText(MessageColumn, QString::fromStdString(p.message));
    const QString id = QString::fromStdString(p.object_id);
    item->setData(SeverityColumn, ObjectIdRole, id);
    QString tip = QString::fromStdString(p.message);
    if (!p.path.empty()) tip += "\n" + tr("At %1").arg(QString::fromStdString(p.path));
    if (!id.isEmpty()) tip += "\n" + tr("Double-click to select %1").arg(id);
    for (int c = 0; c < ColumnCount; ++c) item->setToolTip(c, tip);
    items.push_back(item);
  }
  addTopLevelItems(items);
  // Room beyond the widest entry, so that the columns never touch.
  const int padding = fontMetrics().averageCharWidth() * 3;
  for (int c : {SeverityColumn, CodeColumn}) {
    resizeColumnToContents(c);
    setColumnWidth(c, columnWidth(c) + padding);
  }
}

void ProblemsPanel::set_analysis_state(bool analysed, bool stale) {
  if (analysed == analysed_ && stale == stale_) return;
  analysed_ = analysed;
  stale_ = stale;
  QPalette p = palette();
  p.setColor(QPalette::Active, QPalette::Text, QApplication::palette().color(stale ? QPalette::Disabled : QPalette::Active, QPalette::Text));
  p.setColor(QPalette::Inactive, QPalette::Text, QApplication::palette().color(stale ? QPalette::Disabled : QPalette::Inactive, QPalette::Text));
  setPalette(p);
  viewport()->update();
}

void ProblemsPanel::paintEvent(QPaintEvent* event) {
  QTreeWidget::paintEvent(event);
  if (!design_open_ || topLevelItemCount() > 0) return;
  QPainter painter(viewport());
  painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
  painter.drawText(viewport()->rect(), Qt::AlignCenter,
                   analysed_ ? tr("No problems: the design is valid against the catalog.")
                             : tr("Analysing the design\u2026"));
}

void ProblemsPanel::activate(QTreeWidgetItem* item) {
  if (!item) return;
  const QString id = item->data(SeverityColumn, ObjectIdRole).toString();
  if (!id.isEmpty()) emit object_activated(id);
}

}  // namespace cf::ui
