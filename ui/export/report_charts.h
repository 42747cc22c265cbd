#pragma once
// The charts of the design report: the dashboard's own charts (dashboard_charts.h), looked up by
// the ids the report content names (ReportSection::charts) and rendered offscreen at a fixed size,
// as SVG for the HTML report and as an image for the PDF. What the report shows looks like the
// dashboard because it is the dashboard's chart code.

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <string>
#include <vector>

#include "analysis/design_report.h"
#include "design/design.h"
#include "training/scenario_projection.h"

class QChart;

namespace cf::ui {

// What the charts are drawn from: the same results the report content was built from. The
// pointers must outlive the export call.
struct ReportChartSource {
  const Design* design = nullptr;
  const DesignReport* report = nullptr;
  const std::vector<ScenarioProjection>* scenarios = nullptr;
};

// The chart an id names ("power-by-category", "rack-power", "cost", "step-time:<scenario id>",
// "scaling:<scenario id>"); null when the id is unknown or there is nothing to draw. The caller
// owns the chart.
QChart* report_chart(const std::string& id, const ReportChartSource& source);

// The size a chart is drawn at, in CSS pixels (the report's column is 800 wide).
QSize report_chart_size(const std::string& id);

// `chart` drawn into an SVG document of `size` (the chart is consumed). Text stays text.
QByteArray chart_svg(QChart* chart, QSize size, const QString& title);
// `chart` drawn into an image of `size` × `scale` device pixels on white (the chart is consumed).
QImage chart_image(QChart* chart, QSize size, qreal scale);

}  // namespace cf::ui
