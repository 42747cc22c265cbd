#include "report_export.h"

#include <QBuffer>
#include <QChart>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QUrl>
#include <exception>
#include <string_view>

#include "export/export_error.h"
#include "export/export_file.h"
#include "report_html.h"

namespace cf::ui {

namespace {

constexpr qreal kImageScale = 2.5;   // PDF chart images: sharp when printed
constexpr int kPdfChartWidth = 620;  // CSS px: A4 less the margins QTextDocument::print keeps

QString chart_title(const QChart* chart) {
  // Titles may carry the dashboard's <br>/<span> markup: the SVG's <title> wants plain text.
  QString title = chart->title();
  title.replace(QRegularExpression(QStringLiteral("<br\\s*/?>")), QStringLiteral(" "));
  title.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
  return title;
}

// The SVG document as an element to inline: no XML prologue, sized by CSS (the viewBox keeps the
// aspect ratio).
QString inline_svg(const QByteArray& svg, QSize size) {
  QString text = QString::fromUtf8(svg);
  const qsizetype start = text.indexOf(QStringLiteral("<svg"));
  if (start < 0) return {};
  text.remove(0, start);
  const qsizetype end = text.indexOf(QLatin1Char('>'));
  QString root = text.left(end);
  root.replace(QRegularExpression(QStringLiteral("\\s(width|height)=\"[^\"]*\"")), QString());
  root += QStringLiteral(" width=\"%1\" height=\"%2\" role=\"img\"").arg(size.width()).arg(size.height());
  return root + text.mid(end);
}

}  // namespace

QString report_html(const ReportContent& content, const ReportChartSource& charts) {
  return report_markup(content, ReportFlavor::Browser, [&](const std::string& id) {
    QChart* chart = report_chart(id, charts);
    if (!chart) return QString();
    const QSize size = report_chart_size(id);
    return inline_svg(chart_svg(chart, size, chart_title(chart)), size);
  });
}

void export_report_html(const ReportContent& content, const ReportChartSource& charts, const QString& path) {
  const QByteArray html = report_html(content, charts).toUtf8();
  write_export_file(path.toStdString(), std::string_view(html.constData(), static_cast<std::size_t>(html.size())));
}

void export_report_pdf(const ReportContent& content, const ReportChartSource& charts, const QString& path) {
  QTextDocument document;
  document.setDocumentMargin(0);
  int n = 0;
  const QString html = report_markup(content, ReportFlavor::RichText, [&](const std::string& id) {
    QChart* chart = report_chart(id, charts);
    if (!chart) return QString();
    const QSize size = report_chart_size(id);
    const QUrl name(QStringLiteral("chart%1.png").arg(++n));
    document.addResource(QTextDocument::ImageResource, name, chart_image(chart, size, kImageScale));
    return QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"/>")
        .arg(name.toString())
        .arg(kPdfChartWidth)
        .arg(kPdfChartWidth * size.height() / size.width());
  });
  document.setHtml(html);

  QByteArray pdf;
  {
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(QString::fromStdString(content.title));
    writer.setCreator(QStringLiteral("ClusterForge"));
    writer.setResolution(300);
    // No margins of the writer's own: print() then lays an unpaginated document out with 2 cm
    // margins (and 2 mm of page margin), paginates it and numbers the pages.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(), QPageLayout::Millimeter));
    document.print(&writer);
  }
  if (pdf.isEmpty()) throw ExportError(path.toStdString(), "the PDF writer produced nothing");
  write_export_file(path.toStdString(), std::string_view(pdf.constData(), static_cast<std::size_t>(pdf.size())));
}

}  // namespace cf::ui
