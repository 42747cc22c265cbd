#pragma once
// The properties of the document's selection as a two-level tree for the Inspector dock: one group
// per edited object set (the selection; or, with nothing selected, the design, its site and its
// assumptions) with the keys the core's field tables list (core object_properties), then read-only
// catalog and report facts. Editing a value commits ONE set_property edit (apply_all for a
// multi-selection, still one undo step); a refusal changes nothing and is kept as the row's
// RefusalRole. Computes nothing: values come from the design, the catalog and the report.

#include <QAbstractItemModel>
#include <QStringList>
#include <vector>

#include "design/object_properties.h"

namespace cf::ui {

class DesignDocument;

class InspectorModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { KeyColumn, ValueColumn, ColumnCount };
  // Roles of the value column, for the editor delegate and tests.
  static constexpr int FileKeyRole = Qt::UserRole + 1;   // QString: the file key; empty for facts
  static constexpr int TypeRole = Qt::UserRole + 2;      // int: cf::FieldType
  static constexpr int ChoicesRole = Qt::UserRole + 3;   // QStringList: enum names or ids
  static constexpr int MinimumRole = Qt::UserRole + 4;   // double, when the field has a range
  static constexpr int MaximumRole = Qt::UserRole + 5;
  static constexpr int UnitRole = Qt::UserRole + 6;      // QString: "m", "kW", ...
  static constexpr int RefusalRole = Qt::UserRole + 7;   // QString: why the last edit was refused
  static constexpr int MixedRole = Qt::UserRole + 8;     // bool: the selected objects differ

  explicit InspectorModel(QObject* parent = nullptr);

  // nullptr: nothing open, an empty tree.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }

  // The value-column index of property `key` in group `group` (0: the selection); invalid when
  // absent.
  QModelIndex value_index(const QString& key, int group = 0) const;
  // What the first group shows ("Device dgx-01", "2 racks", "Design").
  QString title() const;
  // The last refusal (property and reason), empty after a successful edit or a new selection.
  const QString& last_refusal() const { return last_refusal_; }

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 signals:
  // A refusal to show in the status bar.
  void message(const QString& text);
  void refusal_changed(const QString& text);

 private:
  struct Item {
    QString label;
    ObjectProperty property;  // editable keys: type, range, choices, the first object's value
    bool is_property = false;
    bool mixed = false;
    QString fact_text, fact_tip;  // read-only facts
    bool from_report = false;     // greyed while the report is stale
    QString refusal;
  };
  struct Group {
    QString title;
    QStringList ids;  // the objects an edit of this group changes
    std::vector<Item> items;
  };

  void rebuild(bool selection_changed);
  std::vector<Group> build() const;
  void add_property_group(std::vector<Group>& groups, const QString& title,
                          const QStringList& ids) const;
  void add_facts(std::vector<Group>& groups, const QString& id) const;
  const Item* item(const QModelIndex& index) const;
  QVariant value_data(const Item& item, int role) const;
  bool commit(const Group& group, const Item& item, const Json& value);
  void set_refusal(const QString& text);

  DesignDocument* document_ = nullptr;
  std::vector<Group> groups_;
  QString last_refusal_;
};

// The label a file key is shown with: "power_limit_kw" -> "Power limit" (the unit goes with the
// value).
QString property_label(const std::string& key);

}  // namespace cf::ui
