#pragma once
// The main window: the open DesignDocument shown in views (central tabs) and docks (design tree,
// summary, problems, undo history), with File/Edit/View menus, recent files, the window layout
// remembered in QSettings, autosave and crash recovery. The catalog is loaded once, by the caller.

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
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QUndoGroup;

namespace cf::ui {

class Autosave;
class CatalogPalette;
class CompareView;
class DashboardPanel;
class InspectorPanel;
class ScenarioPanel;
class StartPage;
class TrainingRunner;
class DesignDocument;
class RackElevationView;
class TopologyView;
class ExportMenu;
class DesignTreeModel;
class FloorPlanView;
class ProblemsPanel;
class RefreshWhenShown;
class SummaryPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(Catalog catalog, QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a design file. On failure the error is kept in last_error() (and shown in a dialog when
  // interactive) and the design open before stays open.
  bool open_file(const QString& path);
  // Opens `design` as a new, never-saved document (generated, recovered); `file_path` is where
  // Save will write (empty: Save asks).
  void open_design(Design design, const QString& file_path = {});
  // Saves the open design to `path` atomically (core save_design, keeps a .bak); it becomes the
  // current file. False, with last_error(), on failure or when nothing is open.
  bool save_to(const QString& path);
  // Closes the open design (asking to save unsaved changes when interactive); false if cancelled.
  bool close_design();

  // Designs opened from now on with more devices than this are analysed off the GUI thread, their
  // first analysis included (DesignDocument::kBackgroundAnalysisDevices by default).
  void set_background_analysis_devices(int devices) { background_devices_ = devices; }

  // Off: errors are only recorded (and printed by the caller), never shown in modal dialogs.
  void set_interactive(bool interactive) { interactive_ = interactive; }
  const QString& last_error() const { return last_error_; }

  DesignDocument* document() const { return document_.get(); }
  const Design* design() const;
  const DesignSummary* summary() const;
  const std::vector<Problem>& problems() const;
  QString file_path() const;

  DesignTreeModel* tree_model() const { return tree_model_; }
  QTreeView* tree_view() const { return tree_view_; }
  SummaryPanel* summary_panel() const { return summary_panel_; }
  ProblemsPanel* problems_panel() const { return problems_panel_; }
  QTabWidget* view_tabs() const { return view_tabs_; }
  FloorPlanView* floor_view() const { return floor_view_; }
  RackElevationView* rack_view() const { return rack_view_; }
  TopologyView* topology_view() const { return topology_view_; }
  ExportMenu* export_menu() const { return export_menu_; }
  CompareView* compare_view() const { return compare_view_; }
  StartPage* start_page() const { return start_page_; }
  InspectorPanel* inspector() const { return inspector_; }
  ScenarioPanel* scenario_panel() const { return scenario_panel_; }
  DashboardPanel* dashboard() const { return dashboard_; }
  TrainingRunner* training_runner() const { return training_runner_; }
  CatalogPalette* catalog_palette() const { return catalog_palette_; }
  Autosave* autosave() const { return autosave_; }

  // Brings the tab "floor", "rack", "topology" or "compare" to the front; false for another name.
  bool show_view(const QString& name);
  // Selects the object with this id in every view; false when the design has no such object.
  bool select_object(const QString& object_id);
  // Offers the autosaved copies of crashed sessions (interactive: asks; otherwise leaves them).
  void offer_recovery();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void create_views();
  void create_docks();
  void create_actions();
  QDockWidget* add_dock(const QString& title, const QString& object_name, QWidget* content,
                        Qt::DockWidgetArea area);
  void set_document(std::unique_ptr<DesignDocument> document);
  // Points every view, dock and the autosave at `doc` (nullptr: nothing open).
  void attach_views(DesignDocument* doc);
  void show_design();
  void fill_tree();  // the Design dock's tree, when it is shown
  void show_report();
  void show_selection();
  void update_title();
  void update_actions();
  void report_error(const QString& title, const QString& message);
  void show_message(const QString& message);
  // Asks whether to save unsaved changes; false when the user cancels.
  bool maybe_save();
  void remember_recent(const QString& path);
  void new_cluster();
  void rebuild_recent_menu();
  void delete_selection();
  // Fits the current tab's drawing to its window the first time it shows the open design.
  void fit_current_view_once();
  void restore_layout();
  void save_layout();

  void open_with_dialog();
  bool save();
  bool save_as();
  void about();

  Catalog catalog_;
  std::unique_ptr<DesignDocument> document_;
  QString last_error_;
  bool interactive_ = true;
  int background_devices_;
  bool syncing_selection_ = false;
  QList<QWidget*> fitted_views_;  // tabs already fitted to the open design

  QUndoGroup* undo_group_ = nullptr;
  Autosave* autosave_ = nullptr;
  QStackedWidget* central_ = nullptr;
  StartPage* start_page_ = nullptr;
  InspectorPanel* inspector_ = nullptr;
  ScenarioPanel* scenario_panel_ = nullptr;
  DashboardPanel* dashboard_ = nullptr;
  TrainingRunner* training_runner_ = nullptr;
  QDockWidget* inspector_dock_ = nullptr;
  QDockWidget* scenario_dock_ = nullptr;
  QDockWidget* dashboard_dock_ = nullptr;
  QTabWidget* view_tabs_ = nullptr;
  FloorPlanView* floor_view_ = nullptr;
  RackElevationView* rack_view_ = nullptr;
  TopologyView* topology_view_ = nullptr;
  CompareView* compare_view_ = nullptr;
  CatalogPalette* catalog_palette_ = nullptr;
  QDockWidget* catalog_dock_ = nullptr;
  DesignTreeModel* tree_model_ = nullptr;
  QTreeView* tree_view_ = nullptr;
  RefreshWhenShown* tree_refresh_ = nullptr;
  SummaryPanel* summary_panel_ = nullptr;
  ProblemsPanel* problems_panel_ = nullptr;
  QDockWidget* tree_dock_ = nullptr;
  QDockWidget* summary_dock_ = nullptr;
  QDockWidget* problems_dock_ = nullptr;
  QDockWidget* history_dock_ = nullptr;
  QLabel* stale_label_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QAction* save_action_ = nullptr;
  QAction* save_as_action_ = nullptr;
  QAction* close_action_ = nullptr;
  QAction* delete_action_ = nullptr;
  QAction* connect_action_ = nullptr;
  ExportMenu* export_menu_ = nullptr;
};

}  // namespace cf::ui
