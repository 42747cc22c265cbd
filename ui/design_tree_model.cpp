#include "design_tree_model.h"

#include <QFont>
#include <algorithm>

#include "unit_format.h"

namespace cf::ui {

namespace {

QString qstr(const std::string& s) {
  return QString::fromStdString(s);
}

QString display_name(const std::string& name, const std::string& id) {
  return qstr(name.empty() ? id : name);
}

QString face_name(Face face) {
  return face == Face::Front ? QObject::tr("front") : QObject::tr("rear");
}

}  // namespace

DesignTreeModel::DesignTreeModel(const Catalog& catalog, QObject* parent)
    : QAbstractItemModel(parent), catalog_(catalog) {
  for (int r = 0; r < kRoleCount; ++r) role_icons_[r] = role_icon(static_cast<Role>(r));
}

void DesignTreeModel::set_design(const Design* design, std::shared_ptr<const DesignReport> report) {
  beginResetModel();
  design_ = design;
  report_ = std::move(report);
  rebuild();
  endResetModel();
}

void DesignTreeModel::set_report(std::shared_ptr<const DesignReport> report) {
  report_ = std::move(report);
  // Only racks show a figure of the report.
  for (int row : top_) {
    const int racks = static_cast<int>(nodes_[row].children.size());
    if (racks == 0) continue;
    const QModelIndex parent = createIndex(nodes_[row].row_in_parent, NameColumn, static_cast<quintptr>(row));
    emit dataChanged(index(0, PowerColumn, parent), index(racks - 1, PowerColumn, parent), {Qt::DisplayRole});
  }
}

void DesignTreeModel::rebuild() {
  nodes_.clear();
  top_.clear();
  node_by_id_.clear();
  rack_node_of_device_.clear();
  if (!design_) return;

  // Every rack names an existing row: the loader refuses a design that does not.
  std::unordered_map<std::string, int> row_node;
  for (std::size_t r = 0; r < design_->rows.size(); ++r) {
    Node n;
    n.kind = NodeKind::Row;
    n.row_in_parent = static_cast<int>(top_.size());
    n.item = r;
    nodes_.push_back(n);
    const int id = static_cast<int>(nodes_.size()) - 1;
    top_.push_back(id);
    row_node.emplace(design_->rows[r].id, id);
    node_by_id_.emplace(design_->rows[r].id, id);
  }

  std::vector<std::size_t> racks(design_->racks.size());
  for (std::size_t i = 0; i < racks.size(); ++i) racks[i] = i;
  std::stable_sort(racks.begin(), racks.end(), [&](std::size_t a, std::size_t b) {
    return design_->racks[a].position < design_->racks[b].position;
  });
  for (std::size_t r : racks) {
    auto it = row_node.find(design_->racks[r].row_id);
    if (it != row_node.end()) add_rack(it->second, r);
  }
}

void DesignTreeModel::add_rack(int row_node, std::size_t rack_index) {
  Node n;
  n.kind = NodeKind::Rack;
  n.parent = row_node;
  n.row_in_parent = static_cast<int>(nodes_[row_node].children.size());
  n.item = rack_index;
  nodes_.push_back(n);
  const int rack_node = static_cast<int>(nodes_.size()) - 1;
  nodes_[row_node].children.push_back(rack_node);
  node_by_id_.emplace(design_->racks[rack_index].id, rack_node);
}

void DesignTreeModel::build_devices(int rack_node) const {
  if (nodes_[rack_node].devices_built) return;
  nodes_[rack_node].devices_built = true;
  const std::size_t rack_index = nodes_[rack_node].item;
  const Rack& rack = design_->racks[rack_index];
  std::vector<std::size_t> devices(rack.devices.size());
  for (std::size_t i = 0; i < devices.size(); ++i) devices[i] = i;
  std::stable_sort(devices.begin(), devices.end(), [&](std::size_t a, std::size_t b) {
    return rack.devices[a].u < rack.devices[b].u;
  });
  for (std::size_t d : devices) {
    Node dn;
    dn.kind = NodeKind::Device;
    dn.parent = rack_node;
    dn.row_in_parent = static_cast<int>(nodes_[rack_node].children.size());
    dn.item = d;
    dn.rack = rack_index;
    nodes_.push_back(dn);
    const int device_node = static_cast<int>(nodes_.size()) - 1;
    nodes_[rack_node].children.push_back(device_node);
    node_by_id_.emplace(rack.devices[d].id, device_node);
  }
}

const DesignTreeModel::Node* DesignTreeModel::node(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this) return nullptr;
  const auto id = static_cast<std::size_t>(index.internalId());
  return id < nodes_.size() ? &nodes_[id] : nullptr;
}

