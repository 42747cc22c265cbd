#pragma once
// What the window shows when no design is open: the recent files (most recent first; a file that
// is gone is shown struck out and cannot be opened), a gallery of the sample designs with a
// thumbnail, name, GPU count and GPU model each, and a "New cluster..." button.

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

  // Re-reads the recent files (call after add_recent_file) and the samples folder.
  void refresh_recent_files();
  void refresh_samples();

  QListWidget* recent_list() const { return recent_; }
  QListWidget* samples_list() const { return gallery_; }
  QPushButton* new_cluster_button() const { return new_cluster_; }

 signals:
  void open_requested(const QString& path);
  void new_cluster_requested();

 private:
  void activate(QListWidgetItem* item);

  const Catalog& catalog_;
  QListWidget* recent_ = nullptr;
  QListWidget* gallery_ = nullptr;
  QPushButton* new_cluster_ = nullptr;
  std::vector<Sample> samples_;
};

}  // namespace cf::ui
