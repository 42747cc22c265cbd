#include "training_runner.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

#include "design_document.h"
#include "background_pool.h"

namespace cf::ui {

namespace {

struct Outcome {
  std::shared_ptr<const TrainingResult> result;
  QString error;
};

}  // namespace

TrainingRunner::TrainingRunner(QObject* parent) : QObject(parent) {
  timer_.setSingleShot(true);
  timer_.setInterval(kDebounceMs);
  connect(&timer_, &QTimer::timeout, this, &TrainingRunner::start);
}

TrainingRunner::~TrainingRunner() {
  // A running search reads the catalog: let it end before anything goes.
  generation_ = ~quint64{0};
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void TrainingRunner::set_document(DesignDocument* document) {
  if (document == document_) return;
  for (auto* c : {&design_connection_, &report_connection_, &destroyed_connection_}) disconnect(*c);
  document_ = document;
  result_.reset();
  failure_.clear();
  if (document_) {
    // The design changed: its report follows; the projection reruns on the new report.
    design_connection_ = connect(document_, &DesignDocument::design_changed, this, &TrainingRunner::invalidate);
    report_connection_ = connect(document_, &DesignDocument::report_changed, this, &TrainingRunner::invalidate);
    destroyed_connection_ = connect(document_, &QObject::destroyed, this, [this] { set_document(nullptr); });
  }
  invalidate();
}

void TrainingRunner::set_request(const TrainingRequest& request) {
  request_ = request;
  invalidate();
}

void TrainingRunner::clear_request() {
  request_.reset();
  result_.reset();
  invalidate();
}

void TrainingRunner::invalidate() {
  ++generation_;
  if (!document_ || !request_) {
    timer_.stop();
    set_stale(false);
    return;
  }
  set_stale(true);
  timer_.start();
}

void TrainingRunner::start() {
  if (!document_ || !request_ || document_->report_is_stale()) return;  // report_changed restarts it
  if (running_) return;  // the running one restarts the newest when it ends
  running_ = true;
  const quint64 generation = generation_;
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    running_ = false;
    if (generation != generation_) {  // the design or the request changed meanwhile
      if (!timer_.isActive()) start();
      return;
    }
    const Outcome out = watcher->result();
    set_stale(false);
    if (!out.result) {
      result_.reset();
      failure_ = out.error;
      emit failed(failure_);
      return;
    }
    result_ = out.result;
    failure_.clear();
    emit finished(result_);
    if (curve_enabled_) start_curve(result_, generation);
  });
  // The worker reads a snapshot: the GUI may edit the design while it runs.
  watcher->setFuture(QtConcurrent::run(background_pool(), [snapshot = document_->snapshot(), report = document_->shared_report(),
                                        &catalog = document_->catalog(), request = *request_]() -> Outcome {
    try {
      auto result = std::make_shared<TrainingResult>();
      const TrainingCluster cluster = training_cluster(catalog, report->network, report->scale_up);
      result->report = project_training(*snapshot.result(), cluster, report->reliability, request);
      return {std::move(result), {}};
    } catch (const std::exception& e) {
      return {nullptr, QString::fromStdString(e.what())};
    }
  }));
}

void TrainingRunner::start_curve(std::shared_ptr<const TrainingResult> result, quint64 generation) {
  running_ = true;
  auto* watcher = new QFutureWatcher<std::shared_ptr<const TrainingResult>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
    watcher->deleteLater();
    running_ = false;
    if (generation != generation_) {
      if (!timer_.isActive()) start();
      return;
    }
    result_ = watcher->result();
    emit curve_finished(result_);
  });
  watcher->setFuture(QtConcurrent::run(background_pool(), [snapshot = document_->snapshot(), report = document_->shared_report(),
                                        request = *request_, result]() {
    auto with_curve = std::make_shared<TrainingResult>(*result);
    const TrainingCluster& cluster = result->report.cluster;
    with_curve->curve = scaling_curve(*snapshot.result(), cluster, report->reliability, request, scaling_gpu_counts(cluster));
    return std::shared_ptr<const TrainingResult>(std::move(with_curve));
  }));
}

void TrainingRunner::set_stale(bool stale) {
  if (stale_ == stale) return;
  stale_ = stale;
  emit stale_changed(stale);
}

}  // namespace cf::ui
