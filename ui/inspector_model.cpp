#include "inspector_model.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <algorithm>

#include "design/design_index.h"
#include "design_document.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// The value as the file writes it, as text for the value column (without the unit).
QString json_text(const Json& v) {
  if (v.is_null()) return QString::fromUtf16(kUnknownFigure);
  if (v.is_string()) return qs(v.get<std::string>());
  if (v.is_number_integer()) return QString::number(v.get<long long>());
  if (v.is_number()) return QString::number(v.get<double>(), 'g', 12);
  if (v.is_boolean()) return v.get<bool>() ? QStringLiteral("yes") : QStringLiteral("no");
  return qs(v.dump());
}

QString type_name(ObjectType t) {
  switch (t) {
    case ObjectType::Row: return InspectorModel::tr("Row");
    case ObjectType::Rack: return InspectorModel::tr("Rack");
    case ObjectType::Device: return InspectorModel::tr("Device");
    case ObjectType::PowerFeed: return InspectorModel::tr("Power feed");
    case ObjectType::CoolingUnit: return InspectorModel::tr("Cooling unit");
    case ObjectType::Fabric: return InspectorModel::tr("Fabric");
    case ObjectType::Link: return InspectorModel::tr("Link");
    case ObjectType::Scenario: return InspectorModel::tr("Scenario");
  }
  return {};
}

QString plural_type_name(ObjectType t, int n) {
  switch (t) {
    case ObjectType::Row: return InspectorModel::tr("%n rows", nullptr, n);
    case ObjectType::Rack: return InspectorModel::tr("%n racks", nullptr, n);
    case ObjectType::Device: return InspectorModel::tr("%n devices", nullptr, n);
    case ObjectType::PowerFeed: return InspectorModel::tr("%n power feeds", nullptr, n);
    case ObjectType::CoolingUnit: return InspectorModel::tr("%n cooling units", nullptr, n);
    case ObjectType::Fabric: return InspectorModel::tr("%n fabrics", nullptr, n);
    case ObjectType::Link: return InspectorModel::tr("%n links", nullptr, n);
    case ObjectType::Scenario: return InspectorModel::tr("%n scenarios", nullptr, n);
  }
  return {};
}

QString catalog_tip(const CatalogItem& item) {
  QString tip = InspectorModel::tr("Catalog entry %1").arg(qs(item.id));
  if (!item.source.empty()) tip += QStringLiteral("\n") + InspectorModel::tr("Source: %1").arg(qs(item.source));
  return tip;
}

// The value an editor handed back, as the JSON the file (and set_property) takes.
std::optional<Json> to_json(const ObjectProperty& p, const QVariant& v) {
  switch (p.type) {
    case FieldType::Text:
    case FieldType::Enum: return Json(v.toString().toStdString());
    case FieldType::Integer: {
      bool ok = false;
      const qlonglong n = v.toLongLong(&ok);
      return ok ? std::optional<Json>(Json(n)) : std::nullopt;
    }
    case FieldType::Number: {
      bool ok = false;
      const double x = v.toDouble(&ok);
      return ok ? std::optional<Json>(Json(x)) : std::nullopt;
    }
    case FieldType::Bool: return Json(v.toBool());
    default: return std::nullopt;
  }
}

}  // namespace

QString property_label(const std::string& key) {
  std::string name = key;
  if (auto unit = unit_of_key(key); !unit.empty()) {
    // Strip the suffix that named the unit: "power_limit_kw" -> "power_limit".
    for (std::string suffix : {"_usd_per_gpu_hour", "_usd_per_kwh", "_bytes_per_s", "_bytes",
                               "_usd", "_kw", "_w", "_m", "_v", "_a", "_s"})
      if (name.size() > suffix.size() && name.ends_with(suffix)) {
        name.resize(name.size() - suffix.size());
        break;
      }
  }
  QString label = qs(name).replace(QLatin1Char('_'), QLatin1Char(' '));
  if (label == QStringLiteral("u")) return QStringLiteral("U");
  if (!label.isEmpty()) label[0] = label[0].toUpper();
  return label;
}

InspectorModel::InspectorModel(QObject* parent) : QAbstractItemModel(parent) {}

