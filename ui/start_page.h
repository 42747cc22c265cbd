#pragma once
// What the window shows when no design is open: the recent files (most recent first; a file that
// is gone is shown struck out and cannot be opened), a gallery of the sample designs with a
// thumbnail, name, GPU count and GPU model each, and a "New cluster..." button. The samples are
// read off the GUI thread (one of them is 100,000 GPUs): the gallery lists the files at once and
// each item fills in when its design has been read.

#include <QFutureWatcher>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "catalog/catalog.h"

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace cf::ui {

class StartPage : public QWidget {
  Q_OBJECT

 public:
  // QSettings key of the recent files list (absolute paths, most recent first).
  static inline const QString kRecentFilesKey = QStringLiteral("recent_files");
  static constexpr int kMaxRecentFiles = 10;
  static constexpr QSize kThumbnailSize{200, 130};
  // Data role of both lists' items: the design file's absolute path.
  static constexpr int PathRole = Qt::UserRole + 1;

  // `catalog` must outlive the page (it counts the samples' GPUs).
  explicit StartPage(const Catalog& catalog, QWidget* parent = nullptr);

  static QStringList recent_files();
  // Puts `path` first in the recent files (once), keeping at most kMaxRecentFiles.
  static void add_recent_file(const QString& path);
  // The folder of the sample designs: <resources>/samples when installed, <source>/samples in a
  // development build; empty when neither exists.
  static QString samples_dir();

  struct Sample {
    QString path, name;
    int gpus = 0;
    QString gpu_model;  // the most numerous GPU model; empty when there are no GPUs
    QString error;      // the file did not load
  };
  const std::vector<Sample>& samples() const { return samples_; }
  // Whether every sample has been read (samples() then has their names and GPUs).
  bool samples_ready() const { return samples_ready_; }

  // Re-reads the recent files (call after add_recent_file) and the samples folder: the gallery
  // lists the files at once; they are read (in the background) once the page is on screen, or
  // at once when its window is not shown.
  void refresh_recent_files();
  void refresh_samples();
  // Cancels the sample readers and waits for them: they use the catalog, which the owner of the
  // page may destroy before its child widgets (MainWindow).
  void stop_reading();
  ~StartPage() override;

 protected:
  void showEvent(QShowEvent* event) override;

 public:

  QListWidget* recent_list() const { return recent_; }
  QListWidget* samples_list() const { return gallery_; }
  QPushButton* new_cluster_button() const { return new_cluster_; }

 signals:
  void open_requested(const QString& path);
  void new_cluster_requested();
  // Every sample of the gallery has been read.
  void samples_loaded();

 private:
  struct Preview {
    Sample sample;
    QImage thumbnail;
  };
  // Reads one sample file (runs on a worker thread).
  static Preview read_sample(const Catalog& catalog, const QString& path);
  void show_preview(int index);
  void read_samples_when_seen();
  void activate(QListWidgetItem* item);

  const Catalog& catalog_;
  QListWidget* recent_ = nullptr;
  QListWidget* gallery_ = nullptr;
  QPushButton* new_cluster_ = nullptr;
  std::vector<Sample> samples_;
  QFutureWatcher<Preview> previews_;
  QStringList unread_;  // listed, waiting for the page to be seen
  bool samples_ready_ = true;
};

}  // namespace cf::ui
