#include "export_menu.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>

#include "analysis/design_report.h"
#include "design_document.h"
#include "export/export_error.h"

namespace cf::ui {

namespace {

QString suffix_of(const QString& filter) {
  // "Excel workbook (*.xlsx)" -> "xlsx"
  int star = filter.lastIndexOf(QStringLiteral("*."));
  return star < 0 ? QString() : filter.mid(star + 2).chopped(1);
}

}  // namespace

ExportMenu::ExportMenu(Context context, QWidget* parent) : QMenu(tr("&Export"), parent), context_(std::move(context)) {
  const QList<Choice> bom{{tr("Excel workbook (*.xlsx)"), ExportFormat::Xlsx},
                          {tr("CSV (*.csv)"), ExportFormat::Csv},
                          {tr("JSON (*.json)"), ExportFormat::Json},
                          {tr("Markdown (*.md)"), ExportFormat::Markdown}};
  const QList<Choice> images{{tr("SVG image (*.svg)"), ExportFormat::Svg},
                             {tr("PNG image (*.png)"), ExportFormat::Png},
                             {tr("PDF document (*.pdf)"), ExportFormat::Pdf}};
  bom_ = addAction(tr("&Bill of Materials\u2026"), this, [this, bom] {
    ask_and_run(tr("Export Bill of Materials"), QStringLiteral("bom"), bom, ExportView::Default);
  });
  current_view_ = addAction(tr("Current &View as Image\u2026"), this, [this, images] {
    const ExportView view = context_.current_view();
    ask_and_run(tr("Export %1").arg(export_view_name(view)), export_view_name(view), images, view);
  });
  diagrams_ = addAction(tr("All &Diagrams (PDF)\u2026"), this, [this] {
    ask_and_run(tr("Export All Diagrams"), QStringLiteral("diagrams"), {{tr("PDF document (*.pdf)"), ExportFormat::Pdf}},
                ExportView::Diagrams);
  });
  report_ = addAction(tr("&Report\u2026"), this, [this] {
    ask_and_run(tr("Export Report"), QStringLiteral("report"),
                {{tr("HTML document (*.html)"), ExportFormat::Html}, {tr("PDF document (*.pdf)"), ExportFormat::Pdf}},
                ExportView::Report);
  });
  addSeparator();
  topology_ = addAction(tr("&Topology for Graphviz or draw.io\u2026"), this, [this] {
    ask_and_run(tr("Export Topology"), QStringLiteral("topology"),
                {{tr("draw.io diagram (*.drawio)"), ExportFormat::Drawio}, {tr("Graphviz DOT (*.dot)"), ExportFormat::Dot}},
                ExportView::Topology);
  });
  netbox_ = addAction(tr("&NetBox Import Files\u2026"), this, [this] { ask_folder_and_run(); });
  update_actions();
}

void ExportMenu::update_actions() {
  const bool open = context_.document() != nullptr;
  for (QAction* a : {bom_, diagrams_, report_, topology_, netbox_}) a->setEnabled(open);
  current_view_->setEnabled(open && context_.current_view() != ExportView::Default);
}

QString ExportMenu::suggested_path(const QString& stem, const QString& suffix) const {
  DesignDocument* doc = context_.document();
  QFileInfo file(doc ? doc->file_path() : QString());
  QString base = file.fileName().isEmpty() ? QStringLiteral("design") : file.fileName().section(QLatin1Char('.'), 0, 0);
  QString folder = file.fileName().isEmpty() ? QDir::homePath() : file.absolutePath();
  return QDir(folder).filePath(base + QLatin1Char('-') + stem + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
}

void ExportMenu::ask_and_run(const QString& title, const QString& stem, const QList<Choice>& choices, ExportView view) {
  QStringList filters;
  for (const Choice& c : choices) filters << c.filter;
  QString selected = filters.front();
  QString path = QFileDialog::getSaveFileName(parentWidget(), title, suggested_path(stem, suffix_of(selected)),
                                              filters.join(QStringLiteral(";;")), &selected);
  if (path.isEmpty()) return;
  ExportRequest request;
  request.format = choices.front().format;
  for (const Choice& c : choices)
    if (c.filter == selected) request.format = c.format;
  // A name typed without the suffix gets the chosen format's.
  if (QString suffix = suffix_of(selected); QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
  request.output = path;
  request.view = view;
  if (view == ExportView::Topology) request.fabric_id = context_.current_fabric();
  if (view == ExportView::Report && context_.global_batch) request.default_global_batch = context_.global_batch();
  run(request);
}

void ExportMenu::ask_folder_and_run() {
  QString folder = QFileDialog::getExistingDirectory(parentWidget(), tr("Export NetBox Import Files Into"),
                                                     QFileInfo(suggested_path(QString(), QString())).absolutePath());
  if (folder.isEmpty()) return;
  ExportRequest request;
  request.format = ExportFormat::NetboxCsv;
  request.output = folder;
  run(request);
}

bool ExportMenu::run(const ExportRequest& request) {
  DesignDocument* doc = context_.document();
  if (!doc) return false;
  QGuiApplication::setOverrideCursor(Qt::WaitCursor);
  QString summary, error;
  try {
    // The document's own report may lag an edit by its debounce: exports analyse the design as it is.
    const DesignReport report = analyze_design(doc->design(), doc->catalog());
    QString name = QFileInfo(doc->file_path()).fileName();
    summary = export_design(doc->design(), doc->catalog(), report, request, name.isEmpty() ? tr("Untitled") : name);
  } catch (const std::exception& e) {
    error = QString::fromStdString(e.what());
  }
  QGuiApplication::restoreOverrideCursor();
  if (!error.isEmpty()) {
    emit failed(error);
    return false;
  }
  emit exported(summary);
  return true;
}

}  // namespace cf::ui
