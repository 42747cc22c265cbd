#include "main_window.h"

#include "export_menu.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <exception>
#include <filesystem>

#include "autosave.h"
#include "catalog_palette.h"
#include "compare_view.h"
#include "connect_dialog.h"
#include "dashboard_panel.h"
#include "floor_plan_view.h"
#include "inspector_panel.h"
#include "new_cluster_wizard.h"
#include "scenario_panel.h"
#include "start_page.h"
#include "training_runner.h"
#include "design_document.h"
#include "export_menu.h"
#include "design_tree_model.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "problems_panel.h"
#include "rack_elevation_view.h"
#include "refresh_when_shown.h"
#include "summary_panel.h"
#include "topology_view.h"

namespace cf::ui {

namespace {

// Up to this many racks the tree opens fully; beyond, it shows rows and racks only.
constexpr int kExpandAllRacks = 16;

std::filesystem::path to_path(const QString& path) {
  return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString file_filter() {
  return QObject::tr("ClusterForge designs (*.cluster.json);;JSON files (*.json);;All files (*)");
}

const std::vector<Problem> kNoProblems;

}  // namespace

MainWindow::MainWindow(Catalog catalog, QWidget* parent)
    : QMainWindow(parent), catalog_(std::move(catalog)),
      background_devices_(DesignDocument::kBackgroundAnalysisDevices) {
  undo_group_ = new QUndoGroup(this);
  autosave_ = new Autosave({}, this);
  create_views();
  create_docks();
  create_actions();
  stale_label_ = new QLabel(this);
  statusBar()->addPermanentWidget(stale_label_);
  statusBar()->showMessage(tr("Open a design with File \u25B8 Open\u2026"));
  resize(1440, 900);
  restore_layout();
  show_design();
}

MainWindow::~MainWindow() {
  // The views point into the document: detach them before it goes. The start page's sample
  // readers use catalog_, a member destroyed before the child widgets are (found by ASan).
  attach_views(nullptr);
  // Children with work in flight (samples being read, projections) use the catalog, a member:
  // they go first, while it is still there.
  qDeleteAll(findChildren<QWidget*>(Qt::FindDirectChildrenOnly));
  delete training_runner_;
}

void MainWindow::create_views() {
  central_ = new QStackedWidget(this);
  start_page_ = new StartPage(catalog_, central_);
  connect(start_page_, &StartPage::open_requested, this, [this](const QString& path) { open_file(path); });
  connect(start_page_, &StartPage::new_cluster_requested, this, &MainWindow::new_cluster);
  view_tabs_ = new QTabWidget(central_);
  view_tabs_->setDocumentMode(true);
  central_->addWidget(start_page_);
  central_->addWidget(view_tabs_);
  setCentralWidget(central_);

  floor_view_ = new FloorPlanView(view_tabs_);
  floor_view_->setObjectName(QStringLiteral("floor_view"));
  view_tabs_->addTab(floor_view_, tr("Floor Plan"));
  connect(floor_view_, &FloorPlanView::message, this, &MainWindow::show_message);

  rack_view_ = new RackElevationView(view_tabs_);
  rack_view_->setObjectName(QStringLiteral("rack_view"));
  view_tabs_->addTab(rack_view_, tr("Racks"));
  connect(rack_view_, &RackElevationView::message, this, &MainWindow::show_message);

  topology_view_ = new TopologyView(view_tabs_);
  topology_view_->setObjectName(QStringLiteral("topology_view"));
  view_tabs_->addTab(topology_view_, tr("Topology"));
  connect(topology_view_, &TopologyView::message, this, &MainWindow::show_message);

  connect(view_tabs_, &QTabWidget::currentChanged, this, [this] {
    QTimer::singleShot(0, this, &MainWindow::fit_current_view_once);
    if (export_menu_) export_menu_->update_actions();  // "Current View" follows the tab
  });

  compare_view_ = new CompareView(catalog_, view_tabs_);
  compare_view_->setObjectName(QStringLiteral("compare_view"));
  view_tabs_->addTab(compare_view_, tr("Compare"));
  connect(compare_view_, &CompareView::message, this, &MainWindow::show_message);
}

QDockWidget* MainWindow::add_dock(const QString& title, const QString& object_name, QWidget* content,
                                  Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(object_name);  // QSettings restores the layout by these names
  dock->setWidget(content);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::create_docks() {
  tree_model_ = new DesignTreeModel(catalog_, this);
  tree_view_ = new QTreeView(this);
  tree_view_->setModel(tree_model_);
  tree_view_->setUniformRowHeights(true);
  tree_view_->setAlternatingRowColors(true);
  tree_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tree_view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  tree_view_->header()->setStretchLastSection(false);
  tree_view_->header()->setSectionResizeMode(DesignTreeModel::TypeColumn, QHeaderView::Stretch);
  tree_refresh_ = new RefreshWhenShown(tree_view_, [this] { fill_tree(); });
  tree_dock_ = add_dock(tr("Design"), QStringLiteral("design_dock"), tree_view_, Qt::LeftDockWidgetArea);
  tree_dock_->setMinimumWidth(320);
  connect(tree_view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    if (syncing_selection_ || !document_) return;
    QStringList ids;
    for (const QModelIndex& index : tree_view_->selectionModel()->selectedRows())
      ids.push_back(QString::fromStdString(tree_model_->object_id(index)));
    document_->set_selection(ids);
  });

  catalog_palette_ = new CatalogPalette(catalog_, this);
  catalog_dock_ = add_dock(tr("Catalog"), QStringLiteral("catalog_dock"), catalog_palette_, Qt::LeftDockWidgetArea);
  tabifyDockWidget(tree_dock_, catalog_dock_);
  tree_dock_->raise();

  summary_panel_ = new SummaryPanel(this);
  summary_dock_ = add_dock(tr("Summary"), QStringLiteral("summary_dock"), summary_panel_, Qt::RightDockWidgetArea);
  summary_dock_->setMinimumWidth(300);

  inspector_ = new InspectorPanel(this);
  inspector_dock_ = add_dock(tr("Inspector"), QStringLiteral("inspector_dock"), inspector_, Qt::RightDockWidgetArea);
  connect(inspector_, &InspectorPanel::message, this, &MainWindow::show_message);

  training_runner_ = new TrainingRunner(this);
  scenario_panel_ = new ScenarioPanel(this);
  scenario_panel_->set_runner(training_runner_);
  scenario_dock_ = add_dock(tr("Scenario"), QStringLiteral("scenario_dock"), scenario_panel_, Qt::RightDockWidgetArea);
  connect(scenario_panel_, &ScenarioPanel::message, this, &MainWindow::show_message);
  tabifyDockWidget(summary_dock_, scenario_dock_);
  summary_dock_->raise();

  problems_panel_ = new ProblemsPanel(this);
  problems_dock_ = add_dock(tr("Problems"), QStringLiteral("problems_dock"), problems_panel_, Qt::BottomDockWidgetArea);
  resizeDocks({problems_dock_}, {180}, Qt::Vertical);
  connect(problems_panel_, &ProblemsPanel::object_activated, this, [this](const QString& id) {
    if (!select_object(id)) show_message(tr("%1 is not in the design").arg(id));
  });

  auto* history = new QUndoView(undo_group_, this);
  history->setEmptyLabel(tr("<opened>"));
  history_dock_ = add_dock(tr("History"), QStringLiteral("history_dock"), history, Qt::BottomDockWidgetArea);
  tabifyDockWidget(problems_dock_, history_dock_);

  dashboard_ = new DashboardPanel(this);
  dashboard_->set_runner(training_runner_);
  dashboard_dock_ = add_dock(tr("Dashboard"), QStringLiteral("dashboard_dock"), dashboard_, Qt::BottomDockWidgetArea);
  tabifyDockWidget(problems_dock_, dashboard_dock_);
  resizeDocks({problems_dock_}, {260}, Qt::Vertical);
  dashboard_dock_->raise();
}

void MainWindow::create_actions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* new_action = file->addAction(tr("&New Cluster\u2026"), this, &MainWindow::new_cluster);
  new_action->setShortcut(QKeySequence::New);
  QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::open_with_dialog);
  open->setShortcut(QKeySequence::Open);
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  rebuild_recent_menu();
  save_action_ = file->addAction(tr("&Save"), this, [this] { save(); });
  save_action_->setShortcut(QKeySequence::Save);
  save_as_action_ = file->addAction(tr("Save &As\u2026"), this, [this] { save_as(); });
  save_as_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  close_action_ = file->addAction(tr("&Close"), this, [this] { close_design(); });
  close_action_->setShortcut(QKeySequence::Close);
  file->addSeparator();
  export_menu_ = new ExportMenu(
      {[this] { return document_.get(); },
       [this] {
         QWidget* shown = view_tabs_->currentWidget();
         return shown == floor_view_      ? ExportView::Floor
                : shown == rack_view_     ? ExportView::Racks
                : shown == topology_view_ ? ExportView::Topology
                                          : ExportView::Default;
       },
       [this] { return topology_view_->fabric_id(); },
       [this] {
         const std::optional<TrainingRequest> request = scenario_panel_->request();
         return request ? request->global_batch : 0;
       }},
      this);
  file->addMenu(export_menu_);
  connect(export_menu_, &ExportMenu::exported, this,
          [this](const QString& summary) { statusBar()->showMessage(tr("Exported %1").arg(summary), 8000); });
  connect(export_menu_, &ExportMenu::failed, this, [this](const QString& reason) {
    // Window-modal but not blocking: the export has already ended, nothing waits for the answer.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), reason, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_group_->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = undo_group_->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  connect_action_ = edit->addAction(tr("&Connect Ports\u2026"), this, [this] {
    if (!document_) return;
    ConnectDialog dialog(*document_, this);
    dialog.exec();
  });
  connect_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
  delete_action_ = edit->addAction(tr("&Delete Selection"), this, &MainWindow::delete_selection);
  delete_action_->setShortcut(QKeySequence::Delete);

