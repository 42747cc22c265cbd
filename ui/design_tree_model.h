#pragma once
// The design as a tree for Qt views: rows, their racks (by position), the racks' devices (by U).
// Columns: Name, Type (catalog vendor and model), U, Max power (kW; the dash when the catalog has
// no figure). Reads the Design, the Catalog and the core's DesignReport; computes nothing.
// A rack's devices become items when a view first asks for them (opened, or looked up by id), so
// that a 100,000-GPU design's tree costs its rows and racks until someone looks inside.

#include <QAbstractItemModel>
#include <QIcon>
#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "role_palette.h"

namespace cf::ui {

class DesignTreeModel : public QAbstractItemModel {
  Q_OBJECT

 public:
  enum Column { NameColumn, TypeColumn, UColumn, PowerColumn, ColumnCount };
  enum class NodeKind { Row, Rack, Device };
  // Data role returning the object id (QString) of any item.
  static constexpr int ObjectIdRole = Qt::UserRole + 1;

  explicit DesignTreeModel(const Catalog& catalog, QObject* parent = nullptr);

  // Shows `design` (null: an empty tree; it must stay alive until the next call) with the figures
  // of `report` (null: dashes).
  void set_design(const Design* design, std::shared_ptr<const DesignReport> report);
  // New figures for the same design (a report that arrived).
  void set_report(std::shared_ptr<const DesignReport> report);

  // The item (column 0) of the row, rack or device with this id; invalid when there is none.
  QModelIndex index_of_object(const std::string& id) const;
  NodeKind kind(const QModelIndex& index) const;
  std::string object_id(const QModelIndex& index) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  struct Node {
    NodeKind kind = NodeKind::Row;
    int parent = -1;        // node index; -1 at the top
    int row_in_parent = 0;  // position among its siblings
    std::size_t item = 0;   // rows: index in design.rows; racks: in design.racks; devices: in rack
    std::size_t rack = 0;   // devices: index of their rack in design.racks
    std::vector<int> children;
    bool devices_built = false;  // racks: their device nodes exist
  };

  void rebuild();
  void add_rack(int row_node, std::size_t rack_index);
  // The device nodes of a rack node, made on first need (nodes are only ever appended).
  void build_devices(int rack_node) const;
  int child_count(const Node& n) const;
  const Node* node(const QModelIndex& index) const;
  const Row& row_of(const Node& n) const { return design_->rows[n.item]; }
  const Rack& rack_of(const Node& n) const {
    return design_->racks[n.kind == NodeKind::Rack ? n.item : n.rack];
  }
  const Device& device_of(const Node& n) const { return design_->racks[n.rack].devices[n.item]; }

  QVariant display(const Node& n, int column) const;
  QVariant tool_tip(const Node& n, int column) const;
  QString type_text(std::string_view catalog_id) const;

  const Catalog& catalog_;
  const Design* design_ = nullptr;
  std::shared_ptr<const DesignReport> report_;
  // Grown by const lookups (build_devices): what exists is part of no observable state.
  mutable std::vector<Node> nodes_;
  std::vector<int> top_;
  mutable std::unordered_map<std::string, int> node_by_id_;
  mutable std::unordered_map<std::string, int> rack_node_of_device_;  // filled on the first lookup
  std::array<QIcon, kRoleCount> role_icons_;
};

}  // namespace cf::ui
