// The design report's HTML and PDF (ui/export/report_export): the HTML is one well-formed,
// self-contained document (an independent XML parser reads it) with every section and the
// charts inline as SVG; the PDF has several pages; a failed export leaves no file.

#include "export/report_export.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "analysis/design_report.h"
#include "export/export_error.h"
#include "io/atomic_file.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

// What an independent XML parser finds in the HTML.
struct Parsed {
  QString error;
  QString doctype, charset, h1;
  QStringList h2;
  int svg = 0, svg_text = 0;
  int external = 0;  // <link>, <script>, <img>, <iframe>: anything that would load another file
  QStringList svg_titles;
};

Parsed parse(const QByteArray& html) {
  Parsed p;
  QXmlStreamReader xml(html);
  QString heading;
  bool in_svg_title = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isDTD()) p.doctype = xml.text().toString();
    if (xml.isStartElement()) {
      const QStringView name = xml.name();
      if (name == u"meta" && xml.attributes().hasAttribute(QStringLiteral("charset")))
        p.charset = xml.attributes().value(QStringLiteral("charset")).toString();
      if (name == u"svg" && xml.namespaceUri() == u"http://www.w3.org/2000/svg") ++p.svg;
      if (name == u"text" && xml.namespaceUri() == u"http://www.w3.org/2000/svg") ++p.svg_text;
      if (name == u"link" || name == u"script" || name == u"img" || name == u"iframe") ++p.external;
      in_svg_title = name == u"title" && xml.namespaceUri() == u"http://www.w3.org/2000/svg";
      if (name == u"h1") p.h1 = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      if (name == u"h2") p.h2 << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    }
    if (xml.isCharacters() && in_svg_title) p.svg_titles << xml.text().toString();
    if (xml.isEndElement()) in_svg_title = false;
  }
  if (xml.hasError())
    p.error = QStringLiteral("%1 at line %2, column %3").arg(xml.errorString()).arg(xml.lineNumber()).arg(xml.columnNumber());
  return p;
}

}  // namespace

class ReportExportTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void htmlIsOneWellFormedDocumentWithEverySectionAndChart();
  void htmlEscapesText();
  void pdfHasSeveralPagesAndTheCharts();
  void failedExportsLeaveNoFile();

 private:
  Design design_;
  DesignReport report_;
  std::vector<ScenarioProjection> scenarios_;
  ReportContent content_;
  QTemporaryDir dir_;
  ReportChartSource charts() const { return {&design_, &report_, &scenarios_}; }
};

void ReportExportTest::initTestCase() {
  QVERIFY(dir_.isValid());
  // CF_KEEP_REPORT=1 keeps the exported files to look at.
  dir_.setAutoRemove(!qEnvironmentVariableIsSet("CF_KEEP_REPORT"));
  if (!dir_.autoRemove()) qInfo("Reports kept in %s", qPrintable(dir_.path()));
  // The SuperPOD sample and a second scenario whose model publishes its batch: s1 (Llama 3 70B)
  // cannot be projected as saved and draws no chart; s2 (GPT-3 175B) draws two.
  design_ = load_design(test::sample_path("dgx-h100-superpod-4su.cluster.json").toStdString());
  design_.scenarios.push_back(Scenario{"s2", "GPT-3 175B", "gpt3-175b", 300e9, Precision::Bf16, {}, {}});
  QElapsedTimer timer;
  timer.start();
  report_ = analyze_design(design_, test::test_catalog());
  ScenarioProjectionOptions options;
  options.models_dir = std::filesystem::path(CF_SOURCE_DIR) / "resources" / "models";
  scenarios_ = project_scenarios(design_, test::test_catalog(), report_, options);
  content_ = build_report_content(design_, test::test_catalog(), report_, scenarios_,
                                  {"dgx-h100-superpod-4su.cluster.json", "2025-06-01"});
  qInfo("SuperPOD analysis, scenario projections and report content: %lld ms", static_cast<long long>(timer.elapsed()));
  QVERIFY(!scenarios_[0].report);
  QVERIFY(scenarios_[1].report && scenarios_[1].curve);
}