  view_menu_ = menuBar()->addMenu(tr("&View"));
  for (int i = 0; i < view_tabs_->count(); ++i) {
    QAction* show_tab = view_menu_->addAction(view_tabs_->tabText(i), this, [this, i] { view_tabs_->setCurrentIndex(i); });
    show_tab->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
  }
  view_menu_->addSeparator();
  for (QDockWidget* dock : {tree_dock_, catalog_dock_, summary_dock_, inspector_dock_, scenario_dock_,
                            dashboard_dock_, problems_dock_, history_dock_})
    view_menu_->addAction(dock->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about_action = help->addAction(tr("&About ClusterForge"), this, &MainWindow::about);
  about_action->setMenuRole(QAction::AboutRole);
}

const Design* MainWindow::design() const { return document_ ? &document_->design() : nullptr; }
const DesignSummary* MainWindow::summary() const { return document_ ? &document_->report().summary : nullptr; }
const std::vector<Problem>& MainWindow::problems() const {
  return document_ ? document_->report().problems : kNoProblems;
}
QString MainWindow::file_path() const { return document_ ? document_->file_path() : QString(); }

bool MainWindow::open_file(const QString& path) {
  last_error_.clear();
  Design loaded;
  try {
    loaded = load_design(to_path(path));
  } catch (const std::exception& e) {
    // LoadError names the file, the JSON path and, for syntax errors, line:column.
    report_error(tr("Cannot open design"), QString::fromStdString(e.what()));
    return false;
  }
  if (!close_design()) return false;
  set_document(std::make_unique<DesignDocument>(catalog_, std::move(loaded), path, nullptr, background_devices_));
  remember_recent(document_->file_path());
  show_message(tr("Opened %1").arg(QDir::toNativeSeparators(document_->file_path())));
  return true;
}

void MainWindow::open_design(Design design, const QString& file_path) {
  if (!close_design()) return;
  auto document = std::make_unique<DesignDocument>(catalog_, std::move(design), file_path, nullptr, background_devices_);
  document->mark_modified();
  set_document(std::move(document));
}

bool MainWindow::close_design() {
  if (!document_) return true;
  if (!maybe_save()) return false;
  set_document(nullptr);
  return true;
}

void MainWindow::attach_views(DesignDocument* doc) {
  autosave_->watch(doc);
  if (!doc) tree_model_->set_design(nullptr, {});  // show_design() sets the new one
  floor_view_->set_document(doc);
  rack_view_->set_document(doc);
  topology_view_->set_document(doc);
  compare_view_->set_document(doc);
  inspector_->set_document(doc);
  training_runner_->set_document(doc);
  scenario_panel_->set_document(doc);
  dashboard_->set_document(doc);
}

void MainWindow::set_document(std::unique_ptr<DesignDocument> document) {
  attach_views(nullptr);
  if (document_) undo_group_->removeStack(document_->undo_stack());
  document_ = std::move(document);
  if (document_) {
    DesignDocument* doc = document_.get();
    undo_group_->addStack(doc->undo_stack());
    undo_group_->setActiveStack(doc->undo_stack());
    connect(doc, &DesignDocument::design_changed, this, &MainWindow::show_design);
    connect(doc, &DesignDocument::report_changed, this, &MainWindow::show_report);
    connect(doc, &DesignDocument::selection_changed, this, &MainWindow::show_selection);
    connect(doc, &DesignDocument::modified_changed, this, [this] { update_title(); });
    connect(doc, &DesignDocument::file_path_changed, this, [this] { update_title(); });
    connect(doc, &DesignDocument::stale_changed, this, &MainWindow::show_report);
    attach_views(doc);
  }
  fitted_views_.clear();
  if (document_) QTimer::singleShot(0, this, &MainWindow::fit_current_view_once);
  if (!document_) start_page_->refresh_recent_files();
  central_->setCurrentWidget(document_ ? static_cast<QWidget*>(view_tabs_) : start_page_);
  show_design();
}

bool MainWindow::save_to(const QString& path) {
  last_error_.clear();
  if (!document_) {
    last_error_ = tr("No design is open");
    return false;
  }
  QString error;
  if (!document_->save_to(path, &error)) {
    report_error(tr("Cannot save design"), error);
    return false;
  }
  remember_recent(document_->file_path());
  update_title();
  show_message(tr("Saved %1").arg(QDir::toNativeSeparators(document_->file_path())));
  return true;
}

void MainWindow::fit_current_view_once() {
  QWidget* view = view_tabs_->currentWidget();
  if (!document_ || !view || fitted_views_.contains(view) || !view->isVisible()) return;
  fitted_views_.push_back(view);
  if (view == floor_view_) floor_view_->zoom_to_fit();
  if (view == rack_view_) rack_view_->zoom_to_fit();
  if (view == topology_view_) topology_view_->zoom_to_fit();
}

bool MainWindow::show_view(const QString& name) {
  for (int i = 0; i < view_tabs_->count(); ++i)
    if (view_tabs_->widget(i)->objectName() == name + QStringLiteral("_view")) {
      view_tabs_->setCurrentIndex(i);
      return true;
    }
  return false;
}

bool MainWindow::select_object(const QString& object_id) {
  if (!document_) return false;
  // Rows, racks and devices are in the tree; links, feeds, fabrics... only other views show.
  const Design& d = document_->design();
  const std::string id = object_id.toStdString();
  bool known = false;
  for (const auto& r : d.rows) known |= r.id == id;
  for (const auto& r : d.racks) {
    known |= r.id == id;
    for (const auto& device : r.devices) known |= device.id == id;
  }
  for (const auto& l : d.links) known |= l.id == id;
  for (const auto& f : d.power_feeds) known |= f.id == id;
  for (const auto& f : d.fabrics) known |= f.id == id;
  for (const auto& c : d.cooling_units) known |= c.id == id;
  if (!known) return false;
  document_->set_selection({object_id});
  tree_view_->setFocus(Qt::OtherFocusReason);
  return true;
}

void MainWindow::show_selection() {
  if (!document_) return;
  update_actions();
  if (tree_refresh_->pending()) return;  // the tree takes the selection when it is filled
  syncing_selection_ = true;
  QItemSelectionModel* selection = tree_view_->selectionModel();
  selection->clearSelection();
  QModelIndex first;
  for (const QString& id : document_->selection()) {
    const QModelIndex index = tree_model_->index_of_object(id.toStdString());
    if (!index.isValid()) continue;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) tree_view_->expand(p);
    selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    if (!first.isValid()) first = index;
  }
  if (first.isValid()) {
    selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    tree_view_->scrollTo(first, QAbstractItemView::PositionAtCenter);
  }
  syncing_selection_ = false;
}

