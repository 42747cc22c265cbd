#pragma once
// File ▸ Export: every export of the open design (export/design_export.h) behind a file dialog —
// the bill of materials, the current view or all diagrams, the report, the topology for other
// tools and NetBox import files. Exports run on a fresh analysis of the design as it is now, so
// they are never stale; what was written or why it failed is reported by signal.

#include <QMenu>
#include <functional>

#include "export/design_export.h"

namespace cf::ui {

class DesignDocument;

class ExportMenu : public QMenu {
  Q_OBJECT

 public:
  struct Context {
    std::function<DesignDocument*()> document;  // the open document, or null
    std::function<ExportView()> current_view;   // racks, floor or topology: the tab shown (Default: none)
    std::function<QString()> current_fabric;    // the fabric the Topology view shows
    // Report: the batch the user gave the Scenario panel, for models that publish none (0: none).
    std::function<int()> global_batch;
  };
  ExportMenu(Context context, QWidget* parent = nullptr);

  // Enables the actions that need an open document (and a view, for "Current View").
  void update_actions();
  // The dialog-free half of every action: exports the open document as `request` asks. Emits
  // exported() or failed(); returns whether it wrote.
  bool run(const ExportRequest& request);

  QAction* bom_action() const { return bom_; }
  QAction* current_view_action() const { return current_view_; }
  QAction* diagrams_action() const { return diagrams_; }
  QAction* report_action() const { return report_; }
  QAction* topology_action() const { return topology_; }
  QAction* netbox_action() const { return netbox_; }

 signals:
  void exported(const QString& summary);
  void failed(const QString& reason);

 private:
  struct Choice {
    QString filter;  // "Excel workbook (*.xlsx)"
    ExportFormat format;
  };
  // Asks for a file among `choices`, then runs the export as that format.
  void ask_and_run(const QString& title, const QString& stem, const QList<Choice>& choices, ExportView view);
  void ask_folder_and_run();
  QString suggested_path(const QString& stem, const QString& suffix) const;

  Context context_;
  QAction *bom_ = nullptr, *current_view_ = nullptr, *diagrams_ = nullptr, *report_ = nullptr,
          *topology_ = nullptr, *netbox_ = nullptr;
};

}  // namespace cf::ui
