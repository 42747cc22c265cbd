// MainWindow and its views on the offscreen platform: what a file shows, what a bad file does,
// saving, and selecting a problem's culprit.

#include "main_window.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <optional>

#include "analysis/summary.h"
#include "catalog/catalog_loader.h"
#include "design_tree_model.h"
#include "io/design_file.h"
#include "problems_panel.h"
#include "summary_panel.h"
#include "ui_test_support.h"

using cf::ui::DesignTreeModel;
using cf::ui::MainWindow;
using cf::ui::test::kTinyDesign;
using cf::ui::test::sample_path;

namespace {

// Two servers overlapping in U: an overlapping-u Problem naming a device.
const char* const kOverlapDesign = R"({
 "format": "clusterforge-design",
 "version": 2,
 "name": "Overlap",
 "rows": [{"id": "row-a", "name": "A"}],
 "racks": [
  {"id": "a01", "catalog": "rack-48u-600x1200", "row": "row-a", "position": 0,
   "devices": [{"id": "dgx-01", "catalog": "nvidia-dgx-h100", "u": 1},
               {"id": "dgx-02", "catalog": "nvidia-dgx-h100", "u": 4}]}
 ],
 "links": []
}
)";

// A missing comma after "name" (line 4): a syntax error on line 5.
const char* const kBadJson =
    "{\n"
    " \"format\": \"clusterforge-design\",\n"
    " \"version\": 2,\n"
    " \"name\": \"Broken\"\n"
    " \"rows\": [],\n"
    " \"racks\": [],\n"
    " \"links\": []\n"
    "}\n";

struct TreeCounts {
  int rows = 0, racks = 0, devices = 0;
};

TreeCounts count_tree(const QAbstractItemModel& model) {
  TreeCounts c;
  c.rows = model.rowCount();
  for (int r = 0; r < c.rows; ++r) {
    const QModelIndex row = model.index(r, 0);
    const int racks = model.rowCount(row);
    c.racks += racks;
    for (int k = 0; k < racks; ++k) c.devices += model.rowCount(model.index(k, 0, row));
  }
  return c;
}

TreeCounts count_design(const cf::Design& d) {
  TreeCounts c;
  c.rows = static_cast<int>(d.rows.size());
  c.racks = static_cast<int>(d.racks.size());
  for (const auto& rack : d.racks) c.devices += static_cast<int>(rack.devices.size());
  return c;
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void init();
  void cleanup();

  void starts_empty();
  void tree_shows_rows_racks_devices();
  void tree_columns_come_from_the_catalog_and_summary();
  void summary_shows_gpu_count();
  void title_names_the_design();
  void malformed_json_is_refused_and_previous_design_stays();
  void structural_error_names_the_json_path();
  void missing_file_is_refused();
  void save_then_reopen_keeps_the_design();
  void double_click_on_problem_selects_culprit();
  void opens_samples_data();
  void opens_samples();
  void lab_sample_has_32_gpus();

 private:
  QString write_file(const QString& name, const char* text);

  cf::Catalog catalog_;
  std::optional<QTemporaryDir> dir_;
  std::unique_ptr<MainWindow> window_;
};

void MainWindowTest::initTestCase() {
  catalog_ = cf::load_catalog({std::filesystem::path(CF_SOURCE_DIR) / "resources" / "catalog"});
  QVERIFY(catalog_.size() > 0);
}

void MainWindowTest::init() {
  dir_.emplace();
  QVERIFY(dir_->isValid());
  window_ = std::make_unique<MainWindow>(catalog_);
  window_->set_interactive(false);
}

void MainWindowTest::cleanup() {
  window_.reset();
  dir_.reset();
}

QString MainWindowTest::write_file(const QString& name, const char* text) {
  const QString path = dir_->filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text);
  return path;
}

void MainWindowTest::starts_empty() {
  QCOMPARE(window_->design(), nullptr);
  QCOMPARE(window_->tree_model()->rowCount(), 0);
  QVERIFY(window_->summary_panel()->summary_text().contains(QStringLiteral("No design open")));
  QVERIFY(!window_->save_to(dir_->filePath(QStringLiteral("x.cluster.json"))));
}

void MainWindowTest::tree_shows_rows_racks_devices() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign)));
  const auto& model = *window_->tree_model();
  const TreeCounts c = count_tree(model);
  QCOMPARE(c.rows, 2);
  QCOMPARE(c.racks, 3);
  QCOMPARE(c.devices, 6);

  // Rows in file order; racks by position (a01 before a02 although the file lists a02 first).
  const QModelIndex row_a = model.index(0, 0);
  QCOMPARE(model.data(row_a, DesignTreeModel::ObjectIdRole).toString(), QStringLiteral("row-a"));
  QCOMPARE(model.rowCount(row_a), 2);
  const QModelIndex a01 = model.index(0, 0, row_a);
  QCOMPARE(model.data(a01).toString(), QStringLiteral("A01"));
  QCOMPARE(model.rowCount(a01), 4);
  QCOMPARE(model.data(model.index(1, 0, row_a)).toString(), QStringLiteral("A02"));
  QCOMPARE(model.rowCount(model.index(1, 0)), 1);
  QCOMPARE(model.parent(a01), row_a);
  QCOMPARE(model.index_of_object("leaf-01").parent(), a01);
}