void MainWindow::show_design() {
  tree_refresh_->request();
  if (tree_refresh_->pending()) tree_model_->set_design(nullptr, {});  // no pointer into an old design
  show_report();
  show_selection();
  update_title();
  update_actions();
}

void MainWindow::fill_tree() {
  tree_model_->set_design(design(), document_ ? document_->shared_report() : nullptr);
  if (document_ && document_->design().racks.size() <= static_cast<std::size_t>(kExpandAllRacks))
    tree_view_->expandAll();
  else
    tree_view_->expandToDepth(0);
  // Room beyond the widest entry, so that names never touch the next column.
  const int padding = fontMetrics().averageCharWidth() * 2;
  for (int c = 0; c < DesignTreeModel::ColumnCount; ++c) {
    if (c == DesignTreeModel::TypeColumn) continue;
    tree_view_->resizeColumnToContents(c);
    tree_view_->setColumnWidth(c, tree_view_->columnWidth(c) + padding);
  }
  show_selection();
}

void MainWindow::show_report() {
  const bool analysed = document_ && document_->has_report();
  const bool stale = document_ && document_->report_is_stale();
  if (!tree_refresh_->pending()) tree_model_->set_report(document_ ? document_->shared_report() : nullptr);
  if (document_ && !analysed)
    summary_panel_->set_analysing(QString::fromStdString(document_->design().name));
  else
    summary_panel_->set_report(analysed ? &document_->report() : nullptr, stale);
  problems_panel_->set_problems(problems(), document_ != nullptr);
  problems_panel_->set_analysis_state(!document_ || analysed, stale);
  problems_dock_->setWindowTitle(analysed ? tr("Problems (%1)").arg(problems().size()) : tr("Problems"));
  stale_label_->setText(stale ? tr("Analysing\u2026") : QString());
}

