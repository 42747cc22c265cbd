#pragma once
// The open design: owns the Design, its undo stack, the file it came from and the latest
// analysis (DesignReport). Every change goes through apply() as a core Edit wrapped in an undo
// command; after any change the analysis reruns by itself — debounced, and off the GUI thread for
// large designs, with report_is_stale() true until the new report arrives. A large design's first
// analysis runs off the GUI thread too: the views draw the design at once and show the figures
// when they arrive (has_report() false until then). Views read design() and report() and ask for
// changes by calling apply(); the selection is shared here so that every view shows the same
// selected objects. Work off the GUI thread reads the design through snapshot().

#include <QFuture>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <optional>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "design/edit.h"

class QUndoStack;

namespace cf::ui {

class DesignDocument : public QObject {
  Q_OBJECT

 public:
  // `catalog` must outlive the document. The first analysis of a design of up to
  // `background_devices` devices runs synchronously, so report() is current when the constructor
  // returns; a larger design's runs off the GUI thread (has_report() false until it arrives).
  DesignDocument(const Catalog& catalog, Design design, QString file_path = {}, QObject* parent = nullptr,
                 int background_devices = kBackgroundAnalysisDevices);
  ~DesignDocument() override;

  const Design& design() const { return design_; }
  const Catalog& catalog() const { return catalog_; }
  QUndoStack* undo_stack() const { return undo_stack_; }

  // Applies `edit` as one undo step. When the core refuses it nothing changes, the reason is
  // returned (and kept in last_refusal()) and false is returned.
  bool apply(std::unique_ptr<Edit> edit, QString* reason = nullptr);
  // Several edits as one undo step named `text` (e.g. moving a selection); all or nothing.
  bool apply_all(const QString& text, std::vector<std::unique_ptr<Edit>> edits, QString* reason = nullptr);
  const QString& last_refusal() const { return last_refusal_; }

  // The latest analysis; stale while a newer one is pending. Empty (and stale) until the first
  // analysis of a large design arrives: has_report() says whether it has.
  const DesignReport& report() const { return *report_; }
  std::shared_ptr<const DesignReport> shared_report() const { return report_; }
  bool report_is_stale() const { return stale_; }
  bool has_report() const { return has_report_; }
  // Runs any pending analysis now, on this thread (tests; exports that need current figures).
  void refresh_report_now();
  // Designs with more devices than this are analysed off the GUI thread (the 1,000-GPU sample
  // analyses in a few ms; a 100,000-GPU design takes about a second).
  static constexpr int kBackgroundAnalysisDevices = 2000;
  void set_background_analysis_devices(int devices) { background_devices_ = devices; }
  int background_analysis_devices() const { return background_devices_; }
  // More devices than that: analysed off the GUI thread, and so are other slow jobs on it.
  bool is_large() const;
  // Quiet time after an edit before the analysis reruns.
  static constexpr int kAnalysisDebounceMs = 60;

  // The design as it is now, immutable and shared, for work off the GUI thread (analysis, layouts,
  // projections): one copy per version of the design, taken by a worker thread while the GUI goes
  // on (the next edit waits until the copy is done).
  QFuture<std::shared_ptr<const Design>> snapshot();

  const QString& file_path() const { return file_path_; }
  // Saves atomically (core save_design, keeps a .bak); the path becomes the document's file and
  // the undo stack's clean state. False with the error message on failure.
  bool save_to(const QString& path, QString* error = nullptr);
  // Writes the design to `path` atomically without making it the document's file (autosave).
  bool save_copy_to(const QString& path, QString* error = nullptr) const;
  // From now on the document counts as modified until saved (a recovered autosave).
  void mark_modified();
  // Unsaved edits, or a design that was never saved (generated, recovered).
  bool is_modified() const;

  const QStringList& selection() const { return selection_; }
  void set_selection(const QStringList& object_ids);

 signals:
  // The design changed (an edit, an undo or a redo). Views that draw the design redraw.
  void design_changed();
  // A new report() is available.
  void report_changed();
  void stale_changed(bool stale);
  void selection_changed(const QStringList& object_ids);
  void modified_changed(bool modified);
  void file_path_changed(const QString& path);

 private:
  friend class EditCommand;
  // The design to edit: once no snapshot is still being copied from it.
  Design& mutable_design();
  void on_design_changed();
  void start_analysis();
  void set_stale(bool stale);

  const Catalog& catalog_;
  Design design_;
  QString file_path_;
  QUndoStack* undo_stack_ = nullptr;
  std::shared_ptr<const DesignReport> report_;
  bool stale_ = false;
  bool has_report_ = true;
  std::optional<QFuture<std::shared_ptr<const Design>>> snapshot_;  // of the current version, once taken
  QTimer analysis_timer_;
  quint64 generation_ = 0;         // bumped on every change; a late background result is dropped
  bool analysis_running_ = false;  // one background analysis at a time; reruns when it ends
  QStringList selection_;
  QString last_refusal_;
  int background_devices_ = kBackgroundAnalysisDevices;
};

}  // namespace cf::ui
