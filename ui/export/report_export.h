#pragma once
// The design report for a design review, as one self-contained HTML file (inline CSS, charts as
// inline SVG, printable) and as an A4 PDF (the same document laid out by QTextDocument, charts as
// images, page numbers, long tables continued across pages with their header repeated). The
// content is core's (core/export/report_content.h); the charts are the dashboard's.
// Both throw cf::ExportError and leave no file under `path` when they fail. They need a
// QApplication (the charts are QGraphicsWidgets).

#include <QString>

#include "export/report_content.h"
#include "export/report_charts.h"

namespace cf::ui {

void export_report_html(const ReportContent& content, const ReportChartSource& charts, const QString& path);
void export_report_pdf(const ReportContent& content, const ReportChartSource& charts, const QString& path);

// The HTML file's text (what export_report_html writes).
QString report_html(const ReportContent& content, const ReportChartSource& charts);

}  // namespace cf::ui
