#pragma once
// The main window: opens and saves a design file and shows its tree, the core's summary and the
// Problems from validation. Owns the open design; the catalog is loaded once, by the caller.

#include <QMainWindow>
#include <QString>
#include <memory>
#include <vector>

#include "analysis/summary.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "design/problem.h"

class QAction;
class QDockWidget;
class QTreeView;

namespace cf::ui {

class DesignTreeModel;
class ProblemsPanel;
class SummaryPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Catalog catalog, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a design file. On failure the error is kept in last_error() (and shown in a dialog when
  // interactive) and the design open before stays open.
  bool open_file(const QString& path);
  // Saves the open design to `path` atomically (core save_design, keeps a .bak); it becomes the
  // current file. False, with last_error(), on failure or when nothing is open.
  bool save_to(const QString& path);

  // Off: errors are only recorded (and printed by the caller), never shown in modal dialogs.
  void set_interactive(bool interactive) { interactive_ = interactive; }
  const QString& last_error() const { return last_error_; }

  const Design* design() const { return design_.get(); }
  const DesignSummary* summary() const { return design_ ? &summary_ : nullptr; }
  const std::vector<Problem>& problems() const { return problems_; }
  const QString& file_path() const { return file_path_; }

  DesignTreeModel* tree_model() const { return tree_model_; }
  QTreeView* tree_view() const { return tree_view_; }
  SummaryPanel* summary_panel() const { return summary_panel_; }
  ProblemsPanel* problems_panel() const { return problems_panel_; }

  // Selects the row, rack or device with this id in the tree; false when it is not shown there.
  bool select_object(const QString& object_id);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void create_actions();
  void create_docks();
  void show_design();
  void update_title();
  void update_actions();
  void report_error(const QString& title, const QString& message);
  // Asks whether to save unsaved changes; false when the user cancels.
  bool maybe_save();

  void open_with_dialog();
  bool save();
  bool save_as();
  void about();

  Catalog catalog_;
  std::unique_ptr<Design> design_;
  DesignSummary summary_;
  std::vector<Problem> problems_;
  QString file_path_;
  QString last_error_;
  bool interactive_ = true;

  DesignTreeModel* tree_model_ = nullptr;
  QTreeView* tree_view_ = nullptr;
  SummaryPanel* summary_panel_ = nullptr;
  ProblemsPanel* problems_panel_ = nullptr;
  QDockWidget* summary_dock_ = nullptr;
  QDockWidget* problems_dock_ = nullptr;
  QAction* save_action_ = nullptr;
  QAction* save_as_action_ = nullptr;
};

}  // namespace cf::ui
