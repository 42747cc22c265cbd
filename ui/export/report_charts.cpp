#include "report_charts.h"

#include <QBuffer>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>
#include <memory>

#include "dashboard_charts.h"
#include "export/report_content.h"

namespace cf::ui {

namespace {

const ScenarioProjection* scenario(const ReportChartSource& source, const std::string& id) {
  if (!source.scenarios) return nullptr;
  for (const ScenarioProjection& s : *source.scenarios)
    if (s.scenario_id == id) return &s;
  return nullptr;
}

// The scenario id after `prefix:`, or empty when `id` does not start with it.
std::string suffix(const std::string& id, const std::string& prefix) {
  return id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0 ? id.substr(prefix.size()) : std::string();
}

// Lays `chart` out at `size` in a scene of its own and paints it. The chart's layout is
// activated here: an export runs without waiting for the event loop to do it.
void paint(QChart* chart, QPainter& painter, QSize size) {
  QGraphicsScene scene;
  scene.addItem(chart);  // the scene owns and deletes the chart
  const QRectF rect(QPointF(0, 0), QSizeF(size));
  chart->setGeometry(rect);
  if (QGraphicsLayout* layout = chart->layout()) layout->activate();
  scene.setSceneRect(rect);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  scene.render(&painter, rect, rect);
}

}  // namespace

QChart* report_chart(const std::string& id, const ReportChartSource& source) {
  if (source.report) {
    if (id == "power-by-category") return power_category_chart(source.report->power);
    if (id == "cost") return cost_chart(source.report->cost);
    if (id == "rack-power" && source.design) return rack_power_chart(source.report->power, *source.design);
  }
  if (const std::string sid = suffix(id, "step-time:"); !sid.empty()) {
    const ScenarioProjection* s = scenario(source, sid);
    return s && s->report ? step_time_chart(*s->report) : nullptr;
  }
  if (const std::string sid = suffix(id, "scaling:"); !sid.empty()) {
    const ScenarioProjection* s = scenario(source, sid);
    return s && s->curve ? scaling_chart(*s->curve) : nullptr;
  }
  return nullptr;
}

QSize report_chart_size(const std::string& id) {
  if (id == "rack-power") return {800, 560};
  if (id.rfind("step-time:", 0) == 0) return {800, 300};
  return {800, 420};
}

QByteArray chart_svg(QChart* chart, QSize size, const QString& title) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setResolution(96);  // CSS pixels
  svg.setTitle(title);
  {
    QPainter painter(&svg);
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    paint(chart, painter, size);
  }
  return bytes;
}

QImage chart_image(QChart* chart, QSize size, qreal scale) {
  QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(scale);
  image.fill(Qt::white);
  QPainter painter(&image);
  paint(chart, painter, size);
  return image;
}

}  // namespace cf::ui
