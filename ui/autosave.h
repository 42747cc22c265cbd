#pragma once
// Autosave and crash recovery. While a document has unsaved changes, a copy is written every
// interval (a large design's from its snapshot, off the GUI thread: half a second at 100,000
// GPUs would freeze the window every interval) to the autosave folder (QStandardPaths::AppDataLocation/autosave) with core's atomic
// save, beside a small JSON note of the file it belongs to, and a QLockFile marks it as owned by
// this running process. A clean save, closing the document or quitting removes the copy. Copies
// whose lock is stale (their process died) are what recovery offers at the next start.

#include <QDateTime>
#include <QFuture>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <memory>

namespace cf::ui {

class DesignDocument;

struct Recovery {
  QString autosave_path;  // the autosaved design (*.cluster.json)
  QString original_path;  // the file it was a copy of; empty for a never-saved design
  QString name;           // the design's name when it was saved
  QDateTime saved_at;
};

class Autosave : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultIntervalMs = 60'000;

  // `folder` defaults to <AppDataLocation>/autosave.
  explicit Autosave(QString folder = {}, QObject* parent = nullptr);
  ~Autosave() override;

  // Watches `document` (nullptr: none). Removes the copy of the previous document.
  void watch(DesignDocument* document);
  void set_interval_ms(int ms) { timer_.setInterval(ms); }
  // Writes the copy now if the document has unsaved changes; returns whether a copy exists.
  bool save_now();
  // The same off the GUI thread, from the document's snapshot; `saved` is emitted when the copy
  // (and its note) is there. What the timer does for a large design.
  void save_in_background();
  // Waits for a copy being written off the GUI thread.
  void wait_for_background_save();

 signals:
  void saved(bool ok);

 public:
  // Where the current document's copy goes (empty when nothing is watched).
  QString autosave_path() const { return path_; }

  // Copies left by processes that are gone, newest first.
  QList<Recovery> pending_recoveries() const;
  // Deletes a copy (after it was recovered or the user declined it).
  static void discard(const Recovery& recovery);

  const QString& folder() const { return folder_; }

 private:
  void remove_copy();
  void on_modified_changed(bool modified);
  bool lock_copy();
  void write_note();

  QString folder_;
  QPointer<DesignDocument> document_;
  QString path_;
  std::unique_ptr<QLockFile> lock_;
  QTimer timer_;
  QFuture<bool> background_save_;  // a copy being written off the GUI thread
};

}  // namespace cf::ui
