#include "catalog_palette.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "catalog_palette_model.h"

namespace cf::ui {

namespace {

// Accepts a row whose search text contains every word typed (in any order, any case); recursive
// filtering keeps the categories of accepted entries.
class WordFilter : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void set_words(const QString& text) {
    words_ = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
  }

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    if (words_.isEmpty()) return true;
    const QString text = sourceModel()
                             ->index(row, CatalogPaletteModel::ModelColumn, parent)
                             .data(CatalogPaletteModel::SearchTextRole)
                             .toString();
    for (const QString& word : words_)
      if (!text.contains(word, Qt::CaseInsensitive)) return false;
    return true;
  }

 private:
  QStringList words_;
};

void collect_entries(const QAbstractItemModel* model, const QModelIndex& parent, QStringList& out) {
  for (int r = 0; r < model->rowCount(parent); ++r) {
    const QModelIndex index = model->index(r, 0, parent);
    const QString id = index.data(CatalogPaletteModel::CatalogIdRole).toString();
    if (!id.isEmpty()) out << id;
    collect_entries(model, index, out);
  }
}

}  // namespace

CatalogPalette::CatalogPalette(const Catalog& catalog, QWidget* parent)
    : QWidget(parent),
      model_(new CatalogPaletteModel(catalog, this)),
      proxy_(new WordFilter(this)),
      search_(new QLineEdit(this)),
      tree_(new QTreeView(this)) {
  proxy_->setRecursiveFilteringEnabled(true);
  proxy_->setSourceModel(model_);

  search_->setPlaceholderText(tr("Search the catalog (e.g. H100, 800G, PDU)"));
  search_->setClearButtonEnabled(true);
  search_->setToolTip(tr("Every word must match the id, vendor, model, category or role"));

  tree_->setModel(proxy_);
  tree_->setUniformRowHeights(true);
  tree_->setAlternatingRowColors(true);
  tree_->setDragEnabled(true);
  tree_->setDragDropMode(QAbstractItemView::DragOnly);
  tree_->setDefaultDropAction(Qt::CopyAction);
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->header()->setStretchLastSection(false);
  tree_->header()->setSectionResizeMode(CatalogPaletteModel::ModelColumn, QHeaderView::Stretch);
  for (int c = CatalogPaletteModel::HeightColumn; c < CatalogPaletteModel::ColumnCount; ++c)
    tree_->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  tree_->expandAll();

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(search_);
  layout->addWidget(tree_);

  connect(search_, &QLineEdit::textChanged, this, &CatalogPalette::apply_filter);
  connect(tree_, &QTreeView::activated, this, [this](const QModelIndex& index) {
    const QString id = index.siblingAtColumn(0).data(CatalogPaletteModel::CatalogIdRole).toString();
    if (!id.isEmpty()) emit entry_activated(id);
  });
}

void CatalogPalette::set_filter(const QString& text) {
  if (search_->text() == text)
    apply_filter(text);
  else
    search_->setText(text);  // textChanged filters
}

void CatalogPalette::apply_filter(const QString& text) {
  static_cast<WordFilter*>(proxy_)->set_words(text);
  tree_->expandAll();
}

QStringList CatalogPalette::visible_entries() const {
  QStringList ids;
  collect_entries(proxy_, {}, ids);
  return ids;
}

}  // namespace cf::ui