void MainWindow::update_title() {
  if (!document_) {
    setWindowTitle(QStringLiteral("ClusterForge"));
    setWindowModified(false);
    return;
  }
  QString name = QString::fromStdString(document_->design().name);
  if (name.isEmpty()) name = QFileInfo(document_->file_path()).fileName();
  if (name.isEmpty()) name = tr("Untitled");
  // "[*]" is Qt's placeholder for the unsaved-changes marker.
  setWindowTitle(tr("%1[*] \u2014 ClusterForge").arg(name));
  setWindowModified(document_->is_modified());
}

void MainWindow::update_actions() {
  const bool open = document_ != nullptr;
  save_action_->setEnabled(open);
  save_as_action_->setEnabled(open);
  close_action_->setEnabled(open);
  connect_action_->setEnabled(open);
  delete_action_->setEnabled(open && !document_->selection().isEmpty());
  if (export_menu_) export_menu_->update_actions();
}

void MainWindow::delete_selection() {
  if (!document_ || document_->selection().isEmpty()) return;
  std::vector<std::unique_ptr<Edit>> edits;
  const Design& d = document_->design();
  for (const QString& qid : document_->selection()) {
    const std::string id = qid.toStdString();
    bool found = false;
    for (const auto& rack : d.racks) {
      if (rack.id == id) edits.push_back(remove_rack(id)), found = true;
      for (const auto& device : rack.devices)
        if (device.id == id) edits.push_back(unmount_device(id)), found = true;
    }
    for (const auto& link : d.links)
      if (link.id == id) edits.push_back(cf::disconnect(id)), found = true;
    if (!found) {
      show_message(tr("%1 cannot be deleted here").arg(qid));
      return;
    }
  }
  const QString text = edits.size() == 1 ? QString::fromStdString(edits.front()->text())
                                         : tr("Delete %n objects", nullptr, int(edits.size()));
  QString reason;
  if (document_->apply_all(text, std::move(edits), &reason))
    document_->set_selection({});
  else
    show_message(tr("Not deleted: %1").arg(reason));
}

