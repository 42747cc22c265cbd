#include "export_command.h"

#include <QApplication>
#include <filesystem>
#include <iostream>
#include <memory>

#include "analysis/design_report.h"
#include "export/design_export.h"
#include "export/export_error.h"
#include "io/design_file.h"

namespace {

std::vector<std::string> names(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

}  // namespace

CLI::App* add_export_command(CLI::App& app, ExportOptions& o) {
  auto* cmd = app.add_subcommand(
      "export", "Export a design: BOM (xlsx, csv, json, md), diagrams (svg, png, pdf), report (html, pdf), "
                "topology (dot, drawio) or NetBox import files (netbox-csv)");
  cmd->add_option("FILE", o.file, "Design file")->required();
  cmd->add_option("--format", o.format, "Output format")
      ->required()
      ->check(CLI::IsMember(names(cf::ui::export_format_names())));
  cmd->add_option("--view", o.view,
                  "What to draw: racks, floor, topology; for pdf also diagrams (all three) or report")
      ->check(CLI::IsMember(names(cf::ui::export_view_names())));
  cmd->add_option("--fabric", o.fabric, "Topology of this compute fabric id (default: the first; PDF: all)");
  cmd->add_option("--global-batch", o.global_batch,
                  "Report: sequences per step for scenarios whose model publishes no global batch")
      ->check(CLI::Range(1, 100000000));
  cmd->add_option("-o,--output", o.output, "Output file (a folder for netbox-csv)")->required();
  return cmd;
}

int run_export(const ExportOptions& o, const cf::Catalog& catalog, int argc, char** argv) {
  cf::ui::ExportRequest request;
  request.format = *cf::ui::parse_export_format(QString::fromStdString(o.format));
  if (!o.view.empty()) request.view = *cf::ui::parse_export_view(QString::fromStdString(o.view));
  request.output = QString::fromStdString(o.output);
  request.fabric_id = QString::fromStdString(o.fabric);
  request.default_global_batch = o.global_batch;
  if (QString why = cf::ui::export_request_error(request); !why.isEmpty()) {
    std::cerr << "export: " << why.toStdString() << "\n";
    return 2;
  }
  cf::Design design = cf::load_design(o.file);
  cf::DesignReport report = cf::analyze_design(design, catalog);
  // The diagrams and charts are Qt graphics scenes (widgets): they need a QApplication. The CLI
  // never shows a window, so it draws offscreen.
  qputenv("QT_QPA_PLATFORM", "offscreen");
  // Qt's own notes about the headless session (no XDG_RUNTIME_DIR, no fonts cache …) are not the
  // user's business; its errors still are.
  qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& text) {
    if (type == QtCriticalMsg || type == QtFatalMsg) std::cerr << "qt: " << text.toStdString() << "\n";
  });
  QApplication qt(argc, argv);
  try {
    QString name = QString::fromStdString(std::filesystem::path(o.file).filename().string());
    QString written = cf::ui::export_design(design, catalog, report, request, name);
    std::cerr << "wrote " << written.toStdString() << "\n";
  } catch (const cf::ExportError& e) {
    std::cerr << "cannot export: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
