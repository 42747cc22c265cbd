#include "autosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>
#include <filesystem>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "background_pool.h"
#include "design_document.h"
#include "io/design_file.h"

namespace cf::ui {

namespace {

QString note_path(const QString& autosave_path) {
  return autosave_path.chopped(int(QStringLiteral(".cluster.json").size())) + QStringLiteral(".note.json");
}
QString lock_path(const QString& autosave_path) {
  return autosave_path.chopped(int(QStringLiteral(".cluster.json").size())) + QStringLiteral(".lock");
}

}  // namespace

Autosave::Autosave(QString folder, QObject* parent) : QObject(parent), folder_(std::move(folder)) {
  if (folder_.isEmpty())
    folder_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
  timer_.setInterval(kDefaultIntervalMs);
  connect(&timer_, &QTimer::timeout, this, [this] {
    if (document_ && document_->is_large())
      save_in_background();
    else
      save_now();
  });
}

Autosave::~Autosave() { remove_copy(); }

void Autosave::watch(DesignDocument* document) {
  if (document_) disconnect(document_, nullptr, this, nullptr);
  remove_copy();
  document_ = document;
  if (!document_) return;
  // A fresh name per watched document: two windows or two processes never share a copy.
  path_ = QDir(folder_).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".cluster.json"));
  connect(document_, &DesignDocument::modified_changed, this, &Autosave::on_modified_changed);
  connect(document_, &DesignDocument::file_path_changed, this, [this] {
    if (!document_->is_modified()) remove_copy();
  });
  on_modified_changed(document_->is_modified());
}

void Autosave::on_modified_changed(bool modified) {
  if (modified && document_->is_modified()) {
    if (!timer_.isActive()) timer_.start();
  } else {
    timer_.stop();
    remove_copy();
  }
}

bool Autosave::lock_copy() {
  QDir().mkpath(folder_);
  if (lock_) return true;
  lock_ = std::make_unique<QLockFile>(lock_path(path_));
  lock_->setStaleLockTime(0);  // owned until this process ends or removes it
  if (lock_->tryLock()) return true;
  lock_.reset();
  return false;
}

void Autosave::write_note() {
  QJsonObject note{{QStringLiteral("original"), document_->file_path()},
                   {QStringLiteral("name"), QString::fromStdString(document_->design().name)},
                   {QStringLiteral("saved_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
  QFile f(note_path(path_));
  if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) f.write(QJsonDocument(note).toJson());
}

bool Autosave::save_now() {
  wait_for_background_save();
  if (!document_ || !document_->is_modified() || !lock_copy()) return false;
  if (!document_->save_copy_to(path_)) return false;
  write_note();
  return true;
}

void Autosave::save_in_background() {
  if (background_save_.isRunning()) return;  // the next interval will
  if (!document_ || !document_->is_modified() || !lock_copy()) return;
  const std::filesystem::path path(QFile::encodeName(path_).toStdString());
  background_save_ = QtConcurrent::run(background_pool(), [snapshot = document_->snapshot(), path] {
    try {
      save_design(*snapshot.result(), path);  // atomic: a crash midway keeps the previous copy
      return true;
    } catch (const std::exception&) {
      return false;
    }
  });
  auto* watcher = new QFutureWatcher<bool>(this);
  connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, copy = path_] {
    watcher->deleteLater();
    const bool ok = watcher->result() && document_ && copy == path_ && QFile::exists(copy);
    if (ok) write_note();
    emit saved(ok);
  });
  watcher->setFuture(background_save_);
}

void Autosave::wait_for_background_save() { background_save_.waitForFinished(); }

void Autosave::remove_copy() {
  wait_for_background_save();  // or the copy would appear again after its removal
  if (path_.isEmpty()) return;
  QFile::remove(path_);
  QFile::remove(path_ + QStringLiteral(".bak"));
  QFile::remove(note_path(path_));
  lock_.reset();  // unlocks and removes the lock file
}

QList<Recovery> Autosave::pending_recoveries() const {
  QList<Recovery> out;
  const QDir dir(folder_);
  for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.cluster.json")}, QDir::Files)) {
    const QString path = info.absoluteFilePath();
    if (path == QFileInfo(path_).absoluteFilePath()) continue;
    QLockFile lock(lock_path(path));
    lock.setStaleLockTime(0);
    if (!lock.tryLock()) continue;  // a live process owns it
    lock.unlock();
    Recovery r;
    r.autosave_path = path;
    r.saved_at = info.lastModified();
    QFile f(note_path(path));
    if (f.open(QIODevice::ReadOnly)) {
      const QJsonObject note = QJsonDocument::fromJson(f.readAll()).object();
      r.original_path = note.value(QStringLiteral("original")).toString();
      r.name = note.value(QStringLiteral("name")).toString();
    }
    out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const Recovery& a, const Recovery& b) { return a.saved_at > b.saved_at; });
  return out;
}

void Autosave::discard(const Recovery& r) {
  QFile::remove(r.autosave_path);
  QFile::remove(r.autosave_path + QStringLiteral(".bak"));
  QFile::remove(note_path(r.autosave_path));
  QFile::remove(lock_path(r.autosave_path));
}

}  // namespace cf::ui