int DesignTreeModel::child_count(const Node& n) const {
  if (n.kind == NodeKind::Rack && !n.devices_built) return static_cast<int>(rack_of(n).devices.size());
  return static_cast<int>(n.children.size());
}

QModelIndex DesignTreeModel::index_of_object(const std::string& id) const {
  auto it = node_by_id_.find(id);
  if (it == node_by_id_.end() && design_) {
    // A device whose rack was never opened: find its rack, then make the rack's device nodes.
    if (rack_node_of_device_.empty())
      for (std::size_t n = 0; n < nodes_.size(); ++n)
        if (nodes_[n].kind == NodeKind::Rack)
          for (const Device& device : rack_of(nodes_[n]).devices)
            rack_node_of_device_.emplace(device.id, static_cast<int>(n));
    const auto rack = rack_node_of_device_.find(id);
    if (rack == rack_node_of_device_.end()) return {};
    build_devices(rack->second);
    it = node_by_id_.find(id);
  }
  if (it == node_by_id_.end()) return {};
  return createIndex(nodes_[it->second].row_in_parent, NameColumn,
                     static_cast<quintptr>(it->second));
}

DesignTreeModel::NodeKind DesignTreeModel::kind(const QModelIndex& index) const {
  const Node* n = node(index);
  return n ? n->kind : NodeKind::Row;
}

std::string DesignTreeModel::object_id(const QModelIndex& index) const {
  const Node* n = node(index);
  if (!n) return {};
  switch (n->kind) {
    case NodeKind::Row:
      return row_of(*n).id;
    case NodeKind::Rack:
      return rack_of(*n).id;
    case NodeKind::Device:
      return device_of(*n).id;
  }
  return {};
}

QModelIndex DesignTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount) return {};
  const std::vector<int>* siblings = &top_;
  if (parent.isValid()) {
    const Node* p = node(parent);
    if (!p) return {};
    if (p->kind == NodeKind::Rack && !p->devices_built) {
      const auto rack_node = static_cast<int>(parent.internalId());
      build_devices(rack_node);
      p = &nodes_[static_cast<std::size_t>(rack_node)];  // the vector may have moved
    }
    siblings = &p->children;
  }
  if (row >= static_cast<int>(siblings->size())) return {};
  return createIndex(row, column, static_cast<quintptr>((*siblings)[row]));
}

QModelIndex DesignTreeModel::parent(const QModelIndex& child) const {
  const Node* n = node(child);
  if (!n || n->parent < 0) return {};
  return createIndex(nodes_[n->parent].row_in_parent, NameColumn, static_cast<quintptr>(n->parent));
}

int DesignTreeModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(top_.size());
  if (parent.column() != NameColumn) return 0;
  const Node* p = node(parent);
  return p ? child_count(*p) : 0;
}

int DesignTreeModel::columnCount(const QModelIndex&) const {
  return ColumnCount;
}

QVariant DesignTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::TextAlignmentRole)
    return section == UColumn || section == PowerColumn
               ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && section == PowerColumn)
    return tr("Nameplate maximum power from the catalog; racks: the sum over their devices");
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn:
      return tr("Name");
    case TypeColumn:
      return tr("Type");
    case UColumn:
      return tr("U");
    case PowerColumn:
      return tr("Max power (kW)");
    default:
      return {};
  }
}

