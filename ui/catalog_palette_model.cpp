#include "catalog_palette_model.h"

#include <QList>
#include <array>
#include <QStandardItem>
#include <vector>

#include "catalog_mime.h"
#include "role_palette.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }

// Catalog models often start with the vendor already ("NVIDIA MGX rack").
QString display_name(const CatalogItem& item) {
  const bool named = item.model.rfind(item.vendor, 0) == 0;
  return qstr(named ? item.model : item.vendor + " " + item.model);
}

QString kw_with_unit(const std::optional<double>& watts) {
  return watts ? QObject::tr("%1 kW").arg(format_kw(*watts)) : QString::fromUtf16(kUnknownFigure);
}

// One category of the tree while it is being filled.
struct Category {
  QString name;
  std::vector<QList<QStandardItem*>> rows;
};

// Makes the rows of entries, with one cached icon per role.
class Builder {
 public:

  // A row for `item`; `figures` are the Height, GPUs and Power cells (empty = not applicable).
  QList<QStandardItem*> row(const CatalogItem& item, const QString& category, Role role,
                            const QString& height, const QString& gpus, const QString& power,
                            const QStringList& facts) {
    auto* name = new QStandardItem(icon(role), display_name(item));
    name->setData(qstr(item.id), CatalogPaletteModel::CatalogIdRole);
    name->setData(QStringList{qstr(item.id), qstr(item.vendor), qstr(item.model), category,
                              role_name(role)}
                      .join(' '),
                  CatalogPaletteModel::SearchTextRole);
    QString tip = QStringLiteral("<b>%1</b><br>%2").arg(display_name(item).toHtmlEscaped(),
                                                         QObject::tr("Catalog id: %1").arg(qstr(item.id)));
    for (const QString& fact : facts) tip += "<br>" + fact.toHtmlEscaped();
    if (!item.source.empty())
      tip += "<br>" + QObject::tr("Source: %1").arg(qstr(item.source)).toHtmlEscaped();
    if (!item.confidence.empty())
      tip += "<br>" + QObject::tr("Confidence: %1").arg(qstr(item.confidence)).toHtmlEscaped();
    QList<QStandardItem*> cells{name, new QStandardItem(height), new QStandardItem(gpus),
                                new QStandardItem(power)};
    for (QStandardItem* cell : cells) {
      cell->setEditable(false);
      cell->setDragEnabled(true);
      cell->setDropEnabled(false);
      cell->setToolTip(tip);
      // Every cell searches like its row, so recursive filtering never splits a row.
      cell->setData(name->data(CatalogPaletteModel::SearchTextRole), CatalogPaletteModel::SearchTextRole);
    }
    for (int c = 1; c < cells.size(); ++c) cells[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cells;
  }

  // Height, GPUs, power and the facts every mounted entry shares.
  QList<QStandardItem*> mountable_row(const Mountable& m, const QString& category, Role role,
                                      int gpus, QStringList facts) {
    facts.prepend(QObject::tr("Height: %1 U%2")
                      .arg(m.rack_units)
                      .arg(m.rack_units == 0 ? QObject::tr(" (side-mounted)")
                                             : m.full_depth ? QObject::tr(", full depth")
                                                            : QObject::tr(", half depth")));
    QString power = QObject::tr("Max power: %1").arg(kw_with_unit(m.max_power_w));
    if (m.max_power_w && m.power_estimate) power += QObject::tr(" (planning estimate)");
    facts.append(power);
    if (m.typical_power_w) facts.append(QObject::tr("Typical power: %1").arg(kw_with_unit(m.typical_power_w)));
    return row(m, category, role, QObject::tr("%1 U").arg(m.rack_units),
               gpus > 0 ? QString::number(gpus) : QString(), kw_with_unit(m.max_power_w), facts);
  }

  QIcon icon(Role role) {
    auto& slot = icons_[static_cast<std::size_t>(role)];
    if (slot.isNull()) slot = role_icon(role);
    return slot;
  }

 private:
  std::array<QIcon, kRoleCount> icons_;
};

}  // namespace

CatalogPaletteModel::CatalogPaletteModel(const Catalog& catalog, QObject* parent)
    : QStandardItemModel(parent), catalog_(catalog) {
  build();
}

