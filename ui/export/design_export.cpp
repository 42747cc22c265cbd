#include "export/design_export.h"

#include <QDate>
#include <array>
#include <utility>

#include "analysis/design_report.h"
#include "export/bom_xlsx.h"
#include "export/diagram_export.h"
#include "export/dot_export.h"
#include "export/drawio_export.h"
#include "export/netbox_export.h"
#include "export/report_content.h"
#include "export/report_export.h"
#include "training/scenario_projection.h"
#include "export/export_error.h"
#include "export/export_file.h"
#include "io/bom.h"

namespace cf::ui {

namespace {

constexpr std::array<std::pair<ExportFormat, const char*>, 11> kFormats{{
    {ExportFormat::Svg, "svg"},
    {ExportFormat::Png, "png"},
    {ExportFormat::Pdf, "pdf"},
    {ExportFormat::Html, "html"},
    {ExportFormat::Dot, "dot"},
    {ExportFormat::Drawio, "drawio"},
    {ExportFormat::NetboxCsv, "netbox-csv"},
    {ExportFormat::Xlsx, "xlsx"},
    {ExportFormat::Csv, "csv"},
    {ExportFormat::Json, "json"},
    {ExportFormat::Markdown, "md"},
}};

constexpr std::array<std::pair<ExportView, const char*>, 5> kViews{{
    {ExportView::Racks, "racks"},
    {ExportView::Floor, "floor"},
    {ExportView::Topology, "topology"},
    {ExportView::Diagrams, "diagrams"},
    {ExportView::Report, "report"},
}};

template <typename Table, typename Value>
std::optional<Value> find_by_name(const Table& table, const QString& name) {
  for (const auto& [value, text] : table)
    if (name == QLatin1String(text)) return value;
  return std::nullopt;
}

template <typename Table, typename Value>
QString name_of(const Table& table, Value value) {
  for (const auto& [v, text] : table)
    if (v == value) return QLatin1String(text);
  return {};
}

QString export_bom(const Design& design, const Catalog& catalog, ExportFormat format, const QString& output,
                   const QString& source_name) {
  Bom bom = build_bom(design, catalog);
  std::string title = design.name.empty() ? source_name.toStdString() : design.name;
  switch (format) {
    case ExportFormat::Xlsx:
      write_bom_xlsx(bom, title, output.toStdString());
      break;
    case ExportFormat::Csv:
      write_export_file(output.toStdString(), bom_to_csv(bom));
      break;
    case ExportFormat::Json:
      write_export_file(output.toStdString(), bom_to_json(bom).dump(2) + "\n");
      break;
    default:
      write_export_file(output.toStdString(), bom_to_markdown(bom, title));
  }
  return QStringLiteral("%1: bill of materials, %2 lines").arg(output).arg(bom.lines.size());
}

DiagramView diagram_view(ExportView view) {
  return view == ExportView::Floor ? DiagramView::Floor : view == ExportView::Topology ? DiagramView::Topology
                                                                                       : DiagramView::Racks;
}

QString pages(const QString& output, int count, const QString& what) {
  return QStringLiteral("%1: %2, %3 page(s)").arg(output, what).arg(count);
}

QString export_report(const Design& design, const Catalog& catalog, const DesignReport& report,
                      const ExportRequest& request, const QString& source_name) {
  ScenarioProjectionOptions projection;
  projection.default_global_batch = request.default_global_batch;
  const std::vector<ScenarioProjection> scenarios = project_scenarios(design, catalog, report, projection);
  ReportOptions options;
  options.file = source_name.toStdString();
  options.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
  const ReportContent content = build_report_content(design, catalog, report, scenarios, options);
  const ReportChartSource charts{&design, &report, &scenarios};
  if (request.format == ExportFormat::Html)
    export_report_html(content, charts, request.output);
  else
    export_report_pdf(content, charts, request.output);
  return QStringLiteral("%1: report, %2 sections").arg(request.output).arg(content.sections.size());
}

}  // namespace

std::optional<ExportFormat> parse_export_format(const QString& name) {
  return find_by_name<decltype(kFormats), ExportFormat>(kFormats, name);
}
std::optional<ExportView> parse_export_view(const QString& name) {
  return find_by_name<decltype(kViews), ExportView>(kViews, name);
}
QString export_format_name(ExportFormat format) { return name_of(kFormats, format); }
QString export_view_name(ExportView view) { return view == ExportView::Default ? QString() : name_of(kViews, view); }

QStringList export_format_names() {
  QStringList out;
  for (const auto& [value, text] : kFormats) out << QLatin1String(text);
  return out;
}
QStringList export_view_names() {
  QStringList out;
  for (const auto& [value, text] : kViews) out << QLatin1String(text);
  return out;
}

QList<ExportView> export_views(ExportFormat format) {
  switch (format) {
    case ExportFormat::Svg:
    case ExportFormat::Png:
      return {ExportView::Racks, ExportView::Floor, ExportView::Topology};
    case ExportFormat::Pdf:
      return {ExportView::Report, ExportView::Diagrams, ExportView::Racks, ExportView::Floor, ExportView::Topology};
    case ExportFormat::Html:
      return {ExportView::Report};
    case ExportFormat::Dot:
    case ExportFormat::Drawio:
      return {ExportView::Topology};
    default:
      return {};
  }
}

QString export_request_error(const ExportRequest& request) {
  if (request.output.isEmpty()) return QStringLiteral("no output named");
  if (request.view == ExportView::Default) return {};
  const QList<ExportView> views = export_views(request.format);
  if (views.contains(request.view)) return {};
  QString text = QStringLiteral("--view %1 does not apply to %2")
                     .arg(export_view_name(request.view), export_format_name(request.format));
  if (views.isEmpty()) return text + QStringLiteral(" (it has no views)");
  QStringList allowed;
  for (ExportView v : views) allowed << export_view_name(v);
  return text + QStringLiteral(" (use %1)").arg(allowed.join(QStringLiteral(", ")));
}

QString export_design(const Design& design, const Catalog& catalog, const DesignReport& report,
                      const ExportRequest& request, const QString& source_name) {
  if (QString why = export_request_error(request); !why.isEmpty())
    throw ExportError(request.output.toStdString(), why.toStdString());
  const QList<ExportView> views = export_views(request.format);
  const ExportView view = request.view == ExportView::Default && !views.isEmpty() ? views.front() : request.view;
  switch (request.format) {
    case ExportFormat::Xlsx:
    case ExportFormat::Csv:
    case ExportFormat::Json:
    case ExportFormat::Markdown:
      return export_bom(design, catalog, request.format, request.output, source_name);
    case ExportFormat::Html:
      return export_report(design, catalog, report, request, source_name);
    case ExportFormat::Dot:
    case ExportFormat::Drawio: {
      // No fabric named: every compute fabric (a cluster of the graph / a page of the diagram each).
      const std::string fabric = request.fabric_id.toStdString();
      const bool dot = request.format == ExportFormat::Dot;
      const std::string text =
          dot ? (fabric.empty() ? fabrics_to_dot(design, catalog, report) : fabric_to_dot(design, catalog, report, fabric))
              : (fabric.empty() ? fabrics_to_drawio(design, catalog, report)
                                : fabric_to_drawio(design, catalog, report, fabric));
      write_export_file(request.output.toStdString(), text);
      return QStringLiteral("%1: topology for %2").arg(request.output, dot ? QStringLiteral("Graphviz")
                                                                         : QStringLiteral("draw.io"));
    }
    case ExportFormat::NetboxCsv:
      write_netbox_import(design, catalog, request.output.toStdString());
      return QStringLiteral("%1: NetBox import files (see README.txt there for the order)").arg(request.output);
    case ExportFormat::Svg:
    case ExportFormat::Png:
    case ExportFormat::Pdf: {
      if (view == ExportView::Report) return export_report(design, catalog, report, request, source_name);
      DiagramOptions options;
      options.fabric_id = request.fabric_id;
      if (view == ExportView::Diagrams)
        return pages(request.output, export_diagrams_pdf(design, catalog, report, request.output, options),
                     QStringLiteral("floor plan, racks and topology"));
      DiagramFormat format = request.format == ExportFormat::Svg   ? DiagramFormat::Svg
                             : request.format == ExportFormat::Png ? DiagramFormat::Png
                                                                   : DiagramFormat::Pdf;
      int count = export_diagram(design, catalog, report, diagram_view(view), format, request.output, options);
      return format == DiagramFormat::Pdf ? pages(request.output, count, export_view_name(view))
                                          : QStringLiteral("%1: %2").arg(request.output, export_view_name(view));
    }
  }
  return {};
}

}  // namespace cf::ui