QVariant DesignTreeModel::data(const QModelIndex& index, int role) const {
  const Node* n = node(index);
  if (!n) return {};
  switch (role) {
    case Qt::DisplayRole:
      return display(*n, index.column());
    case Qt::ToolTipRole:
      return tool_tip(*n, index.column());
    case ObjectIdRole:
      return qstr(object_id(index));
    case Qt::TextAlignmentRole:
      if (index.column() == UColumn || index.column() == PowerColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::DecorationRole:
      if (n->kind == NodeKind::Device && index.column() == NameColumn)
        return role_icons_[static_cast<std::size_t>(role_of(catalog_, device_of(*n).catalog_id))];
      return {};
    case Qt::FontRole:
      if (n->kind == NodeKind::Row) {
        QFont bold;
        bold.setBold(true);
        return bold;
      }
      return {};
    default:
      return {};
  }
}

QString DesignTreeModel::type_text(std::string_view catalog_id) const {
  if (const CatalogItem* item = catalog_.item(catalog_id)) {
    // Catalog models often start with the vendor already ("NVIDIA MGX rack").
    bool named = item->model.rfind(item->vendor, 0) == 0;
    return qstr(named ? item->model : item->vendor + " " + item->model);
  }
  return tr("%1 (not in the catalog)")
      .arg(QString::fromUtf8(catalog_id.data(), static_cast<int>(catalog_id.size())));
}

QVariant DesignTreeModel::display(const Node& n, int column) const {
  switch (n.kind) {
    case NodeKind::Row: {
      const Row& row = row_of(n);
      if (column == NameColumn) return tr("Row %1").arg(display_name(row.name, row.id));
      return {};
    }
    case NodeKind::Rack: {
      const Rack& rack = rack_of(n);
      if (column == NameColumn) return display_name(rack.name, rack.id);
      if (column == TypeColumn) return type_text(rack.catalog_id);
      if (column == PowerColumn && report_ && n.item < report_->summary.rack_power.size() &&
          report_->summary.rack_power[n.item].id == rack.id)
        return format_kw(report_->summary.rack_power[n.item].max_w);
      return {};
    }
    case NodeKind::Device: {
      const Device& device = device_of(n);
      if (column == NameColumn) return display_name(device.name, device.id);
      if (column == TypeColumn) return type_text(device.catalog_id);
      if (column == UColumn) return device.u;
      if (column == PowerColumn) {
        const Mountable* spec = catalog_.mountable(device.catalog_id);
        return format_kw(spec ? spec->max_power_w : std::nullopt);
      }
      return {};
    }
  }
  return {};
}

QVariant DesignTreeModel::tool_tip(const Node& n, int column) const {
  switch (n.kind) {
    case NodeKind::Row:
      return tr("Row id: %1").arg(qstr(row_of(n).id));
    case NodeKind::Rack: {
      const Rack& rack = rack_of(n);
      if (column == PowerColumn) {
        QString tip = tr("Sum of the nameplate maximum power of the devices in this rack");
        if (rack.power_limit_w)
          tip += "\n" + tr("Power budget of the rack: %1 kW").arg(format_kw(*rack.power_limit_w));
        return tip;
      }
      if (column == TypeColumn) {
        const RackSpec* spec = catalog_.rack(rack.catalog_id);
        return tr("Catalog id: %1").arg(qstr(rack.catalog_id)) +
               (spec ? "\n" + tr("Source: %1").arg(qstr(spec->source)) : QString());
      }
      return tr("Rack id: %1 (position %2 in its row)").arg(qstr(rack.id)).arg(rack.position);
    }
    case NodeKind::Device: {
      const Device& device = device_of(n);
      const Mountable* spec = catalog_.mountable(device.catalog_id);
      if (column == PowerColumn) {
        if (catalog_.pdu(device.catalog_id))
          return tr("A PDU distributes power; it is not counted as a load");
        if (!spec || !spec->max_power_w)
          return tr("The catalog publishes no maximum power for %1").arg(qstr(device.catalog_id));
        QString tip = tr("Nameplate maximum power, from %1").arg(qstr(spec->source));
        if (spec->power_estimate)
          tip += "\n" + tr("Planning estimate: %1").arg(qstr(spec->power_basis));
        return tip;
      }
      if (column == TypeColumn)
        return tr("Catalog id: %1").arg(qstr(device.catalog_id)) +
               (spec ? "\n" + tr("Source: %1").arg(qstr(spec->source)) : QString());
      if (column == UColumn) return tr("Lowest U occupied, %1 face").arg(face_name(device.face));
      return tr("%1 device, id: %2")
          .arg(role_name(role_of(catalog_, device.catalog_id)), qstr(device.id));
    }
  }
  return {};
}

}  // namespace cf::ui