void CatalogPaletteModel::build() {
  clear();
  setHorizontalHeaderLabels({tr("Model"), tr("Height"), tr("GPUs"), tr("Max power")});
  Builder b;
  Category compute{tr("Compute servers"), {}}, management{tr("Management servers"), {}},
      infiniband{tr("InfiniBand switches"), {}}, ethernet{tr("Ethernet switches"), {}},
      storage{tr("Storage"), {}}, pdus{tr("PDUs"), {}}, cooling{tr("Cooling"), {}},
      racks{tr("Racks"), {}};

  for (const auto& [id, s] : catalog_.servers()) {
    const Role role = role_of(catalog_, id);
    Category& cat = role == Role::Storage ? storage : role == Role::Compute ? compute : management;
    QStringList facts;
    if (s.gpus > 0) {
      const GpuSpec* gpu = catalog_.gpu(s.gpu_id);
      facts << tr("GPUs: %1 × %2").arg(s.gpus).arg(gpu ? display_name(*gpu) : qstr(s.gpu_id));
    }
    if (!s.cooling.empty()) facts << tr("Cooling: %1").arg(qstr(s.cooling));
    cat.rows.push_back(b.mountable_row(s, cat.name, role, s.gpus, facts));
  }
  for (const auto& [id, s] : catalog_.switches()) {
    Category& cat = s.protocol == "infiniband" ? infiniband : ethernet;
    int ports = 0;
    for (const auto& group : s.ports) ports += group.count;
    cat.rows.push_back(b.mountable_row(s, cat.name, Role::Switch, 0,
                                       {tr("Protocol: %1").arg(qstr(s.protocol)),
                                        tr("Ports: %1").arg(ports)}));
  }
  for (const auto& [id, s] : catalog_.storage_systems())
    storage.rows.push_back(b.mountable_row(s, storage.name, Role::Storage, 0, {}));
  for (const auto& [id, p] : catalog_.pdus())
    pdus.rows.push_back(b.mountable_row(
        p, pdus.name, Role::Power, 0,
        {tr("Input: %1 V, %2 A, %3-phase").arg(p.voltage_v).arg(p.current_a).arg(p.phases),
         tr("Outlets: %1").arg(qstr(p.outlets))}));
  for (const auto& [id, c] : catalog_.cooling_units()) {
    QStringList facts{tr("Placement: %1").arg(qstr(c.placement)),
                      tr("Capacity: %1").arg(kw_with_unit(c.capacity_w))};
    if (c.placement == "rack") {
      cooling.rows.push_back(b.mountable_row(c, cooling.name, Role::Cooling, 0, facts));
    } else {
      facts.prepend(tr("Not rack-mounted: placed on the floor, in a row or on a rack door"));
      cooling.rows.push_back(b.row(c, cooling.name, Role::Cooling, QString(), QString(),
                                   kw_with_unit(c.max_power_w), facts));
    }
  }
  for (const auto& [id, r] : catalog_.racks())
    racks.rows.push_back(b.row(r, racks.name, Role::Other, tr("%1 U").arg(r.rack_units), QString(),
                               QString(),
                               {tr("Size: %1 × %2 mm (width × depth)")
                                    .arg(r.width_m * 1000, 0, 'f', 0)
                                    .arg(r.depth_m * 1000, 0, 'f', 0)}));

  for (Category* cat : {&compute, &management, &infiniband, &ethernet, &storage, &pdus, &cooling, &racks}) {
    if (cat->rows.empty()) continue;
    auto* head = new QStandardItem(QStringLiteral("%1 (%2)").arg(cat->name).arg(cat->rows.size()));
    head->setEditable(false);
    head->setDragEnabled(false);
    head->setData(cat->name, SearchTextRole);
    for (auto& cells : cat->rows) head->appendRow(cells);
    QList<QStandardItem*> head_row{head};
    for (int c = 1; c < ColumnCount; ++c) {
      auto* blank = new QStandardItem;
      blank->setEditable(false);
      blank->setDragEnabled(false);
      head_row << blank;
    }
    appendRow(head_row);
  }
}

QModelIndex CatalogPaletteModel::index_of_entry(const QString& catalog_id) const {
  const QModelIndexList found =
      match(index(0, 0), CatalogIdRole, catalog_id, 1, Qt::MatchExactly | Qt::MatchRecursive);
  return found.isEmpty() ? QModelIndex() : found.first();
}

QStringList CatalogPaletteModel::mimeTypes() const { return {QString::fromLatin1(kCatalogMimeType)}; }

QMimeData* CatalogPaletteModel::mimeData(const QModelIndexList& indexes) const {
  for (const QModelIndex& index : indexes) {
    const QString id = index.siblingAtColumn(ModelColumn).data(CatalogIdRole).toString();
    if (!id.isEmpty()) return make_catalog_mime(id);
  }
  return nullptr;
}

}  // namespace cf::ui
