// Diagram exports (SVG, PNG, PDF) of the lab and SuperPOD samples, checked with independent
// readers: the SVG parses (QXmlStreamReader) with an <svg> root and viewBox and holds the names as
// <text>; the PNG loads at the SVG's size times the resolution; the PDF's page objects and page
// tree count what the racks per page give by hand; failed writes leave nothing behind.

#include "export/diagram_export.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>

#include "analysis/design_report.h"
#include "analysis/topology_layout.h"
#include "export/export_error.h"
#include "export/rack_order.h"
#include "role_palette.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

const char* const kLab = "lab-4x-dgx-h100.cluster.json";
const char* const kSuperPod = "dgx-h100-superpod-4su.cluster.json";
const char* const kMi300x = "mi300x-1024.cluster.json";

struct Analysed {
  Design design;
  DesignReport report;
};

Analysed analysed(const char* sample) {
  Design d = load_design(test::sample_path(sample).toStdString());
  DesignReport r = analyze_design(d, test::test_catalog());
  return {std::move(d), std::move(r)};
}

QStringList rack_names(const Design& d) {
  QStringList names;
  for (const Rack& r : d.racks) names << QString::fromStdString(r.name.empty() ? r.id : r.name);
  return names;
}

struct SvgFacts {
  QString error, root, title;
  QSizeF view_box;
  QStringList texts;  // the content of every <text>, trimmed
  int images = 0;     // <image> elements: bitmaps
};

SvgFacts read_svg(const QString& path) {
  SvgFacts facts;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    facts.error = QStringLiteral("cannot open");
    return facts;
  }
  QXmlStreamReader xml(&file);
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (facts.root.isEmpty()) {
      facts.root = xml.name().toString();
      const QStringList box = xml.attributes().value(QLatin1String("viewBox")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
      if (box.size() == 4) facts.view_box = QSizeF(box[2].toDouble(), box[3].toDouble());
    } else if (xml.name() == QLatin1String("text")) {
      facts.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    } else if (xml.name() == QLatin1String("image")) {
      ++facts.images;
    } else if (xml.name() == QLatin1String("title") && facts.title.isEmpty()) {
      facts.title = xml.readElementText();
    }
  }
  if (xml.hasError()) facts.error = xml.errorString();
  return facts;
}

// The page tree's /Count.
int pdf_tree_count(const QByteArray& pdf) {
  static const QRegularExpression count(QStringLiteral("/Type\\s*/Pages[^>]*?/Count\\s+(\\d+)"),
                                        QRegularExpression::DotMatchesEverythingOption);
  const auto m = count.match(QString::fromLatin1(pdf));
  return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Each page's MediaBox as width × height in points.
QList<QSizeF> pdf_media_boxes(const QByteArray& pdf) {
  static const QRegularExpression box(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([\\d.]+)\\s+([\\d.]+)\\s*\\]"));
  QList<QSizeF> boxes;
  for (auto it = box.globalMatch(QString::fromLatin1(pdf)); it.hasNext();) {
    const auto m = it.next();
    boxes << QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble());
  }
  return boxes;
}

int pdf_pages(const QString& path) {
  const QByteArray pdf = cf::ui::test::file_bytes(path);
  const int objects = cf::ui::test::pdf_page_objects(pdf);
  return objects == pdf_tree_count(pdf) ? objects : -1;  // the two must agree
}

int ceil_div(qsizetype a, int b) { return static_cast<int>((a + b - 1) / b); }

bool has_color(const QImage& image, const QColor& color) {
  const QRgb wanted = color.rgb();
  for (int y = 0; y < image.height(); y += 2) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); ++x)
      if ((line[x] & 0xFFFFFF) == (wanted & 0xFFFFFF)) return true;
  }
  return false;
}

// The lab sample with a second compute fabric (no links yet): two topologies to draw.
Analysed lab_with_two_fabrics() {
  Analysed a = analysed(kLab);
  Fabric second;
  second.id = "compute-b";
  second.name = "Second fabric";
  second.kind = FabricKind::Compute;
  a.design.fabrics.push_back(second);
  a.report = analyze_design(a.design, test::test_catalog());
  return a;
}

const char* view_key(DiagramView v) {
  return v == DiagramView::Floor ? "floor" : v == DiagramView::Racks ? "racks" : "topology";
}

}  // namespace

