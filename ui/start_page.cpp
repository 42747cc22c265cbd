#include "start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <QTimer>
#include <QtConcurrent/QtConcurrentMap>
#include <filesystem>
#include <utility>

#include "analysis/gpu_census.h"
#include "design_thumbnail.h"
#include "io/design_file.h"
#include "io/resources.h"
#include "background_pool.h"

namespace cf::ui {

namespace {

QLabel* heading(const QString& text, QWidget* parent, double scale = 1.1) {
  auto* label = new QLabel(text, parent);
  QFont font = label->font();
  font.setBold(true);
  font.setPointSizeF(font.pointSizeF() * scale);
  label->setFont(font);
  return label;
}

}  // namespace

StartPage::StartPage(const Catalog& catalog, QWidget* parent) : QWidget(parent), catalog_(catalog) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 24, 24, 24);
  layout->setSpacing(12);
  layout->addWidget(heading(tr("ClusterForge"), this, 1.6));
  auto* intro = new QLabel(tr("Design an AI-training GPU cluster: open a design, start from a sample, "
                              "or generate a new cluster from a few numbers."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);

  auto* buttons = new QHBoxLayout;
  new_cluster_ = new QPushButton(tr("New cluster\u2026"), this);
  new_cluster_->setToolTip(tr("Generate a cluster from a GPU count, a server, a switch and a few choices"));
  buttons->addWidget(new_cluster_);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  auto* columns = new QHBoxLayout;
  auto* left = new QVBoxLayout;
  left->addWidget(heading(tr("Recent files"), this));
  recent_ = new QListWidget(this);
  recent_->setToolTip(tr("Double-click to open"));
  left->addWidget(recent_, 1);
  columns->addLayout(left, 1);

  auto* right = new QVBoxLayout;
  right->addWidget(heading(tr("Samples"), this));
  gallery_ = new QListWidget(this);
  gallery_->setViewMode(QListView::IconMode);
  gallery_->setIconSize(kThumbnailSize);
  gallery_->setResizeMode(QListView::Adjust);
  gallery_->setMovement(QListView::Static);
  gallery_->setWordWrap(true);
  gallery_->setSpacing(8);
  gallery_->setGridSize(QSize(kThumbnailSize.width() + 40, kThumbnailSize.height() + 64));
  right->addWidget(gallery_, 1);
  columns->addLayout(right, 2);
  layout->addLayout(columns, 1);

  connect(new_cluster_, &QPushButton::clicked, this, &StartPage::new_cluster_requested);
  connect(recent_, &QListWidget::itemActivated, this, &StartPage::activate);
  connect(gallery_, &QListWidget::itemActivated, this, &StartPage::activate);
  connect(&previews_, &QFutureWatcherBase::resultReadyAt, this, &StartPage::show_preview);
  connect(&previews_, &QFutureWatcherBase::finished, this, [this] {
    samples_ready_ = true;
    emit samples_loaded();
  });
  refresh_recent_files();
  refresh_samples();
}

QStringList StartPage::recent_files() { return QSettings().value(kRecentFilesKey).toStringList(); }

void StartPage::add_recent_file(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList files = recent_files();
  files.removeAll(absolute);
  files.prepend(absolute);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  QSettings().setValue(kRecentFilesKey, files);
}

QString StartPage::samples_dir() {
  // The same places the main window's Open dialog starts in.
  for (const auto& candidate : {resources_dir() / "samples", resources_dir() / ".." / "samples"}) {
    std::error_code ec;
    if (std::filesystem::is_directory(candidate, ec))
      return QString::fromStdString(candidate.lexically_normal().string());
  }
  return {};
}

void StartPage::refresh_recent_files() {
  recent_->clear();
  for (const QString& path : recent_files()) {
    const QFileInfo info(path);
    auto* item = new QListWidgetItem(info.fileName(), recent_);
    item->setData(PathRole, path);
    if (info.exists()) {
      item->setToolTip(QDir::toNativeSeparators(path));
    } else {
      item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
      QFont font = item->font();
      font.setStrikeOut(true);
      item->setFont(font);
      item->setToolTip(tr("%1\nThe file is no longer there").arg(QDir::toNativeSeparators(path)));
    }
  }
  if (recent_->count() == 0) {
    auto* none = new QListWidgetItem(tr("No recent files"), recent_);
    none->setFlags(Qt::NoItemFlags);
  }
}