void MainWindowTest::tree_columns_come_from_the_catalog_and_summary() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign)));
  const auto& model = *window_->tree_model();
  const cf::Mountable* dgx = catalog_.mountable("nvidia-dgx-h100");
  QVERIFY(dgx && dgx->max_power_w);

  const QModelIndex dgx_01 = model.index_of_object("dgx-01");
  QVERIFY(dgx_01.isValid());
  const auto cell = [&](const QModelIndex& i, int column) {
    return model.data(i.siblingAtColumn(column)).toString();
  };
  QCOMPARE(cell(dgx_01, DesignTreeModel::TypeColumn),
           QString::fromStdString(dgx->vendor + " " + dgx->model));
  QCOMPARE(cell(dgx_01, DesignTreeModel::UColumn), QStringLiteral("1"));
  QCOMPARE(cell(dgx_01, DesignTreeModel::PowerColumn),
           QString::number(*dgx->max_power_w / 1000.0, 'f', 1));
  // A PDU has no maximum power in the catalog: a dash, never a zero.
  QCOMPARE(cell(model.index_of_object("a01-pdu-a"), DesignTreeModel::PowerColumn),
           QStringLiteral("\u2014"));
  // A rack's figure is the core summary's.
  const cf::DesignSummary* s = window_->summary();
  QVERIFY(s);
  QCOMPARE(s->rack_power.front().id, std::string("a02"));
  QCOMPARE(cell(model.index_of_object("a02"), DesignTreeModel::PowerColumn),
           QString::number(s->rack_power.front().max_w / 1000.0, 'f', 1));
}

void MainWindowTest::summary_shows_gpu_count() {
  const QString path = write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign);
  QVERIFY(window_->open_file(path));
  const cf::DesignSummary expected = cf::summarize(cf::load_design(path.toStdString()), catalog_);
  QCOMPARE(expected.gpus, 32);
  const QString text = window_->summary_panel()->summary_text();
  QVERIFY2(text.contains(QStringLiteral("GPUs\t32\n")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("Racks\t3\n")), qPrintable(text));
  QVERIFY2(text.contains(QStringLiteral("Tiny test design")), qPrintable(text));
  // Four DGX H100 and one QM9700 at their catalog maximum (the PDU draws nothing itself).
  const double it_max_w = 4 * *catalog_.mountable("nvidia-dgx-h100")->max_power_w +
                          *catalog_.mountable("nvidia-qm9700")->max_power_w;
  QVERIFY2(text.contains(QStringLiteral("IT power (max)\t%1 kW\n").arg(it_max_w / 1000, 0, 'f', 1)), qPrintable(text));
}

void MainWindowTest::title_names_the_design() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign)));
  QCOMPARE(window_->windowTitle(), QStringLiteral("Tiny test design[*] \u2014 ClusterForge"));
  QVERIFY(!window_->isWindowModified());
}

void MainWindowTest::malformed_json_is_refused_and_previous_design_stays() {
  const QString good = write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign);
  QVERIFY(window_->open_file(good));
  const QString bad = write_file(QStringLiteral("broken.cluster.json"), kBadJson);

  QVERIFY(!window_->open_file(bad));
  const QString error = window_->last_error();
  QVERIFY2(error.contains(QStringLiteral("broken.cluster.json")), qPrintable(error));
  const QRegularExpressionMatch m =
      QRegularExpression(QStringLiteral("broken\\.cluster\\.json:(\\d+):(\\d+): ")).match(error);
  QVERIFY2(m.hasMatch(), qPrintable(error));
  QCOMPARE(m.captured(1).toInt(), 5);

  // The previous design is still open and shown.
  QCOMPARE(window_->file_path(), QFileInfo(good).absoluteFilePath());
  QCOMPARE(window_->design()->name, std::string("Tiny test design"));
  QCOMPARE(count_tree(*window_->tree_model()).racks, 3);
  QVERIFY(window_->summary_panel()->summary_text().contains(QStringLiteral("GPUs\t32\n")));
  QVERIFY(window_->windowTitle().startsWith(QStringLiteral("Tiny test design")));
}

void MainWindowTest::structural_error_names_the_json_path() {
  QByteArray text(kTinyDesign);
  text.replace("\"u\": 9", "\"u\": -3");
  const QString path = write_file(QStringLiteral("negative-u.cluster.json"), text.constData());
  QVERIFY(!window_->open_file(path));
  const QString error = window_->last_error();
  QVERIFY2(error.contains(QStringLiteral("negative-u.cluster.json")), qPrintable(error));
  QVERIFY2(error.contains(QStringLiteral("/racks/1/devices/1/u")), qPrintable(error));
  QCOMPARE(window_->design(), nullptr);
}

