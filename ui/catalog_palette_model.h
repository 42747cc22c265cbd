#pragma once
// The catalog as a tree for the palette: categories (compute servers, management servers,
// InfiniBand and Ethernet switches, storage, PDUs, cooling, racks), each with its entries.
// Columns: Model (vendor and model, role icon), Height (U), GPUs, Max power (kW; the dash when the
// catalog publishes no figure). Entries drag as the catalog MIME payload (catalog_mime.h).

#include <QStandardItemModel>

#include "catalog/catalog.h"

namespace cf::ui {

class CatalogPaletteModel : public QStandardItemModel {
  Q_OBJECT

 public:
  enum Column { ModelColumn, HeightColumn, GpusColumn, PowerColumn, ColumnCount };
  // The catalog id (QString) of an entry; empty for a category.
  static constexpr int CatalogIdRole = Qt::UserRole + 1;
  // What the search matches: id, vendor, model, category and role of an entry.
  static constexpr int SearchTextRole = Qt::UserRole + 2;

  // `catalog` must outlive the model.
  explicit CatalogPaletteModel(const Catalog& catalog, QObject* parent = nullptr);

  // The item (model column) of the entry with this id; invalid when it is not listed.
  QModelIndex index_of_entry(const QString& catalog_id) const;

  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

 private:
  void build();

  const Catalog& catalog_;
};

}  // namespace cf::ui
