#pragma once
// The open design: owns the Design, its undo stack, the file it came from and the latest
// analysis (DesignReport). Every change goes through apply() as a core Edit wrapped in an undo
// command; after any change the analysis reruns by itself — debounced, and off the GUI thread for
// large designs, with report_is_stale() true until the new report arrives. Views read design()
// and report() and ask for changes by calling apply(); the selection is shared here so that
// every view shows the same selected objects.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <memory>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "design/edit.h"

class QUndoStack;

namespace cf::ui {

class DesignDocument : public QObject {
  Q_OBJECT

 public:
  // `catalog` must outlive the document. The first analysis runs synchronously, so report() is
  // current when the constructor returns.
  DesignDocument(const Catalog& catalog, Design design, QString file_path = {}, QObject* parent = nullptr);
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

  // The latest analysis; stale while a newer one is pending.
  const DesignReport& report() const { return *report_; }
  std::shared_ptr<const DesignReport> shared_report() const { return report_; }
  bool report_is_stale() const { return stale_; }
  // Runs any pending analysis now, on this thread (tests; exports that need current figures).
  void refresh_report_now();
  // Designs with more devices than this are analysed off the GUI thread (the 1,000-GPU sample
  // analyses in a few ms; a 100,000-GPU design takes about a second).
  static constexpr int kBackgroundAnalysisDevices = 2000;
  void set_background_analysis_devices(int devices) { background_devices_ = devices; }
  // Quiet time after an edit before the analysis reruns.
  static constexpr int kAnalysisDebounceMs = 60;

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
  Design& mutable_design() { return design_; }
  void on_design_changed();
  void start_analysis();
  void set_stale(bool stale);

  const Catalog& catalog_;
  Design design_;
  QString file_path_;
  QUndoStack* undo_stack_ = nullptr;
  std::shared_ptr<const DesignReport> report_;
  bool stale_ = false;
  QTimer analysis_timer_;
  quint64 generation_ = 0;         // bumped on every change; a late background result is dropped
  bool analysis_running_ = false;  // one background analysis at a time; reruns when it ends
  QStringList selection_;
  QString last_refusal_;
  int background_devices_ = kBackgroundAnalysisDevices;
};

}  // namespace cf::ui
