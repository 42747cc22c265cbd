#include "property_delegate.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <limits>

#include "inspector_model.h"
#include "io/field_table.h"

namespace cf::ui {

namespace {

FieldType type_of(const QModelIndex& index) {
  return static_cast<FieldType>(index.data(InspectorModel::TypeRole).toInt());
}

bool is_combo(const QModelIndex& index) {
  return !index.data(InspectorModel::ChoicesRole).toStringList().isEmpty();
}

QString suffix(const QModelIndex& index) {
  const QString unit = index.data(InspectorModel::UnitRole).toString();
  return unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
}

}  // namespace

QWidget* PropertyDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                        const QModelIndex& index) const {
  const QVariant min = index.data(InspectorModel::MinimumRole);
  const QVariant max = index.data(InspectorModel::MaximumRole);
  if (is_combo(index)) {
    auto* combo = new QComboBox(parent);
    for (const QString& choice : index.data(InspectorModel::ChoicesRole).toStringList())
      combo->addItem(choice.isEmpty() ? tr("(none)") : choice, choice);
    return combo;
  }
  switch (type_of(index)) {
    case FieldType::Integer: {
      auto* spin = new QSpinBox(parent);
      spin->setRange(min.isValid() ? static_cast<int>(min.toDouble()) : std::numeric_limits<int>::min(),
                     max.isValid() ? static_cast<int>(max.toDouble()) : std::numeric_limits<int>::max());
      spin->setSuffix(suffix(index));
      return spin;
    }
    case FieldType::Number: {
      auto* spin = new QDoubleSpinBox(parent);
      spin->setDecimals(3);
      spin->setRange(min.isValid() ? min.toDouble() : -1e18, max.isValid() ? max.toDouble() : 1e18);
      spin->setSuffix(suffix(index));
      return spin;
    }
    default: return QStyledItemDelegate::createEditor(parent, option, index);
  }
}

void PropertyDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
  const QVariant value = index.data(Qt::EditRole);
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
  } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
    spin->setValue(value.isValid() ? value.toInt() : spin->minimum());
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
    dspin->setValue(value.isValid() ? value.toDouble() : dspin->minimum());
  } else {
    QStyledItemDelegate::setEditorData(editor, index);
  }
}

void PropertyDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                    const QModelIndex& index) const {
  // A refused value leaves the model unchanged; the editor closes and the view shows the value the
  // design still holds, with the refusal next to it.
  if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    model->setData(index, combo->currentData(), Qt::EditRole);
  } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
    spin->interpretText();
    model->setData(index, spin->value(), Qt::EditRole);
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
    dspin->interpretText();
    model->setData(index, dspin->value(), Qt::EditRole);
  } else {
    QStyledItemDelegate::setModelData(editor, model, index);
  }
}

}  // namespace cf::ui