void InspectorModel::set_document(DesignDocument* document) {
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  if (document_) {
    connect(document_, &DesignDocument::selection_changed, this, [this] { rebuild(true); });
    connect(document_, &DesignDocument::design_changed, this, [this] { rebuild(false); });
    connect(document_, &DesignDocument::report_changed, this, [this] { rebuild(false); });
    connect(document_, &DesignDocument::stale_changed, this, [this] { rebuild(false); });
    connect(document_, &QObject::destroyed, this, [this] {
      document_ = nullptr;
      rebuild(true);
    });
  }
  rebuild(true);
}

void InspectorModel::rebuild(bool selection_changed) {
  std::vector<Group> fresh = build();
  if (selection_changed) set_refusal({});
  // Same groups and keys (an edit, an undo, a new report): update in place, so an open editor and
  // the expansion state survive; otherwise reset.
  bool same_shape = fresh.size() == groups_.size();
  for (std::size_t g = 0; same_shape && g < fresh.size(); ++g) {
    same_shape = fresh[g].items.size() == groups_[g].items.size() && fresh[g].ids == groups_[g].ids;
    for (std::size_t i = 0; same_shape && i < fresh[g].items.size(); ++i)
      same_shape = fresh[g].items[i].label == groups_[g].items[i].label;
  }
  if (!same_shape) {
    beginResetModel();
    groups_ = std::move(fresh);
    endResetModel();
    return;
  }
  for (std::size_t g = 0; g < fresh.size(); ++g)
    for (std::size_t i = 0; i < fresh[g].items.size(); ++i)
      fresh[g].items[i].refusal = groups_[g].items[i].refusal;
  groups_ = std::move(fresh);
  for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
    const QModelIndex parent = index(g, 0);
    emit dataChanged(parent, index(g, ColumnCount - 1));
    if (const int n = rowCount(parent))
      emit dataChanged(index(0, 0, parent), index(n - 1, ColumnCount - 1, parent));
  }
}

std::vector<InspectorModel::Group> InspectorModel::build() const {
  std::vector<Group> groups;
  if (!document_) return groups;
  const Design& design = document_->design();
  const QStringList& selection = document_->selection();
  if (selection.isEmpty()) {
    add_property_group(groups, tr("Design"), {QString()});
    add_property_group(groups, tr("Site"), {QStringLiteral("site")});
    add_property_group(groups, tr("Assumptions"), {QStringLiteral("assumptions")});
    return groups;
  }
  DesignIndex index(design);
  QStringList ids;
  std::optional<ObjectType> type;
  bool mixed_types = false;
  for (const QString& id : selection) {
    const ObjectLocation* loc = index.find(id.toStdString());
    if (!loc) continue;  // a stale id (the object was removed)
    if (type && *type != loc->type) mixed_types = true;
    type = loc->type;
    ids << id;
  }
  if (ids.isEmpty()) return groups;
  QString title = ids.size() == 1     ? type_name(*type) + QLatin1Char(' ') + ids.front()
                  : mixed_types       ? tr("%n objects", nullptr, static_cast<int>(ids.size()))
                                      : plural_type_name(*type, static_cast<int>(ids.size()));
  add_property_group(groups, title, ids);
  if (ids.size() == 1) add_facts(groups, ids.front());
  return groups;
}

void InspectorModel::add_property_group(std::vector<Group>& groups, const QString& title,
                                        const QStringList& ids) const {
  const Design& design = document_->design();
  const Catalog& catalog = document_->catalog();
  Group group{title, ids, {}};
  auto first = object_properties(design, catalog, ids.front().toStdString());
  if (!first) return;
  for (auto& p : *first) {
    Item item;
    item.label = property_label(p.key);
    item.property = std::move(p);
    item.is_property = true;
    group.items.push_back(std::move(item));
  }
  // A multi-selection shows the keys all objects share (same type); a value that differs is
  // "mixed"; a key that names an object by id is never common (the ids differ by definition).
  for (qsizetype k = 1; k < ids.size(); ++k) {
    auto props = object_properties(design, catalog, ids[k].toStdString());
    if (!props) continue;
    std::erase_if(group.items, [&](Item& item) {
      auto it = std::find_if(props->begin(), props->end(),
                             [&](const ObjectProperty& p) { return p.key == item.property.key; });
      if (it == props->end() || it->type != item.property.type || item.property.key == "id")
        return true;
      if (it->value != item.property.value) item.mixed = true;
      if (it->choices != item.property.choices) item.property.reference = false, item.property.choices.clear();
      return false;
    });
  }
  groups.push_back(std::move(group));
}

