#pragma once
// The catalog palette (content of a dock): a search field over the catalog tree
// (CatalogPaletteModel). Typing filters as you type — every word must match the entry's id,
// vendor, model, category or role — and keeps the categories of the matches. Entries drag into
// the rack elevations as the catalog MIME payload.

#include <QWidget>

#include "catalog/catalog.h"

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace cf::ui {

class CatalogPaletteModel;

class CatalogPalette : public QWidget {
  Q_OBJECT

 public:
  // `catalog` must outlive the palette.
  explicit CatalogPalette(const Catalog& catalog, QWidget* parent = nullptr);

  // Filters the tree as if `text` had been typed in the search field.
  void set_filter(const QString& text);

  QLineEdit* search_field() const { return search_; }
  QTreeView* tree() const { return tree_; }
  CatalogPaletteModel* model() const { return model_; }
  // The filtered model the tree shows.
  QSortFilterProxyModel* filtered_model() const { return proxy_; }
  // The catalog ids of the entries the tree shows now, in tree order.
  QStringList visible_entries() const;

 signals:
  // An entry was double-clicked (or Enter pressed on it).
  void entry_activated(const QString& catalog_id);

 private:
  void apply_filter(const QString& text);

  CatalogPaletteModel* model_ = nullptr;
  QSortFilterProxyModel* proxy_ = nullptr;
  QLineEdit* search_ = nullptr;
  QTreeView* tree_ = nullptr;
};

}  // namespace cf::ui