StartPage::~StartPage() { stop_reading(); }

void StartPage::stop_reading() {
  previews_.cancel();
  previews_.waitForFinished();
}

void StartPage::refresh_samples() {
  unread_.clear();
  stop_reading();
  gallery_->clear();
  samples_.clear();
  const QString dir = samples_dir();
  if (dir.isEmpty()) return;
  QStringList paths;
  for (const QFileInfo& file : QDir(dir).entryInfoList({QStringLiteral("*.cluster.json")}, QDir::Files, QDir::Name)) {
    paths << file.absoluteFilePath();
    Sample sample;
    sample.path = file.absoluteFilePath();
    sample.name = file.fileName();
    auto* item = new QListWidgetItem(sample.name + QLatin1Char('\n') + tr("Reading\u2026"), gallery_);
    item->setData(PathRole, sample.path);
    item->setToolTip(tr("%1\nDouble-click to open").arg(QDir::toNativeSeparators(sample.path)));
    samples_.push_back(std::move(sample));
  }
  unread_ = paths;
  samples_ready_ = paths.isEmpty();
  // After the caller is done: a window that opens a design at once never shows this page, and a
  // large sample takes seconds to read.
  if (!paths.isEmpty()) QTimer::singleShot(0, this, &StartPage::read_samples_when_seen);
}

void StartPage::read_samples_when_seen() {
  if (unread_.isEmpty() || (window()->isVisible() && !isVisible())) return;  // a later show will
  const Catalog& catalog = catalog_;
  previews_.setFuture(
      QtConcurrent::mapped(background_pool(), std::exchange(unread_, {}),
                           [&catalog](const QString& path) { return read_sample(catalog, path); }));
}

void StartPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  QTimer::singleShot(0, this, &StartPage::read_samples_when_seen);  // unless a design opens first
}

StartPage::Preview StartPage::read_sample(const Catalog& catalog, const QString& path) {
  Preview p;
  p.sample.path = path;
  try {
    const Design design = load_design(path.toStdString());
    p.sample.name = QString::fromStdString(design.name);
    const auto census = gpu_census(design, catalog);
    for (const auto& g : census) p.sample.gpus += g.gpus;
    if (!census.empty())
      p.sample.gpu_model = QString::fromStdString(census.front().model.empty() ? census.front().gpu_id
                                                                                : census.front().model);
    p.thumbnail = design_thumbnail(design, catalog, kThumbnailSize);
  } catch (const std::exception& e) {
    p.sample.name = QFileInfo(path).fileName();
    p.sample.error = QString::fromUtf8(e.what());
  }
  return p;
}

void StartPage::show_preview(int index) {
  Preview p = previews_.resultAt(index);
  QListWidgetItem* item = gallery_->item(index);
  if (!item || index >= static_cast<int>(samples_.size())) return;
  if (p.sample.error.isEmpty()) {
    item->setIcon(QIcon(QPixmap::fromImage(p.thumbnail)));
    item->setText(p.sample.name + QLatin1Char('\n') +
                  (p.sample.gpus > 0 ? tr("%L1 \u00d7 %2").arg(p.sample.gpus).arg(p.sample.gpu_model)
                                     : tr("No GPUs")));
  } else {
    item->setText(p.sample.name);
    item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
    item->setToolTip(p.sample.error);
  }
  samples_[static_cast<std::size_t>(index)] = std::move(p.sample);
}

void StartPage::activate(QListWidgetItem* item) {
  if (!item || !(item->flags() & Qt::ItemIsEnabled)) return;
  const QString path = item->data(PathRole).toString();
  if (!path.isEmpty()) emit open_requested(path);
}

}  // namespace cf::ui
