#include "inspector_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

#include "inspector_model.h"
#include "property_delegate.h"

namespace cf::ui {

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  model_ = new InspectorModel(this);
  view_ = new QTreeView(this);
  view_->setModel(model_);
  view_->setItemDelegate(new PropertyDelegate(view_));
  view_->setUniformRowHeights(true);
  view_->setAlternatingRowColors(true);
  view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                         QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
  view_->header()->setSectionResizeMode(InspectorModel::KeyColumn, QHeaderView::ResizeToContents);
  view_->header()->setStretchLastSection(true);
  layout->addWidget(view_, 1);

  refusal_ = new QLabel(this);
  refusal_->setWordWrap(true);
  refusal_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  refusal_->setStyleSheet(QStringLiteral("color: #b00020; padding: 4px;"));
  refusal_->setVisible(false);
  layout->addWidget(refusal_);

  connect(model_, &InspectorModel::modelReset, view_, &QTreeView::expandAll);
  connect(model_, &InspectorModel::message, this, &InspectorPanel::message);
  connect(model_, &InspectorModel::refusal_changed, this, &InspectorPanel::show_refusal);
}

void InspectorPanel::set_document(DesignDocument* document) {
  model_->set_document(document);
  view_->expandAll();
}

QString InspectorPanel::refusal_text() const { return refusal_->isHidden() ? QString() : refusal_->text(); }

void InspectorPanel::show_refusal(const QString& text) {
  refusal_->setText(text);
  refusal_->setVisible(!text.isEmpty());
}

}  // namespace cf::ui
