// StartPage: the samples gallery (every sample with its GPU count and model), the recent files
// (most recent first, capped, missing files disabled) and the signals that open a file or ask for
// a new cluster.

#include "start_page.h"

#include <QCoreApplication>
#include <QFile>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "design_thumbnail.h"
#include "role_palette.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

class StartPageTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    // Settings of their own: the test must not touch a user's recent files.
    QCoreApplication::setOrganizationName(QStringLiteral("ClusterForgeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("start_page_test"));
  }
  void init() { QSettings().remove(StartPage::kRecentFilesKey); }

  void the_gallery_lists_the_three_samples_with_their_gpus() {
    StartPage page(test::test_catalog());
    // The files are listed at once; their designs are read off the GUI thread.
    QCOMPARE(page.samples_list()->count(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(page.samples_ready(), 60000);
    QCOMPARE(page.samples().size(), std::size_t(3));
    // samples/README.md: lab 4 DGX H100 = 32 GPUs, SuperPOD 127 DGX H100 = 1,016, MI300X 1,024.
    std::map<QString, std::pair<int, QString>> expected{
        {QStringLiteral("lab-4x-dgx-h100.cluster.json"), {32, QStringLiteral("H100 SXM5 80GB")}},
        {QStringLiteral("dgx-h100-superpod-4su.cluster.json"), {1016, QStringLiteral("H100 SXM5 80GB")}},
        {QStringLiteral("mi300x-1024.cluster.json"), {1024, QStringLiteral("Instinct MI300X")}}};
    for (const auto& s : page.samples()) {
      const QString file = QFileInfo(s.path).fileName();
      QVERIFY2(expected.count(file), qPrintable(file));
      QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
      QCOMPARE(s.gpus, expected[file].first);
      QCOMPARE(s.gpu_model, expected[file].second);
      QVERIFY(!s.name.isEmpty());
    }
    // Each gallery item says it and has a thumbnail.
    const QString superpod = page.samples_list()->item(0)->text();
    QVERIFY2(superpod.contains(QLocale().toString(1016)), qPrintable(superpod));
    QVERIFY(!page.samples_list()->item(0)->icon().isNull());
  }

  void activating_a_sample_asks_to_open_it() {
    StartPage page(test::test_catalog());
    QSignalSpy open(&page, &StartPage::open_requested);
    QListWidgetItem* item = page.samples_list()->item(1);
    emit page.samples_list()->itemActivated(item);
    QCOMPARE(open.count(), 1);
    QCOMPARE(QFileInfo(open.at(0).at(0).toString()).fileName(),
             QFileInfo(item->data(StartPage::PathRole).toString()).fileName());
    QSignalSpy wizard(&page, &StartPage::new_cluster_requested);
    page.new_cluster_button()->click();
    QCOMPARE(wizard.count(), 1);
  }

  void recent_files_most_recent_first_without_duplicates_capped_at_ten() {
    QTemporaryDir dir;
    auto path = [&](int i) { return dir.filePath(QStringLiteral("d%1.cluster.json").arg(i)); };
    for (int i = 1; i <= 12; ++i) StartPage::add_recent_file(path(i));
    QStringList recent = StartPage::recent_files();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(recent.front(), path(12));
    QCOMPARE(recent.back(), path(3));  // 1 and 2 fell off
    StartPage::add_recent_file(path(5));  // again: moves to the top, once
    recent = StartPage::recent_files();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(recent.front(), path(5));
    QCOMPARE(recent.count(path(5)), 1);
    QCOMPARE(recent.at(1), path(12));
  }

  void a_missing_recent_file_is_struck_out_and_cannot_be_opened() {
    QTemporaryDir dir;
    const QString present = dir.filePath(QStringLiteral("here.cluster.json"));
    const QString gone = dir.filePath(QStringLiteral("gone.cluster.json"));
    QVERIFY(QFile::copy(test::sample_path("lab-4x-dgx-h100.cluster.json"), present));
    StartPage::add_recent_file(gone);
    StartPage::add_recent_file(present);
    StartPage page(test::test_catalog());
    QListWidget* list = page.recent_list();
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->data(StartPage::PathRole).toString(), present);
    QVERIFY(list->item(0)->flags() & Qt::ItemIsEnabled);
    QVERIFY(!(list->item(1)->flags() & Qt::ItemIsEnabled));
    QVERIFY(list->item(1)->font().strikeOut());
    QSignalSpy open(&page, &StartPage::open_requested);
    emit list->itemActivated(list->item(1));
    QCOMPARE(open.count(), 0);
    emit list->itemActivated(list->item(0));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), present);
  }

  void the_thumbnail_paints_racks_in_role_colours() {
    // The tiny design: rack a02 holds only a DGX H100, so its footprint is compute blue.
    const Design d = parse_design_text(test::kTinyDesign);
    const QImage img = design_thumbnail(d, test::test_catalog(), QSize(120, 120));
    QCOMPARE(img.size(), QSize(120, 120));
    int compute = 0, switch_ = 0;
    for (int y = 0; y < img.height(); ++y)
      for (int x = 0; x < img.width(); ++x) {
        const QColor c = img.pixelColor(x, y);
        compute += c == role_color(Role::Compute);
        switch_ += c == role_color(Role::Switch);
      }
    QVERIFY(compute > 0);
    QVERIFY(switch_ > 0);  // a01's leaf
    QVERIFY(compute > switch_);  // 8U servers outnumber 1U switches
    QVERIFY(design_thumbnail(Design{}, test::test_catalog(), QSize(50, 50)).pixelColor(25, 25).alpha() == 0);
  }
};

QTEST_MAIN(StartPageTest)
#include "start_page_test.moc"
