#pragma once
// Every export of a design behind one entry point, for File ▸ Export and `clusterforge-cli export`
// alike (docs/exports.md): a format and a view named as on the command line, one output.
//
//   format              view (default first)                     output
//   svg, png            racks | floor | topology                 one image
//   pdf                 report | diagrams | racks | floor | topology   a multi-page PDF
//   html                report                                   one self-contained file
//   dot, drawio         topology                                 a graph for Graphviz / draw.io
//   netbox-csv          —                                        a folder of NetBox import files
//   xlsx, csv, json, md —                                        the bill of materials

#include <QString>
#include <QStringList>
#include <optional>

namespace cf {
class Catalog;
struct Design;
struct DesignReport;
}  // namespace cf

namespace cf::ui {

enum class ExportFormat { Svg, Png, Pdf, Html, Dot, Drawio, NetboxCsv, Xlsx, Csv, Json, Markdown };
enum class ExportView { Default, Racks, Floor, Topology, Diagrams, Report };

struct ExportRequest {
  ExportFormat format = ExportFormat::Pdf;
  ExportView view = ExportView::Default;
  QString output;     // a file; a folder for netbox-csv
  QString fabric_id;  // topology: which compute fabric (empty: the first; PDF: all)
  // Report: sequences per step for scenarios whose model publishes no global batch (0: such a
  // scenario is reported as not projected, with the reason).
  int default_global_batch = 0;
};

// Names as on the command line ("netbox-csv", "racks"); nullopt for an unknown name.
std::optional<ExportFormat> parse_export_format(const QString& name);
std::optional<ExportView> parse_export_view(const QString& name);
QString export_format_name(ExportFormat format);
QString export_view_name(ExportView view);
QStringList export_format_names();
QStringList export_view_names();

// The views a format can show, its default first (empty: the format has no views).
QList<ExportView> export_views(ExportFormat format);
// Why a request cannot be made ("--view floor does not apply to xlsx"), or empty when it can.
QString export_request_error(const ExportRequest& request);

// Writes the export of `design` (analysed in `report`; `source_name` names it in titles) and
// returns what was written, e.g. "racks.pdf: 3 pages". Throws cf::ExportError; a failed export
// leaves nothing under the output's name. Needs a QApplication for images, PDF and HTML.
QString export_design(const Design& design, const Catalog& catalog, const DesignReport& report,
                      const ExportRequest& request, const QString& source_name);

}  // namespace cf::ui
