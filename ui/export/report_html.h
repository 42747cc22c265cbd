#pragma once
// The design report's markup: one self-contained XHTML-compatible HTML5 document (inline CSS,
// every text escaped) from the ReportContent. Two flavours of the same document: for browsers
// (charts as inline SVG, CSS for screen and print) and for QTextDocument, which lays out the PDF
// (charts as images, the subset of HTML and CSS it reads).

#include <QString>
#include <functional>
#include <string>

#include "export/report_content.h"

namespace cf::ui {

enum class ReportFlavor { Browser, RichText };

// Markup for the chart with that id (an inline <svg> or an <img>); empty: the chart is left out.
using ChartMarkup = std::function<QString(const std::string& id)>;

QString report_markup(const ReportContent& content, ReportFlavor flavor, const ChartMarkup& chart);

// Text escaped for XHTML content and attribute values (& < > " ').
QString xml_escaped(const std::string& text);

}  // namespace cf::ui
