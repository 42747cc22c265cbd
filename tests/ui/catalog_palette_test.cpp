// The catalog palette: every mountable entry listed under its category with its figures, search
// filtering as you type, and the drag payload round-tripping.

#include "catalog_palette.h"

#include <QLineEdit>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>
#include <memory>

#include "catalog_mime.h"
#include "catalog_palette_model.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

class CatalogPaletteTest : public QObject {
  Q_OBJECT

 private slots:
  void lists_every_entry_that_goes_in_a_rack_or_row() {
    const Catalog& c = test::test_catalog();
    CatalogPalette palette(c);
    const QStringList all = palette.visible_entries();
    const auto expected = c.servers().size() + c.switches().size() + c.storage_systems().size() +
                          c.pdus().size() + c.cooling_units().size() + c.racks().size();
    QCOMPARE(static_cast<std::size_t>(all.size()), expected);
    QVERIFY(!all.contains(QStringLiteral("nvidia-h100-sxm5-80gb")));  // a GPU does not mount
    QVERIFY(!all.contains(QStringLiteral("nvidia-mma4z00-ns")));      // nor does an optic
  }

  void entries_sit_in_their_category_with_figures_and_units() {
    CatalogPalette palette(test::test_catalog());
    const CatalogPaletteModel* model = palette.model();
    const QModelIndex dgx = model->index_of_entry(QStringLiteral("nvidia-dgx-h100"));
    QVERIFY(dgx.isValid());
    QVERIFY(dgx.parent().data().toString().startsWith(QStringLiteral("Compute servers")));
    QCOMPARE(dgx.siblingAtColumn(CatalogPaletteModel::HeightColumn).data().toString(), QStringLiteral("8 U"));
    QCOMPARE(dgx.siblingAtColumn(CatalogPaletteModel::GpusColumn).data().toString(), QStringLiteral("8"));
    // servers.json: DGX H100 max_power_kw 10.2.
    QCOMPARE(dgx.siblingAtColumn(CatalogPaletteModel::PowerColumn).data().toString(), QStringLiteral("10.2 kW"));
    QVERIFY(dgx.data(Qt::ToolTipRole).toString().contains(
        QString::fromStdString(test::test_catalog().server("nvidia-dgx-h100")->source)));
    QVERIFY(!dgx.data(Qt::DecorationRole).value<QIcon>().isNull());

    const QModelIndex leaf = model->index_of_entry(QStringLiteral("nvidia-qm9700"));
    QVERIFY(leaf.parent().data().toString().startsWith(QStringLiteral("InfiniBand switches")));
    QCOMPARE(leaf.siblingAtColumn(CatalogPaletteModel::GpusColumn).data().toString(), QString());
    // The Raritan PDU publishes no power draw: a dash, not a zero.
    const QModelIndex pdu = model->index_of_entry(QStringLiteral("raritan-px3-5878i2r"));
    QVERIFY(pdu.parent().data().toString().startsWith(QStringLiteral("PDUs")));
    QCOMPARE(pdu.siblingAtColumn(CatalogPaletteModel::HeightColumn).data().toString(), QStringLiteral("0 U"));
    QCOMPARE(pdu.siblingAtColumn(CatalogPaletteModel::PowerColumn).data().toString(), QStringLiteral("\u2014"));
  }

  void search_filters_as_you_type() {
    const Catalog& c = test::test_catalog();
    CatalogPalette palette(c);
    QTest::keyClicks(palette.search_field(), QStringLiteral("H100"));
    const QStringList found = palette.visible_entries();
    QVERIFY(found.contains(QStringLiteral("nvidia-dgx-h100")));
    QVERIFY(found.contains(QStringLiteral("dell-xe9680")));  // "8 x H100 SXM5"
    QVERIFY(!found.contains(QStringLiteral("nvidia-dgx-h200")));
    for (const auto& [id, spec] : c.switches()) QVERIFY2(!found.contains(QString::fromStdString(id)), id.c_str());
    // Only the categories of the matches remain, expanded.
    QSortFilterProxyModel* shown = palette.filtered_model();
    QCOMPARE(shown->rowCount(), 1);
    QVERIFY(shown->index(0, 0).data().toString().startsWith(QStringLiteral("Compute servers")));
    QVERIFY(palette.tree()->isExpanded(shown->index(0, 0)));

    // Every word must match, in any order and case.
    palette.set_filter(QStringLiteral("h100 dgx"));
    QCOMPARE(palette.visible_entries(), QStringList{QStringLiteral("nvidia-dgx-h100")});
    // A category name finds its entries.
    palette.set_filter(QStringLiteral("PDUs"));
    QCOMPARE(static_cast<std::size_t>(palette.visible_entries().size()), c.pdus().size());
    palette.set_filter(QStringLiteral("no such thing"));
    QVERIFY(palette.visible_entries().isEmpty());
    palette.search_field()->clear();
    QCOMPARE(palette.visible_entries().size(), CatalogPalette(c).visible_entries().size());
  }

  void the_drag_payload_round_trips() {
    CatalogPalette palette(test::test_catalog());
    palette.set_filter(QStringLiteral("qm9700"));
    // What the tree view drags: the proxy's indexes, any column of the row.
    QSortFilterProxyModel* shown = palette.filtered_model();
    const QModelIndex entry = shown->index(0, CatalogPaletteModel::PowerColumn, shown->index(0, 0));
    std::unique_ptr<QMimeData> mime(shown->mimeData({entry}));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(QString::fromLatin1(kCatalogMimeType)));
    QCOMPARE(catalog_id_from_mime(mime.get()), std::optional<QString>(QStringLiteral("nvidia-qm9700")));
    QVERIFY(shown->supportedDragActions() & Qt::CopyAction);
    // A category drags nothing.
    QVERIFY(!palette.model()->mimeData({palette.model()->index(0, 0)}));

    std::unique_ptr<QMimeData> made(make_catalog_mime(QStringLiteral("nvidia-dgx-b200")));
    QCOMPARE(catalog_id_from_mime(made.get()), std::optional<QString>(QStringLiteral("nvidia-dgx-b200")));
    QVERIFY(!device_drag_from_mime(made.get()));
    QMimeData text;
    text.setText(QStringLiteral("nvidia-dgx-b200"));
    QVERIFY(!catalog_id_from_mime(&text));  // plain text is not a catalog drag

    std::unique_ptr<QMimeData> moved(make_device_mime({QStringLiteral("dgx-01"), 3}));
    const auto drag = device_drag_from_mime(moved.get());
    QVERIFY(drag);
    QCOMPARE(drag->device_id, QStringLiteral("dgx-01"));
    QCOMPARE(drag->grab_offset_u, 3);
    QVERIFY(!catalog_id_from_mime(moved.get()));
  }
};

QTEST_MAIN(CatalogPaletteTest)
#include "catalog_palette_test.moc"