void ReportExportTest::htmlIsOneWellFormedDocumentWithEverySectionAndChart() {
  const QString path = dir_.filePath(QStringLiteral("report.html"));
  QElapsedTimer timer;
  timer.start();
  export_report_html(content_, charts(), path);
  qInfo("SuperPOD HTML report: %lld ms", static_cast<long long>(timer.elapsed()));
  const QByteArray html = cf::ui::test::file_bytes(path);
  qInfo("SuperPOD HTML report: %lld bytes", static_cast<long long>(html.size()));
  QVERIFY(html.startsWith("<!DOCTYPE html>"));

  const Parsed p = parse(html);
  QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
  QCOMPARE(p.doctype, QStringLiteral("<!DOCTYPE html>"));
  QCOMPARE(p.charset, QStringLiteral("utf-8"));
  QCOMPARE(p.h1, QStringLiteral("Design report: DGX SuperPOD (DGX H100), 4 scalable units"));
  QCOMPARE(p.h2, (QStringList{QStringLiteral("Summary"), QStringLiteral("Bill of materials and cost"),
                              QStringLiteral("Power and cooling"), QStringLiteral("Network"),
                              QStringLiteral("Training projection"), QStringLiteral("Problems"),
                              QStringLiteral("Assumptions and sources")}));
  // Cost, power by category, rack power, and s2's step time and scaling: five charts, as text.
  QCOMPARE(p.svg, 5);
  QVERIFY(p.svg_text > 50);
  QVERIFY2(p.svg_titles.filter(QStringLiteral("IT power per rack")).size() == 1, qPrintable(p.svg_titles.join('|')));
  QCOMPARE(p.external, 0);
  // Figures read as the core wrote them, and the unprojectable scenario says why.
  QVERIFY(html.contains("<th>GPUs</th><td>1,016</td>"));
  QVERIFY(html.contains("Not projected: Llama 3 70B has no published global batch"));
}

void ReportExportTest::htmlEscapesText() {
  Design design = parse_design_text(test::kTinyDesign);
  design.name = "A & B <racks> \"quoted\" 'single'";
  const DesignReport report = analyze_design(design, test::test_catalog());
  const ReportContent content = build_report_content(design, test::test_catalog(), report, {});
  const QString path = dir_.filePath(QStringLiteral("escaped.html"));
  export_report_html(content, {&design, &report, nullptr}, path);
  const Parsed p = parse(cf::ui::test::file_bytes(path));
  QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
  QCOMPARE(p.h1, QStringLiteral("Design report: A & B <racks> \"quoted\" 'single'"));
  QCOMPARE(p.svg, 3);  // no scenario: cost, power by category, rack power
}

void ReportExportTest::pdfHasSeveralPagesAndTheCharts() {
  const QString path = dir_.filePath(QStringLiteral("report.pdf"));
  QElapsedTimer timer;
  timer.start();
  export_report_pdf(content_, charts(), path);
  qInfo("SuperPOD PDF report: %lld ms", static_cast<long long>(timer.elapsed()));
  const QByteArray pdf = cf::ui::test::file_bytes(path);
  QVERIFY(pdf.startsWith("%PDF-"));
  const int pages = cf::ui::test::pdf_page_objects(pdf);
  qInfo("SuperPOD PDF report: %d pages, %lld bytes", pages, static_cast<long long>(pdf.size()));
  QVERIFY2(pages > 7, qPrintable(QString::number(pages)));  // each of the 7 sections starts a page
  QCOMPARE(static_cast<int>(pdf.count("/Subtype /Image")), 5);
}

void ReportExportTest::failedExportsLeaveNoFile() {
  QTemporaryDir dir;
  // A parent that does not exist.
  const QString missing = dir.filePath(QStringLiteral("no-such-folder/report.html"));
  QVERIFY_THROWS_EXCEPTION(ExportError, export_report_html(content_, charts(), missing));
  QVERIFY_THROWS_EXCEPTION(ExportError, export_report_pdf(content_, charts(), missing + QStringLiteral(".pdf")));
  QVERIFY(!QFile::exists(missing));
  // A target that cannot be replaced (a folder of that name): no temporary left beside it.
  const QString folder = dir.filePath(QStringLiteral("taken.pdf"));
  QVERIFY(QDir().mkdir(folder));
  QVERIFY_THROWS_EXCEPTION(ExportError, export_report_pdf(content_, charts(), folder));
  // A failure midway through the write.
  const QString path = dir.filePath(QStringLiteral("midway.html"));
  set_save_fault_hook([] { throw std::runtime_error("disk full (simulated)"); });
  QVERIFY_THROWS_EXCEPTION(ExportError, export_report_html(content_, charts(), path));
  set_save_fault_hook({});
  QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
           QStringList{QStringLiteral("taken.pdf")});
  QVERIFY(QDir(folder).isEmpty());
}

QTEST_MAIN(ReportExportTest)
#include "report_export_test.moc"
