#pragma once
// Editors for the Inspector's values by type: a spin box with the unit as suffix for numbers, a
// combo for enums (face, side) and references (feed, row, catalog entry), a line edit for text.
// Booleans are check boxes of the model itself.

#include <QStyledItemDelegate>

namespace cf::ui {

class PropertyDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override;
  void setEditorData(QWidget* editor, const QModelIndex& index) const override;
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override;
};

}  // namespace cf::ui
