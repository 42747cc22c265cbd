#pragma once
// The training scenario: which model, how long a sequence, how big a batch, how many tokens, at
// what precision, and a plan that is searched or (field by field) fixed; below it the core's
// projection of that request on this design. The model, tokens and precision belong to the
// design's first scenario and change it through undoable edits; sequence length, batch and plan
// are the panel's own (the file format has no place for them yet).

#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "training/model.h"
#include "training/training_report.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace cf::ui {

class DesignDocument;
class TrainingRunner;
struct TrainingResult;

class ScenarioPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ScenarioPanel(QWidget* parent = nullptr);

  // nullptr: nothing open.
  void set_document(DesignDocument* document);
  // Sends every request to `runner` and shows its results (the runner's document is the
  // caller's to set, usually the same as this panel's).
  void set_runner(TrainingRunner* runner);

  // The request the controls describe; empty when they describe none (no model, no design).
  std::optional<TrainingRequest> request() const;
  // Why there is no request (e.g. the model publishes no global batch), else empty.
  QString request_problem() const { return request_problem_; }
  // "From file…": a model definition outside the shipped ones (kept in the panel, not the design).
  bool set_model_file(const QString& path);

  // What the panel shows.
  void show_result(std::shared_ptr<const TrainingResult> result);
  void show_failure(const QString& reason);
  void set_stale(bool stale);
  std::shared_ptr<const TrainingResult> shown_result() const { return result_; }
  // The red reason under the figures (an infeasible plan, a failed request); empty when none.
  QString reason_text() const;
  // One "label<TAB>value" line per result figure (tests, copy to clipboard).
  QString result_text() const;

 signals:
  void request_changed(const cf::TrainingRequest& request);
  // A refused edit or a model file that would not load: for the status bar.
  void message(const QString& text);

 private:
  struct Field {
    QLabel* label = nullptr;
    QLabel* value = nullptr;
  };
  QSpinBox* add_plan_spin(const char* name, const QString& label, const QString& tip, int max);
  QComboBox* add_plan_combo(const char* name, const QString& label, const QString& tip, const QStringList& items);
  const Scenario* scenario() const;
  void sync_from_design();   // the scenario's model, tokens and precision into the controls
  void sync_from_report();   // what the design's GPU offers (FP8)
  void on_model_chosen(int index);
  void on_tokens_edited();
  void on_precision_chosen(int index);
  void set_scenario_property(const char* key, const Json& value);
  const ModelSpec* current_model() const;
  void update_model_hints();
  std::optional<TrainingRequest> build_request(QString* problem) const;
  void emit_request();
  void clear_result();

  DesignDocument* document_ = nullptr;
  TrainingRunner* runner_ = nullptr;
  std::vector<ModelSpec> shipped_;
  std::optional<ModelSpec> file_model_;
  std::shared_ptr<const TrainingResult> result_;
  QString request_problem_;
  bool syncing_ = false;

  QLabel* scenario_label_ = nullptr;
  QComboBox* model_ = nullptr;
  QSpinBox* seq_len_ = nullptr;
  QSpinBox* global_batch_ = nullptr;
  QDoubleSpinBox* tokens_ = nullptr;
  QComboBox* precision_ = nullptr;
  QComboBox* plan_mode_ = nullptr;
  QGroupBox* fixed_box_ = nullptr;
  QGridLayout* fixed_grid_ = nullptr;
  int fixed_fields_ = 0;
  QSpinBox *tp_ = nullptr, *pp_ = nullptr, *dp_ = nullptr, *cp_ = nullptr, *ep_ = nullptr, *mbs_ = nullptr,
           *vpp_ = nullptr;
  QComboBox *recompute_ = nullptr, *zero_ = nullptr, *sp_ = nullptr;
  QGroupBox* result_box_ = nullptr;
  Field plan_, step_time_, throughput_, mfu_, memory_, time_to_train_, goodput_, evaluated_, search_time_;
  std::vector<Field> results_;
  QLabel* reason_ = nullptr;
  QLabel* notes_ = nullptr;
};

}  // namespace cf::ui
