// File ▸ Export in the real main window: its actions follow the open document and the tab shown,
// an export writes what the menu's run() is asked for from the design as it is now (an edit just
// made included), and a failure is reported without writing anything.

#include <QAction>
#include <QFile>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "catalog/catalog_loader.h"
#include "design/edit.h"
#include "export_menu.h"
#include "main_window.h"
#include "ui_test_support.h"

using cf::ui::ExportFormat;
using cf::ui::ExportMenu;
using cf::ui::ExportRequest;
using cf::ui::ExportView;
using cf::ui::MainWindow;

namespace {

cf::Catalog source_catalog() {
  return cf::load_catalog({std::filesystem::path(CF_SOURCE_DIR) / "resources" / "catalog"});
}

// The <text> contents of an SVG file, one string.
QString svg_text(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  QXmlStreamReader xml(&file);
  QString text;
  while (!xml.atEnd())
    if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
      text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char(' ');
  return xml.hasError() ? QString() : text;
}

}  // namespace

class ExportMenuTest : public QObject {
  Q_OBJECT

 private slots:
  void the_file_menu_holds_export_and_its_actions_follow_the_document() {
    MainWindow window(source_catalog());
    ExportMenu* menu = window.export_menu();
    QVERIFY(menu);
    QVERIFY(window.menuBar()->actions().front()->menu()->actions().contains(menu->menuAction()));
    QVERIFY(!menu->bom_action()->isEnabled());  // nothing open
    QVERIFY(window.open_file(cf::ui::test::sample_path("lab-4x-dgx-h100.cluster.json")));
    for (QAction* a : {menu->bom_action(), menu->diagrams_action(), menu->report_action(), menu->topology_action(),
                       menu->netbox_action()})
      QVERIFY2(a->isEnabled(), qPrintable(a->text()));
    window.show_view(QStringLiteral("rack"));
    QVERIFY(menu->current_view_action()->isEnabled());
    window.show_view(QStringLiteral("compare"));  // no single design drawn there
    QVERIFY(!menu->current_view_action()->isEnabled());
  }

  void an_export_is_of_the_design_as_edited() {
    QTemporaryDir dir;
    MainWindow window(source_catalog());
    QVERIFY(window.open_file(cf::ui::test::sample_path("lab-4x-dgx-h100.cluster.json")));
    // Renaming the rack (an undoable edit) shows in the export made right after, before any
    // debounced re-analysis has run.
    QVERIFY(window.document()->apply(cf::set_property("a01", "name", cf::Json("Hall-1 R7"))));
    QSignalSpy exported(window.export_menu(), &ExportMenu::exported);
    ExportRequest request;
    request.format = ExportFormat::Svg;
    request.view = ExportView::Racks;
    request.output = dir.filePath(QStringLiteral("racks.svg"));
    QVERIFY(window.export_menu()->run(request));
    QCOMPARE(exported.count(), 1);
    QVERIFY(svg_text(request.output).contains(QStringLiteral("Hall-1 R7")));
  }

  void a_failed_export_says_why_and_writes_nothing() {
    QTemporaryDir dir;
    MainWindow window(source_catalog());
    QVERIFY(window.open_file(cf::ui::test::sample_path("lab-4x-dgx-h100.cluster.json")));
    QSignalSpy failed(window.export_menu(), &ExportMenu::failed);
    ExportRequest request;
    request.format = ExportFormat::Xlsx;
    request.output = dir.filePath(QStringLiteral("missing/bom.xlsx"));
    QVERIFY(!window.export_menu()->run(request));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.front().front().toString().contains(request.output));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing"))));
  }
};

QTEST_MAIN(ExportMenuTest)
#include "export_menu_test.moc"