class DiagramExportTest : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  // CF_KEEP_DIAGRAMS=FOLDER keeps the exports there for a look.
  QString out(const QString& name) const {
    const QString keep = qEnvironmentVariable("CF_KEEP_DIAGRAMS");
    return keep.isEmpty() ? dir_.filePath(name) : QDir(keep).filePath(name);
  }

  void add_views() {
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("view");
    for (const char* s : {kLab, kSuperPod})
      for (DiagramView v : {DiagramView::Floor, DiagramView::Racks, DiagramView::Topology})
        QTest::addRow("%s/%s", s, view_key(v)) << QString::fromLatin1(s) << static_cast<int>(v);
  }

 private slots:
  void racks_in_floor_order_row_by_row() {
    // kTinyDesign lists a02 before a01 in the file; on the floor row A (y 0) holds a01 then a02,
    // row B (y 3) holds b01.
    const Design tiny = parse_design_text(test::kTinyDesign);
    const auto rows = racks_by_row(tiny);
    QCOMPARE(rows.size(), std::size_t{2});
    QCOMPARE(rows[0].name, QStringLiteral("A"));
    QCOMPARE(rows[0].rack_ids, (QStringList{"a01", "a02"}));
    QCOMPARE(rows[1].rack_ids, (QStringList{"b01"}));
    // Rows go front to back whatever their order in the file.
    Design swapped = tiny;
    std::swap(swapped.rows[0], swapped.rows[1]);
    QCOMPARE(racks_by_row(swapped)[0].name, QStringLiteral("A"));
    const auto parts = chunked({"1", "2", "3", "4", "5"}, 2);
    QCOMPARE(parts.size(), std::size_t{3});
    QCOMPARE(parts[2], QStringList{"5"});
  }

  void names_of_views_and_formats() {
    QCOMPARE(diagram_view_named(QStringLiteral("Racks")), std::optional(DiagramView::Racks));
    QCOMPARE(diagram_format_named(QStringLiteral("pdf")), std::optional(DiagramFormat::Pdf));
    QVERIFY(!diagram_view_named(QStringLiteral("rack")));
  }

  void svg_parses_and_keeps_text_data() { add_views(); }
  void svg_parses_and_keeps_text() {
    QFETCH(QString, sample);
    QFETCH(int, view);
    const Analysed a = analysed(sample.toUtf8().constData());
    const QString path = out(sample + QString::number(view) + QStringLiteral(".svg"));
    QCOMPARE(export_diagram(a.design, test::test_catalog(), a.report, DiagramView(view), DiagramFormat::Svg, path), 1);
    const SvgFacts svg = read_svg(path);
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.root, QStringLiteral("svg"));
    QVERIFY(svg.view_box.width() > 100 && svg.view_box.height() > 100);
    QVERIFY(svg.title.contains(QString::fromStdString(a.design.name)));
    QVERIFY(svg.texts.contains(QString::fromStdString(a.design.name)));  // the heading
    switch (DiagramView(view)) {
      case DiagramView::Floor:
      case DiagramView::Racks:
        // Every rack by name, as text one can search for.
        for (const QString& name : rack_names(a.design)) QVERIFY2(svg.texts.contains(name), qPrintable(name));
        break;
      case DiagramView::Topology: {
        const TopologyLayout layout =
            layout_topology(a.design, test::test_catalog(), a.design.fabrics.front(), &a.report.network.fabrics.front());
        QVERIFY(!layout.tiers.empty());
        for (const TopologyTier& t : layout.tiers)
          QVERIFY2(svg.texts.contains(QString::fromStdString(t.name)), t.name.c_str());
        // The top tier's first node by its label (device ids and group names fit their box).
        const std::string& top = layout.nodes[layout.tiers.front().nodes.front()].label;
        QVERIFY2(svg.texts.contains(QString::fromStdString(top)), top.c_str());
        break;
      }
    }
    // Made from a fresh report: no "updating" note anywhere.
    for (const QString& t : svg.texts) QVERIFY2(!t.contains(QStringLiteral("pdating")), qPrintable(t));
    // Vectors only: the views' pixmap caches never reach a file.
    QCOMPARE(svg.images, 0);
  }

  void png_is_the_svg_in_pixels_data() { add_views(); }
  void png_is_the_svg_in_pixels() {
    QFETCH(QString, sample);
    QFETCH(int, view);
    const Analysed a = analysed(sample.toUtf8().constData());
    const QString svg_path = out(sample + QString::number(view) + QStringLiteral("-ref.svg"));
    const QString png_path = out(sample + QString::number(view) + QStringLiteral(".png"));
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView(view), DiagramFormat::Svg, svg_path);
    QCOMPARE(export_diagram(a.design, test::test_catalog(), a.report, DiagramView(view), DiagramFormat::Png, png_path), 1);
    QImage image(png_path);
    QVERIFY(!image.isNull());
    // 96 dpi: one pixel per SVG unit, unless that is over the pixel budget: then scaled down to it.
    const QSizeF box = read_svg(svg_path).view_box;
    if (box.width() * box.height() <= kMaxPngPixels) {
      QCOMPARE(QSizeF(image.size()), box);
    } else {
      const qint64 pixels = qint64(image.width()) * image.height();
      QVERIFY(pixels <= kMaxPngPixels && pixels > kMaxPngPixels * 0.99);
      QVERIFY(std::abs(image.width() / double(image.height()) - box.width() / box.height()) < 0.002);
    }
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    if (DiagramView(view) == DiagramView::Racks) QVERIFY(has_color(image, role_color(Role::Compute)));
  }

  void png_resolution_scales_pixels() {
    const Analysed a = analysed(kLab);
    DiagramOptions options;
    options.png_dpi = 192;
    const QString svg_path = out(QStringLiteral("lab-racks.svg")), png_path = out(QStringLiteral("lab-racks-192.png"));
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Svg, svg_path);
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Png, png_path, options);
    const QImage image(png_path);
    QCOMPARE(QSizeF(image.size()), read_svg(svg_path).view_box * 2);
    QCOMPARE(image.dotsPerMeterX(), static_cast<int>(std::lround(192 / 0.0254)));
  }

  void png_stays_within_the_pixel_budget() {
    const Analysed a = analysed(kSuperPod);
    DiagramOptions options;
    options.png_dpi = 600;  // 6.25² × the 96-dpi pixels: far over the budget
    const QString svg_path = out(QStringLiteral("pod-racks.svg")), png_path = out(QStringLiteral("pod-racks-600.png"));
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Svg, svg_path);
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Png, png_path, options);
    const QImage image(png_path);
    QVERIFY(!image.isNull());
    const qint64 pixels = qint64(image.width()) * image.height();
    QVERIFY(pixels <= kMaxPngPixels);
    QVERIFY(pixels > kMaxPngPixels * 0.98);  // scaled to the budget, not below it
    const QSizeF box = read_svg(svg_path).view_box;
    QVERIFY(std::abs(image.width() / double(image.height()) - box.width() / box.height()) < 0.002);
  }

  void pdf_pages_per_view_data() {
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("view");
    QTest::addColumn<int>("racks_per_page");
    QTest::addColumn<int>("pages");
    QTest::addColumn<bool>("landscape");  // racks: A3 landscape 1190.55 × 841.89 pt, else upright
    // The racks: 1 in the lab, 38 in the SuperPOD (4 rows of 9, a row of 2). On A3 landscape
    // (1512 × 1047 px within 10 mm margins at 96 px/in) 3 racks of 580 px (front and rear) plus
    // 48 px gaps fit at the legible 70 %, 4 do not (2480 px × 0.7 > 1512): 3 per page. Three
    // (1836 px) do not fit upright (1047 px wide) at 70 %; one rack is larger upright.
    QTest::addRow("lab floor") << QString(kLab) << int(DiagramView::Floor) << 0 << 1 << true;
    QTest::addRow("lab racks") << QString(kLab) << int(DiagramView::Racks) << 0 << 1 << false;
    QTest::addRow("lab topology") << QString(kLab) << int(DiagramView::Topology) << 0 << 1 << true;
    QTest::addRow("pod floor") << QString(kSuperPod) << int(DiagramView::Floor) << 0 << 1 << true;
    QTest::addRow("pod racks") << QString(kSuperPod) << int(DiagramView::Racks) << 0 << ceil_div(38, 3) << true;
    QTest::addRow("pod racks 4") << QString(kSuperPod) << int(DiagramView::Racks) << 4 << ceil_div(38, 4) << true;
    QTest::addRow("pod racks 1") << QString(kSuperPod) << int(DiagramView::Racks) << 1 << 38 << false;
    QTest::addRow("pod topology") << QString(kSuperPod) << int(DiagramView::Topology) << 0 << 1 << true;
  }
  void pdf_pages_per_view() {
    QFETCH(QString, sample);
    QFETCH(int, view);
    QFETCH(int, racks_per_page);
    QFETCH(int, pages);
    QFETCH(bool, landscape);
    const Analysed a = analysed(sample.toUtf8().constData());
    if (DiagramView(view) == DiagramView::Racks && racks_per_page > 0)
      QCOMPARE(pages, ceil_div(a.design.racks.size(), racks_per_page));
    DiagramOptions options;
    options.racks_per_page = racks_per_page;
    const QString path = out(QStringLiteral("%1-%2-%3.pdf").arg(sample).arg(view).arg(racks_per_page));
    QCOMPARE(export_diagram(a.design, test::test_catalog(), a.report, DiagramView(view), DiagramFormat::Pdf, path, options),
             pages);
    QVERIFY(cf::ui::test::file_bytes(path).startsWith("%PDF-"));
    QCOMPARE(pdf_pages(path), pages);
    if (DiagramView(view) == DiagramView::Racks)
      for (const QSizeF& box : pdf_media_boxes(cf::ui::test::file_bytes(path)))
        QVERIFY(std::abs(box.width() - (landscape ? 1190.55 : 841.89)) < 1);
  }

  void a4_holds_one_rack_upright() {
    // A4 landscape (1047 × 718 px within the margins) leaves ~604 px of height for a 1120 px rack
    // (54 %: labels gone); upright, one rack fits at 78 %.
    const Analysed a = analysed(kSuperPod);
    DiagramOptions options;
    options.page_size = QPageSize::A4;
    const QString path = out(QStringLiteral("pod-racks-a4.pdf"));
    QCOMPARE(export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Pdf, path, options),
             38);
    const QList<QSizeF> boxes = pdf_media_boxes(cf::ui::test::file_bytes(path));
    QCOMPARE(boxes.size(), 38);
    for (const QSizeF& box : boxes) QVERIFY(std::abs(box.width() - 595.28) < 1 && std::abs(box.height() - 841.89) < 1);
  }

  void one_pdf_of_every_view() {
    const Analysed pod = analysed(kSuperPod);
    const QString path = out(QStringLiteral("pod-all.pdf"));
    // Floor, 13 rack pages, one compute fabric.
    QCOMPARE(export_diagrams_pdf(pod.design, test::test_catalog(), pod.report, path), 1 + 13 + 1);
    QCOMPARE(pdf_pages(path), 15);
  }

  void each_compute_fabric_its_topology() {
    const Analysed a = lab_with_two_fabrics();
    const QString all = out(QStringLiteral("two-all.pdf")), topo = out(QStringLiteral("two-topo.pdf"));
    QCOMPARE(export_diagrams_pdf(a.design, test::test_catalog(), a.report, all), 1 + 1 + 2);
    QCOMPARE(pdf_pages(all), 4);
    QCOMPARE(export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Topology, DiagramFormat::Pdf, topo), 2);
    QCOMPARE(pdf_pages(topo), 2);
    // SVG: the first compute fabric, or the one asked for.
    const QString first = out(QStringLiteral("two-first.svg")), second = out(QStringLiteral("two-second.svg"));
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Topology, DiagramFormat::Svg, first);
    QVERIFY(read_svg(first).title.contains(QStringLiteral("Compute")));
    DiagramOptions options;
    options.fabric_id = QStringLiteral("compute-b");
    export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Topology, DiagramFormat::Svg, second, options);
    QVERIFY(read_svg(second).title.contains(QStringLiteral("Second fabric")));
    options.fabric_id = QStringLiteral("no-such-fabric");
    QVERIFY_THROWS_EXCEPTION(ExportError, export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Topology,
                                                         DiagramFormat::Svg, second, options));
  }

  void failed_write_leaves_nothing() {
    const Analysed a = analysed(kLab);
    QTemporaryDir scratch;
    // A folder that is a file, and one that does not exist (running as root ignores modes).
    QFile blocker(scratch.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    for (const QString& path : {scratch.filePath(QStringLiteral("not-a-folder/out.svg")),
                                scratch.filePath(QStringLiteral("missing/out.pdf"))})
      for (DiagramFormat format : {DiagramFormat::Svg, DiagramFormat::Png, DiagramFormat::Pdf}) {
        QVERIFY_THROWS_EXCEPTION(ExportError, export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks,
                                                             format, path));
        QVERIFY(!QFile::exists(path));
      }
    // A refused export leaves an earlier file as it was, and no temporary beside it.
    const QString kept = scratch.filePath(QStringLiteral("kept.svg"));
    {
      QFile f(kept);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("earlier");
    }
    DiagramOptions options;
    options.fabric_id = QStringLiteral("no-such-fabric");
    QVERIFY_THROWS_EXCEPTION(ExportError, export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Topology,
                                                         DiagramFormat::Svg, kept, options));
    QCOMPARE(cf::ui::test::file_bytes(kept), QByteArray("earlier"));
    QCOMPARE(QDir(scratch.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{"kept.svg", "not-a-folder"}));
  }

  void large_rack_pdfs_timed() {
    // Not asserted: printed for the record (38 racks each, 13 A3 pages).
    for (const char* sample : {kSuperPod, kMi300x}) {
      const Analysed a = analysed(sample);
      const QString path = out(QString::fromLatin1(sample) + QStringLiteral("-racks.pdf"));
      QElapsedTimer timer;
      timer.start();
      const int pages = export_diagram(a.design, test::test_catalog(), a.report, DiagramView::Racks, DiagramFormat::Pdf, path);
      const qint64 ms = timer.elapsed();
      qInfo("%s: racks PDF, %d pages, %lld bytes, %lld ms", sample, pages, static_cast<long long>(QFileInfo(path).size()),
            static_cast<long long>(ms));
      QCOMPARE(pages, ceil_div(a.design.racks.size(), 3));
      QCOMPARE(pdf_pages(path), pages);
    }
  }
};

QTEST_MAIN(DiagramExportTest)
#include "diagram_export_test.moc"