void MainWindow::show_message(const QString& message) { statusBar()->showMessage(message, 8000); }

void MainWindow::report_error(const QString& title, const QString& message) {
  last_error_ = message;
  statusBar()->showMessage(title, 8000);
  if (interactive_) QMessageBox::critical(this, title, message);
}

bool MainWindow::maybe_save() {
  if (!document_ || !document_->is_modified() || !interactive_) return true;
  const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                           tr("The design has unsaved changes. Save them?"),
                                           QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::remember_recent(const QString& path) {
  StartPage::add_recent_file(path);
  rebuild_recent_menu();
}

void MainWindow::rebuild_recent_menu() {
  recent_menu_->clear();
  const QStringList recent = StartPage::recent_files();
  for (const QString& path : recent) {
    QAction* a = recent_menu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { open_file(path); });
    a->setEnabled(QFileInfo::exists(path));
  }
  recent_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::new_cluster() {
  NewClusterWizard wizard(catalog_, this);
  if (wizard.exec() == QDialog::Accepted) open_design(wizard.take_design());
}

void MainWindow::restore_layout() {
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::save_layout() {
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::offer_recovery() {
  for (const Recovery& r : autosave_->pending_recoveries()) {
    if (!interactive_) return;
    const QString what = r.original_path.isEmpty() ? (r.name.isEmpty() ? tr("an unsaved design") : r.name)
                                                   : QDir::toNativeSeparators(r.original_path);
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved changes"),
        tr("ClusterForge did not close normally. Unsaved changes to %1 from %2 were kept.\n\nRecover them?")
            .arg(what, QLocale().toString(r.saved_at, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel) return;  // ask again next time
    if (answer == QMessageBox::Yes) {
      try {
        open_design(load_design(to_path(r.autosave_path)), r.original_path);
      } catch (const std::exception& e) {
        report_error(tr("Cannot recover design"), QString::fromStdString(e.what()));
        return;
      }
    }
    Autosave::discard(r);
    if (answer == QMessageBox::Yes) return;  // one recovered design at a time
  }
}

void MainWindow::open_with_dialog() {
  QString dir;
  if (document_ && !document_->file_path().isEmpty()) {
    dir = QFileInfo(document_->file_path()).absolutePath();
  } else {
    dir = StartPage::samples_dir();
  }
  const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), dir, file_filter());
  if (!path.isEmpty()) open_file(path);
}

bool MainWindow::save() {
  if (!document_) return false;
  if (document_->file_path().isEmpty()) return save_as();
  return save_to(document_->file_path());
}

bool MainWindow::save_as() {
  if (!document_) return false;
  QString path = QFileDialog::getSaveFileName(this, tr("Save design as"), document_->file_path(), file_filter());
  if (path.isEmpty()) return false;
  if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) path += QStringLiteral(".cluster.json");
  return save_to(path);
}

void MainWindow::about() {
  QMessageBox::about(this, tr("About ClusterForge"),
                     tr("<h3>ClusterForge %1</h3>"
                        "<p>Design AI-training GPU clusters: layout, network, power, cost and training "
                        "projection.</p>"
                        "<p>Catalog: %n entries.</p>",
                        nullptr, static_cast<int>(catalog_.size()))
                         .arg(QStringLiteral(CF_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybe_save()) {
    event->ignore();
    return;
  }
  save_layout();
  autosave_->watch(nullptr);  // a normal exit leaves no copy to recover
  event->accept();
}

}  // namespace cf::ui