void InspectorModel::add_facts(std::vector<Group>& groups, const QString& id) const {
  const Design& design = document_->design();
  const Catalog& catalog = document_->catalog();
  const std::string sid = id.toStdString();
  DesignIndex index(design);
  const ObjectLocation* loc = index.find(sid);
  if (!loc) return;
  Group group{tr("Catalog and analysis"), {}, {}};
  auto fact = [&](const QString& label, const QString& text, const QString& tip, bool report = false) {
    Item item;
    item.label = label;
    item.fact_text = text;
    item.fact_tip = tip;
    item.from_report = report;
    group.items.push_back(std::move(item));
  };
  const QString dash = QString::fromUtf16(kUnknownFigure);
  auto catalog_facts = [&](const std::string& catalog_id) -> const CatalogItem* {
    const CatalogItem* item = catalog.item(catalog_id);
    if (!item) {
      fact(tr("Catalog entry"), dash, tr("\"%1\" is not in the catalog").arg(qs(catalog_id)));
      return nullptr;
    }
    fact(tr("Vendor"), qs(item->vendor), catalog_tip(*item));
    fact(tr("Model"), qs(item->model), catalog_tip(*item));
    return item;
  };
  auto power_facts = [&](const Mountable& m) {
    fact(tr("Height"), m.rack_units ? tr("%1 U").arg(m.rack_units) : tr("0 U (zero-U)"), catalog_tip(m));
    QString tip = catalog_tip(m);
    if (m.power_estimate) tip += QStringLiteral("\n") + tr("A planning estimate, not a published figure");
    if (!m.power_basis.empty()) tip += QStringLiteral("\n") + qs(m.power_basis);
    fact(tr("Max power"),
         m.max_power_w ? format_kw(m.max_power_w) + QStringLiteral(" kW") : dash, tip);
  };
  switch (loc->type) {
    case ObjectType::Device: {
      const Device& dev = design.racks[loc->rack_index].devices[loc->index];
      fact(tr("Rack"), qs(design.racks[loc->rack_index].id), tr("The rack the device is mounted in"));
      if (catalog_facts(dev.catalog_id))
        if (const Mountable* m = catalog.mountable(dev.catalog_id)) power_facts(*m);
      if (const ServerSpec* s = catalog.server(dev.catalog_id); s && s->gpus > 0)
        fact(tr("GPUs"), QString::number(s->gpus), catalog_tip(*s));
      break;
    }
    case ObjectType::Rack: {
      const Rack& rack = design.racks[loc->index];
      if (catalog_facts(rack.catalog_id))
        if (const RackSpec* r = catalog.rack(rack.catalog_id))
          fact(tr("Height"), tr("%1 U").arg(r->rack_units), catalog_tip(*r));
      fact(tr("Devices"), QString::number(rack.devices.size()), tr("Devices mounted in the rack"));
      const auto& rp = document_->report().summary.rack_power;
      auto it = std::find_if(rp.begin(), rp.end(), [&](const RackPower& p) { return p.id == sid; });
      fact(tr("IT power (max)"), it != rp.end() ? format_kw(it->max_w) + QStringLiteral(" kW") : dash,
           tr("Sum of the nameplate maximum power of the rack's devices, from the catalog "
              "(design report; docs/methods.md)"),
           true);
      break;
    }
    case ObjectType::CoolingUnit: {
      const CoolingUnit& unit = design.cooling_units[loc->index];
      if (catalog_facts(unit.catalog_id))
        if (const CoolingSpec* c = catalog.cooling(unit.catalog_id))
          fact(tr("Capacity"), c->capacity_w > 0 ? format_kw(c->capacity_w) + QStringLiteral(" kW") : dash,
               catalog_tip(*c));
      break;
    }
    case ObjectType::Link: {
      const Link& link = design.links[loc->index];
      if (catalog_facts(link.medium_id))
        if (const MediumSpec* m = catalog.medium(link.medium_id)) {
          fact(tr("Speed"), QString::number(m->speed_bps / 1e9) + QStringLiteral(" Gb/s"), catalog_tip(*m));
          fact(tr("Reach"), QString::number(m->reach_m) + QStringLiteral(" m"), catalog_tip(*m));
        }
      break;
    }
    default: break;
  }
  if (!group.items.empty()) groups.push_back(std::move(group));
}

