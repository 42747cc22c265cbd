#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeView>
#include <exception>
#include <filesystem>

#include "analysis/design_report.h"
#include "design_tree_model.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "problems_panel.h"
#include "summary_panel.h"

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

}  // namespace

MainWindow::MainWindow(Catalog catalog, QWidget* parent)
    : QMainWindow(parent), catalog_(std::move(catalog)) {
  tree_model_ = new DesignTreeModel(catalog_, this);
  tree_view_ = new QTreeView(this);
  tree_view_->setModel(tree_model_);
  tree_view_->setUniformRowHeights(true);
  tree_view_->setAlternatingRowColors(true);
  tree_view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tree_view_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_view_->header()->setStretchLastSection(false);
  tree_view_->header()->setSectionResizeMode(DesignTreeModel::TypeColumn, QHeaderView::Stretch);
  setCentralWidget(tree_view_);

  create_docks();
  create_actions();
  statusBar()->showMessage(tr("Open a design with File \u25B8 Open\u2026"));
  resize(1280, 800);
  show_design();
}

MainWindow::~MainWindow() {
  // The model points into the design: detach it before the members go.
  tree_model_->set_design(nullptr, nullptr);
}

void MainWindow::create_docks() {
  summary_panel_ = new SummaryPanel(this);
  summary_dock_ = new QDockWidget(tr("Summary"), this);
  summary_dock_->setObjectName(QStringLiteral("summary_dock"));
  summary_dock_->setWidget(summary_panel_);
  summary_dock_->setMinimumWidth(300);
  addDockWidget(Qt::RightDockWidgetArea, summary_dock_);

  problems_panel_ = new ProblemsPanel(this);
  problems_dock_ = new QDockWidget(tr("Problems"), this);
  problems_dock_->setObjectName(QStringLiteral("problems_dock"));
  problems_dock_->setWidget(problems_panel_);
  addDockWidget(Qt::BottomDockWidgetArea, problems_dock_);
  resizeDocks({problems_dock_}, {180}, Qt::Vertical);

  connect(problems_panel_, &ProblemsPanel::object_activated, this, [this](const QString& id) {
    if (!select_object(id))
      statusBar()->showMessage(tr("%1 is not shown in the tree").arg(id), 5000);
  });
}

void MainWindow::create_actions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::open_with_dialog);
  open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
  save_action_ = file->addAction(tr("&Save"), this, [this] { save(); });
  save_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
  save_as_action_ = file->addAction(tr("Save &As\u2026"), this, [this] { save_as(); });
  save_as_action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(summary_dock_->toggleViewAction());
  view->addAction(problems_dock_->toggleViewAction());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about_action = help->addAction(tr("&About ClusterForge"), this, &MainWindow::about);
  about_action->setMenuRole(QAction::AboutRole);
}

bool MainWindow::open_file(const QString& path) {
  last_error_.clear();
  auto next = std::make_unique<Design>();
  DesignSummary next_summary;
  std::vector<Problem> next_problems;
  try {
    *next = load_design(to_path(path));
    next_summary = summarize(*next, catalog_);
    next_problems = check_design(*next, catalog_);
  } catch (const std::exception& e) {
    // LoadError names the file, the JSON path and, for syntax errors, line:column.
    report_error(tr("Cannot open design"), QString::fromStdString(e.what()));
    return false;
  }
  tree_model_->set_design(nullptr, nullptr);
  design_ = std::move(next);
  summary_ = std::move(next_summary);
  problems_ = std::move(next_problems);
  file_path_ = QFileInfo(path).absoluteFilePath();
  setWindowModified(false);
  show_design();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(file_path_)), 8000);
  return true;
}

bool MainWindow::save_to(const QString& path) {
  last_error_.clear();
  if (!design_) {
    last_error_ = tr("No design is open");
    return false;
  }
  try {
    save_design(*design_, to_path(path));
  } catch (const std::exception& e) {
    report_error(tr("Cannot save design"), QString::fromStdString(e.what()));
    return false;
  }
  file_path_ = QFileInfo(path).absoluteFilePath();
  setWindowModified(false);
  update_title();
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(file_path_)), 5000);
  return true;
}

bool MainWindow::select_object(const QString& object_id) {
  const QModelIndex index = tree_model_->index_of_object(object_id.toStdString());
  if (!index.isValid()) return false;
  for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) tree_view_->expand(p);
  tree_view_->setCurrentIndex(index);
  tree_view_->scrollTo(index, QAbstractItemView::PositionAtCenter);
  tree_view_->setFocus(Qt::OtherFocusReason);
  return true;
}

void MainWindow::show_design() {
  tree_model_->set_design(design_.get(), design_ ? &summary_ : nullptr);
  if (design_ && summary_.racks <= kExpandAllRacks)
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
  summary_panel_->set_summary(design_ ? &summary_ : nullptr);
  problems_panel_->set_problems(problems_, design_ != nullptr);
  problems_dock_->setWindowTitle(design_ ? tr("Problems (%1)").arg(problems_.size())
                                         : tr("Problems"));
  update_title();
  update_actions();
}

void MainWindow::update_title() {
  if (!design_) {
    setWindowTitle(QStringLiteral("ClusterForge[*]"));
    return;
  }
  QString name = QString::fromStdString(design_->name);
  if (name.isEmpty()) name = QFileInfo(file_path_).fileName();
  // "[*]" is Qt's placeholder for the unsaved-changes marker.
  setWindowTitle(tr("%1[*] \u2014 ClusterForge").arg(name));
}

void MainWindow::update_actions() {
  save_action_->setEnabled(design_ != nullptr);
  save_as_action_->setEnabled(design_ != nullptr);
}

void MainWindow::report_error(const QString& title, const QString& message) {
  last_error_ = message;
  statusBar()->showMessage(title, 8000);
  if (interactive_) QMessageBox::critical(this, title, message);
}

bool MainWindow::maybe_save() {
  if (!design_ || !isWindowModified() || !interactive_) return true;
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"), tr("The design has unsaved changes. Save them?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  if (answer == QMessageBox::Save) return save();
  return answer == QMessageBox::Discard;
}

void MainWindow::open_with_dialog() {
  if (!maybe_save()) return;
  QString dir;
  if (!file_path_.isEmpty()) {
    dir = QFileInfo(file_path_).absolutePath();
  } else {
    for (const auto& candidate :
         {resources_dir() / "samples", resources_dir() / ".." / "samples"}) {
      std::error_code ec;
      if (std::filesystem::is_directory(candidate, ec)) {
        dir = QString::fromStdString(candidate.lexically_normal().string());
        break;
      }
    }
  }
  const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), dir, file_filter());
  if (!path.isEmpty()) open_file(path);
}

bool MainWindow::save() {
  if (!design_) return false;
  if (file_path_.isEmpty()) return save_as();
  return save_to(file_path_);
}

bool MainWindow::save_as() {
  if (!design_) return false;
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save design as"), file_path_, file_filter());
  if (path.isEmpty()) return false;
  if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
    path += QStringLiteral(".cluster.json");
  return save_to(path);
}

void MainWindow::about() {
  QMessageBox::about(
      this, tr("About ClusterForge"),
      tr("<h3>ClusterForge %1</h3>"
         "<p>Design AI-training GPU clusters: layout, network, power, cost and training "
         "projection.</p>"
         "<p>Catalog: %n entries.</p>",
         nullptr, static_cast<int>(catalog_.size()))
          .arg(QStringLiteral(CF_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybe_save())
    event->accept();
  else
    event->ignore();
}

}  // namespace cf::ui
