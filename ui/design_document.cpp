#include "design_document.h"

#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>
#include <filesystem>

#include "edit_command.h"
#include "io/design_file.h"
#include "background_pool.h"

namespace cf::ui {

namespace {

int device_count(const Design& d) {
  int n = 0;
  for (const auto& rack : d.racks) n += static_cast<int>(rack.devices.size());
  return n;
}

}  // namespace

DesignDocument::DesignDocument(const Catalog& catalog, Design design, QString file_path, QObject* parent,
                               int background_devices)
    : QObject(parent),
      catalog_(catalog),
      design_(std::move(design)),
      file_path_(file_path.isEmpty() ? QString() : QFileInfo(file_path).absoluteFilePath()),
      undo_stack_(new QUndoStack(this)),
      background_devices_(background_devices) {
  analysis_timer_.setSingleShot(true);
  analysis_timer_.setInterval(kAnalysisDebounceMs);
  connect(&analysis_timer_, &QTimer::timeout, this, &DesignDocument::start_analysis);
  connect(undo_stack_, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modified_changed(!clean); });
  if (!is_large()) {
    report_ = std::make_shared<DesignReport>(analyze_design(design_, catalog_));
    return;
  }
  // A large design is drawn before its figures are in: no report yet; the first analysis starts
  // on a worker thread as soon as the event loop runs again, once the views are built.
  report_ = std::make_shared<DesignReport>();
  has_report_ = false;
  stale_ = true;
  QTimer::singleShot(0, this, &DesignDocument::start_analysis);
}

DesignDocument::~DesignDocument() {
  // A background analysis reads the catalog, a snapshot the design: let them finish first.
  generation_ = ~quint64{0};
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
  if (snapshot_) snapshot_->waitForFinished();
}

bool DesignDocument::is_large() const { return device_count(design_) > background_devices_; }

QFuture<std::shared_ptr<const Design>> DesignDocument::snapshot() {
  if (!snapshot_)
    // Only reads on both threads until the next edit, which waits for the copy (mutable_design).
    snapshot_ = QtConcurrent::run(background_pool(),
                                  [design = &design_] { return std::make_shared<const Design>(*design); });
  return *snapshot_;
}

Design& DesignDocument::mutable_design() {
  if (snapshot_) snapshot_->waitForFinished();
  return design_;
}

bool DesignDocument::apply(std::unique_ptr<Edit> edit, QString* reason) {
  std::vector<std::unique_ptr<Edit>> one;
  const QString text = QString::fromStdString(edit->text());
  one.push_back(std::move(edit));
  return apply_all(text, std::move(one), reason);
}

bool DesignDocument::apply_all(const QString& text, std::vector<std::unique_ptr<Edit>> edits, QString* reason) {
  last_refusal_.clear();
  Design& design = mutable_design();
  std::size_t applied = 0;
  for (; applied < edits.size(); ++applied) {
    const EditResult result = edits[applied]->apply(design, catalog_);
    if (!result) {
      last_refusal_ = QString::fromStdString(result.reason());
      break;
    }
  }
  if (applied < edits.size()) {
    // All or nothing: take back what applied, newest first.
    while (applied > 0) edits[--applied]->revert(design);
    if (reason) *reason = last_refusal_;
    return false;
  }
  if (edits.size() == 1) {
    undo_stack_->push(new EditCommand(*this, std::move(edits.front())));
  } else {
    undo_stack_->beginMacro(text);
    for (auto& e : edits) undo_stack_->push(new EditCommand(*this, std::move(e)));
    undo_stack_->endMacro();
  }
  on_design_changed();
  return true;
}

void DesignDocument::on_design_changed() {
  ++generation_;
  snapshot_.reset();  // it is of the version before
  set_stale(true);
  emit design_changed();
  analysis_timer_.start();
}

void DesignDocument::start_analysis() {
  if (!is_large()) {
    report_ = std::make_shared<DesignReport>(analyze_design(design_, catalog_));
    has_report_ = true;
    set_stale(false);
    emit report_changed();
    return;
  }
  if (analysis_running_) return;  // it reruns when the running one ends
  analysis_running_ = true;
  const quint64 generation = generation_;
  auto* watcher = new QFutureWatcher<std::shared_ptr<const DesignReport>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    analysis_running_ = false;
    if (generation != generation_) {  // edited meanwhile: analyse the newer design
      start_analysis();
      return;
    }
    report_ = watcher->result();
    has_report_ = true;
    set_stale(false);
    emit report_changed();
  });
  // The worker reads a snapshot: the GUI may edit the design while it runs.
  watcher->setFuture(QtConcurrent::run(background_pool(), [design = snapshot(), &catalog = catalog_] {
    return std::shared_ptr<const DesignReport>(
        std::make_shared<DesignReport>(analyze_design(*design.result(), catalog)));
  }));
}

void DesignDocument::refresh_report_now() {
  if (!stale_) return;
  analysis_timer_.stop();
  ++generation_;  // a background result still on its way is older than this one
  report_ = std::make_shared<DesignReport>(analyze_design(design_, catalog_));
  has_report_ = true;
  set_stale(false);
  emit report_changed();
}

void DesignDocument::set_stale(bool stale) {
  if (stale_ == stale) return;
  stale_ = stale;
  emit stale_changed(stale);
}

bool DesignDocument::save_copy_to(const QString& path, QString* error) const {
  try {
    save_design(design_, std::filesystem::path(QFile::encodeName(path).toStdString()));
  } catch (const std::exception& e) {
    if (error) *error = QString::fromStdString(e.what());
    return false;
  }
  return true;
}

bool DesignDocument::save_to(const QString& path, QString* error) {
  if (!save_copy_to(path, error)) return false;
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (absolute != file_path_) {
    file_path_ = absolute;
    emit file_path_changed(file_path_);
  }
  undo_stack_->setClean();
  return true;
}

void DesignDocument::mark_modified() {
  undo_stack_->resetClean();
  emit modified_changed(true);
}

bool DesignDocument::is_modified() const { return !undo_stack_->isClean() || file_path_.isEmpty(); }

void DesignDocument::set_selection(const QStringList& object_ids) {
  if (object_ids == selection_) return;
  selection_ = object_ids;
  emit selection_changed(selection_);
}

}  // namespace cf::ui