QString InspectorModel::title() const { return groups_.empty() ? QString() : groups_.front().title; }

QModelIndex InspectorModel::value_index(const QString& key, int group) const {
  if (group < 0 || group >= static_cast<int>(groups_.size())) return {};
  const auto& items = groups_[group].items;
  for (int i = 0; i < static_cast<int>(items.size()); ++i)
    if (items[i].is_property && qs(items[i].property.key) == key)
      return index(i, ValueColumn, index(group, 0));
  return {};
}

QModelIndex InspectorModel::index(int row, int column, const QModelIndex& parent) const {
  if (column < 0 || column >= ColumnCount || row < 0) return {};
  if (!parent.isValid())
    return row < static_cast<int>(groups_.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
  if (parent.internalId() != 0 || parent.row() >= static_cast<int>(groups_.size())) return {};
  if (row >= static_cast<int>(groups_[parent.row()].items.size())) return {};
  return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex InspectorModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int InspectorModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(groups_.size());
  if (parent.internalId() != 0 || parent.column() != 0) return 0;
  return static_cast<int>(groups_[parent.row()].items.size());
}

int InspectorModel::columnCount(const QModelIndex&) const { return ColumnCount; }

const InspectorModel::Item* InspectorModel::item(const QModelIndex& index) const {
  if (!index.isValid() || index.internalId() == 0) return nullptr;
  const auto g = static_cast<std::size_t>(index.internalId() - 1);
  if (g >= groups_.size() || index.row() >= static_cast<int>(groups_[g].items.size())) return nullptr;
  return &groups_[g].items[index.row()];
}

QVariant InspectorModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  if (index.internalId() == 0) {  // a group
    if (index.column() != KeyColumn) return {};
    if (role == Qt::DisplayRole) return groups_[index.row()].title;
    if (role == Qt::FontRole) {
      QFont font;
      font.setBold(true);
      return font;
    }
    return {};
  }
  const Item* it = item(index);
  if (!it) return {};
  if (index.column() == KeyColumn) {
    if (role == Qt::DisplayRole) return it->label;
    if (role == Qt::ToolTipRole && it->is_property)
      return tr("File key \"%1\"").arg(qs(it->property.key)) +
             (it->property.min && it->property.max
                  ? QStringLiteral("\n") + tr("From %1 to %2 %3")
                                               .arg(*it->property.min)
                                               .arg(*it->property.max)
                                               .arg(qs(it->property.unit))
                                               .trimmed()
                  : QString());
    return {};
  }
  return value_data(*it, role);
}

QVariant InspectorModel::value_data(const Item& it, int role) const {
  if (!it.is_property) {
    switch (role) {
      case Qt::DisplayRole: return it.fact_text;
      case Qt::ToolTipRole: return it.fact_tip;
      case Qt::ForegroundRole:
        if (it.from_report && document_ && document_->report_is_stale())
          return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
      default: return {};
    }
  }
  const ObjectProperty& p = it.property;
  switch (role) {
    case Qt::DisplayRole:
      if (p.type == FieldType::Bool) return {};
      if (it.mixed) return tr("(mixed)");
      if (p.type == FieldType::Text && p.value.is_string() && p.value.get<std::string>().empty())
        return {};
      return p.unit.empty() || p.value.is_null() ? json_text(p.value)
                                                 : json_text(p.value) + QLatin1Char(' ') + qs(p.unit);
    case Qt::EditRole:
      if (it.mixed || p.value.is_null()) return {};
      if (p.value.is_number_integer()) return QVariant::fromValue(p.value.get<long long>());
      if (p.value.is_number()) return p.value.get<double>();
      if (p.value.is_boolean()) return p.value.get<bool>();
      return json_text(p.value);
    case Qt::CheckStateRole:
      if (p.type != FieldType::Bool) return {};
      if (it.mixed) return Qt::PartiallyChecked;
      return p.value.is_boolean() && p.value.get<bool>() ? Qt::Checked : Qt::Unchecked;
    case Qt::ForegroundRole:
      if (it.mixed || !p.editable) return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
      return {};
    case Qt::DecorationRole:
      if (!it.refusal.isEmpty()) return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
      return {};
    case Qt::ToolTipRole:
      if (!it.refusal.isEmpty()) return tr("Refused: %1").arg(it.refusal);
      if (!p.editable) return tr("Not editable here");
      return {};
    case FileKeyRole: return qs(p.key);
    case TypeRole: return static_cast<int>(p.type);
    case ChoicesRole: {
      QStringList choices;
      for (const auto& c : p.choices) choices << qs(c);
      return choices;
    }
    case MinimumRole: return p.min ? QVariant(*p.min) : QVariant();
    case MaximumRole: return p.max ? QVariant(*p.max) : QVariant();
    case UnitRole: return qs(p.unit);
    case RefusalRole: return it.refusal;
    case MixedRole: return it.mixed;
    default: return {};
  }
}