void MainWindowTest::missing_file_is_refused() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign)));
  QVERIFY(!window_->open_file(dir_->filePath(QStringLiteral("nothing-here.cluster.json"))));
  QVERIFY(window_->last_error().contains(QStringLiteral("nothing-here.cluster.json")));
  QCOMPARE(count_tree(*window_->tree_model()).rows, 2);
}

void MainWindowTest::save_then_reopen_keeps_the_design() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("tiny.cluster.json"), kTinyDesign)));
  const cf::Design before = *window_->design();
  const QString saved = dir_->filePath(QStringLiteral("saved.cluster.json"));

  QVERIFY2(window_->save_to(saved), qPrintable(window_->last_error()));
  QCOMPARE(window_->file_path(), QFileInfo(saved).absoluteFilePath());
  QVERIFY(!window_->isWindowModified());

  QVERIFY(window_->open_file(saved));
  QCOMPARE(count_tree(*window_->tree_model()).racks, 3);
  QCOMPARE(window_->summary()->racks, 3);
  QVERIFY(*window_->design() == before);

  // Saving over an existing file keeps the previous one as .bak.
  QVERIFY(window_->save_to(saved));
  QVERIFY(QFile::exists(saved + QStringLiteral(".bak")));
}

void MainWindowTest::double_click_on_problem_selects_culprit() {
  QVERIFY(window_->open_file(write_file(QStringLiteral("overlap.cluster.json"), kOverlapDesign)));
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));

  cf::ui::ProblemsPanel* panel = window_->problems_panel();
  QTreeWidgetItem* overlap = nullptr;
  for (int i = 0; i < panel->topLevelItemCount() && !overlap; ++i)
    if (panel->topLevelItem(i)->text(cf::ui::ProblemsPanel::CodeColumn) ==
        QStringLiteral("overlapping-u"))
      overlap = panel->topLevelItem(i);
  QVERIFY(overlap);
  const QString culprit =
      overlap->data(cf::ui::ProblemsPanel::SeverityColumn, cf::ui::ProblemsPanel::ObjectIdRole)
          .toString();
  QVERIFY(culprit == QStringLiteral("dgx-01") || culprit == QStringLiteral("dgx-02"));

  panel->scrollToItem(overlap);
  const QPoint at = panel->visualItemRect(overlap).center();
  QSignalSpy activated(panel, &cf::ui::ProblemsPanel::object_activated);
  // Click first as a user would (the offscreen platform swallows a double-click that comes
  // first), then double-click.
  QTest::mouseClick(panel->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseDClick(panel->viewport(), Qt::LeftButton, {}, at);
  QCOMPARE(activated.count(), 1);
  const QModelIndex current = window_->tree_view()->currentIndex();
  QCOMPARE(current.data(DesignTreeModel::ObjectIdRole).toString(), culprit);

  QVERIFY(!window_->select_object(QStringLiteral("no-such-object")));
}

void MainWindowTest::opens_samples_data() {
  QTest::addColumn<QString>("file");
  QTest::newRow("lab") << sample_path("lab-4x-dgx-h100.cluster.json");
  QTest::newRow("superpod") << sample_path("dgx-h100-superpod-4su.cluster.json");
  QTest::newRow("mi300x") << sample_path("mi300x-1024.cluster.json");
}

void MainWindowTest::opens_samples() {
  QFETCH(QString, file);
  if (!QFile::exists(file)) QSKIP("sample not written yet");
  QVERIFY2(window_->open_file(file), qPrintable(window_->last_error()));

  const cf::Design design = cf::load_design(file.toStdString());
  const TreeCounts shown = count_tree(*window_->tree_model());
  const TreeCounts expected = count_design(design);
  QCOMPARE(shown.rows, expected.rows);
  QCOMPARE(shown.racks, expected.racks);
  QCOMPARE(shown.devices, expected.devices);

  const int gpus = cf::summarize(design, catalog_).gpus;
  QVERIFY(gpus > 0);
  const QString text = window_->summary_panel()->summary_text();
  QVERIFY2(text.contains(QStringLiteral("GPUs\t%1\n").arg(QLocale().toString(gpus))), qPrintable(text));
  QCOMPARE(window_->problems_panel()->topLevelItemCount(),
           static_cast<int>(window_->problems().size()));
}

void MainWindowTest::lab_sample_has_32_gpus() {
  const QString file = sample_path("lab-4x-dgx-h100.cluster.json");
  if (!QFile::exists(file)) QSKIP("sample not written yet");
  QVERIFY(window_->open_file(file));
  QVERIFY(window_->summary_panel()->summary_text().contains(QStringLiteral("GPUs\t32\n")));
  QCOMPARE(window_->windowTitle(), QStringLiteral("Lab: 4 x DGX H100[*] \u2014 ClusterForge"));
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
