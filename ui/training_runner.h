#pragma once
// Runs the training projection of a request on the open design off the GUI thread (a plan
// search takes up to about a second on large designs), then its scaling curve. The projection
// reads the document's latest report (network, scale-up, reliability), so it reruns when the
// report changes as well as when the request does; a result that arrives after either changed is
// dropped and the newer one computed. Until the current result is in, is_stale() is true.

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

#include "training/scaling_curve.h"
#include "training/training_report.h"

namespace cf::ui {

class DesignDocument;

struct TrainingResult {
  TrainingReport report;
  std::optional<ScalingCurve> curve;  // empty until the curve is computed
};

class TrainingRunner : public QObject {
  Q_OBJECT

 public:
  explicit TrainingRunner(QObject* parent = nullptr);
  ~TrainingRunner() override;

  // nullptr: nothing open; the result is cleared.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }
  // The request to project; runs after a short quiet time (spin boxes send many changes).
  void set_request(const TrainingRequest& request);
  void clear_request();
  const std::optional<TrainingRequest>& request() const { return request_; }

  // The latest result (null before the first); stale while a newer one is pending.
  std::shared_ptr<const TrainingResult> result() const { return result_; }
  bool is_stale() const { return stale_; }
  // The reason of the last failure (an unprojectable request, no GPU server); empty after success.
  const QString& last_failure() const { return failure_; }

  // Whether each projection is followed by its scaling curve (on by default).
  void set_scaling_curve_enabled(bool enabled) { curve_enabled_ = enabled; }
  static constexpr int kDebounceMs = 120;

 signals:
  // A new projection for the current design and request (its curve still empty).
  void finished(std::shared_ptr<const cf::ui::TrainingResult> result);
  // The same result, now with its scaling curve.
  void curve_finished(std::shared_ptr<const cf::ui::TrainingResult> result);
  void failed(const QString& reason);
  void stale_changed(bool stale);

 private:
  void invalidate();  // the design, its report or the request changed
  void start();
  void start_curve(std::shared_ptr<const TrainingResult> result, quint64 generation);
  void set_stale(bool stale);

  DesignDocument* document_ = nullptr;
  std::optional<TrainingRequest> request_;
  std::shared_ptr<const TrainingResult> result_;
  QString failure_;
  bool stale_ = false;
  bool running_ = false;  // one search at a time; a newer one starts when it ends
  bool curve_enabled_ = true;
  quint64 generation_ = 0;
  QTimer timer_;
  QMetaObject::Connection design_connection_, report_connection_, destroyed_connection_;
};

}  // namespace cf::ui