Qt::ItemFlags InspectorModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractItemModel::flags(index);
  const Item* it = item(index);
  if (!it || index.column() != ValueColumn || !it->is_property || !it->property.editable) return f;
  if (it->property.type == FieldType::Bool) return f | Qt::ItemIsUserCheckable;
  return f | Qt::ItemIsEditable;
}

bool InspectorModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  const Item* it = item(index);
  if (!document_ || !it || index.column() != ValueColumn || !it->is_property || !it->property.editable)
    return false;
  QVariant v = value;
  if (it->property.type == FieldType::Bool) {
    if (role != Qt::CheckStateRole && role != Qt::EditRole) return false;
    if (role == Qt::CheckStateRole) v = value.toInt() == Qt::Checked;
  } else if (role != Qt::EditRole) {
    return false;
  }
  auto json = to_json(it->property, v);
  if (!json) return false;
  // Nothing changes: no undo step.
  if (!it->mixed && *json == it->property.value) return true;
  const Group& group = groups_[index.internalId() - 1];
  return commit(group, *it, *json);
}

bool InspectorModel::commit(const Group& group, const Item& item, const Json& value) {
  const std::string key = item.property.key;
  const QString label = item.label;
  const QStringList ids = group.ids;  // the document's signals rebuild groups_ during apply
  const std::size_t g = static_cast<std::size_t>(&group - groups_.data());
  const std::size_t row = static_cast<std::size_t>(&item - group.items.data());
  QString reason;
  bool ok = false;
  if (ids.size() == 1) {
    ok = document_->apply(set_property(ids.front().toStdString(), key, value), &reason);
  } else {
    std::vector<std::unique_ptr<Edit>> edits;
    for (const QString& id : ids) edits.push_back(set_property(id.toStdString(), key, value));
    ok = document_->apply_all(tr("Set %1 of %n objects", nullptr, static_cast<int>(ids.size())).arg(label),
                              std::move(edits), &reason);
  }
  if (ok) {
    set_refusal({});
    return true;
  }
  if (g < groups_.size() && row < groups_[g].items.size()) {
    groups_[g].items[row].refusal = reason;
    const QModelIndex changed = index(static_cast<int>(row), ValueColumn, index(static_cast<int>(g), 0));
    emit dataChanged(changed.siblingAtColumn(KeyColumn), changed);
  }
  set_refusal(label + QStringLiteral(": ") + reason);
  emit message(tr("Not changed: %1").arg(last_refusal_));
  return false;
}

void InspectorModel::set_refusal(const QString& text) {
  if (text.isEmpty()) {
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g)
      for (int i = 0; i < static_cast<int>(groups_[g].items.size()); ++i)
        if (!groups_[g].items[i].refusal.isEmpty()) {
          groups_[g].items[i].refusal.clear();
          const QModelIndex changed = index(i, ValueColumn, index(g, 0));
          emit dataChanged(changed.siblingAtColumn(KeyColumn), changed);
        }
  }
  if (text == last_refusal_) return;
  last_refusal_ = text;
  emit refusal_changed(text);
}

QVariant InspectorModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return section == KeyColumn ? tr("Property") : tr("Value");
}

}  // namespace cf::ui
