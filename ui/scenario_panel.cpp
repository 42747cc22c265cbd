#include "scenario_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <algorithm>
#include <array>

#include "design/edit.h"
#include "design_document.h"
#include "io/load_error.h"
#include "io/resources.h"
#include "training_format.h"
#include "training_runner.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

// Combo item data that are not model ids.
const QString kFromFile = QStringLiteral(":from-file");
const QString kLoadedFile = QStringLiteral(":loaded-file");

std::vector<ModelSpec> shipped_models() {
  std::vector<ModelSpec> models;
  try {
    models = load_models(resources_dir() / "models");
  } catch (const std::exception&) {
    // An unreadable model folder leaves the list empty; "From file…" still works.
  }
  std::sort(models.begin(), models.end(), [](const ModelSpec& a, const ModelSpec& b) { return a.name < b.name; });
  return models;
}

QString dash() { return QString::fromUtf16(kUnknownFigure); }

}  // namespace

ScenarioPanel::ScenarioPanel(QWidget* parent) : QWidget(parent), shipped_(shipped_models()) {
  auto* layout = new QVBoxLayout(this);
  scenario_label_ = new QLabel(this);
  scenario_label_->setWordWrap(true);
  layout->addWidget(scenario_label_);

  // The job.
  auto* job_box = new QGroupBox(tr("Training job"), this);
  auto* job = new QFormLayout(job_box);
  model_ = new QComboBox(job_box);
  model_->setObjectName(QStringLiteral("model"));
  for (const ModelSpec& m : shipped_) {
    model_->addItem(QString::fromStdString(m.name), QString::fromStdString(m.id));
    model_->setItemData(model_->count() - 1,
                        tr("%1\nresources/models/%2.json; source: %3")
                            .arg(QString::fromStdString(m.notes), QString::fromStdString(m.id),
                                 QString::fromStdString(m.source)),
                        Qt::ToolTipRole);
  }
  model_->addItem(tr("From file…"), kFromFile);
  model_->setToolTip(tr("The model to train: a shipped definition (resources/models) or a model file"));
  job->addRow(tr("Model"), model_);

  seq_len_ = new QSpinBox(job_box);
  seq_len_->setObjectName(QStringLiteral("seq_len"));
  seq_len_->setRange(0, 10'000'000);
  seq_len_->setSuffix(tr(" tokens"));
  seq_len_->setKeyboardTracking(false);
  seq_len_->setToolTip(tr("Tokens per sequence (patches per image for DiT/ViT); the lowest value takes the model's"));
  job->addRow(tr("Sequence length"), seq_len_);

  global_batch_ = new QSpinBox(job_box);
  global_batch_->setObjectName(QStringLiteral("global_batch"));
  global_batch_->setRange(0, 100'000'000);
  global_batch_->setSuffix(tr(" sequences"));
  global_batch_->setKeyboardTracking(false);
  global_batch_->setToolTip(tr("Sequences per optimizer step; the lowest value takes the model's published batch"));
  job->addRow(tr("Global batch"), global_batch_);

  tokens_ = new QDoubleSpinBox(job_box);
  tokens_->setObjectName(QStringLiteral("tokens"));
  tokens_->setRange(0, 1e9);  // billions: up to the file format's 10^18 tokens
  tokens_->setDecimals(3);
  tokens_->setSuffix(tr(" billion tokens"));
  tokens_->setSpecialValueText(tr("not set"));
  tokens_->setKeyboardTracking(false);
  tokens_->setToolTip(tr("Tokens to train, for the time to train (the scenario's \"tokens\")"));
  job->addRow(tr("Tokens to train"), tokens_);

  precision_ = new QComboBox(job_box);
  precision_->setObjectName(QStringLiteral("precision"));
  precision_->addItem(QStringLiteral("BF16"), QStringLiteral("bf16"));
  precision_->addItem(QStringLiteral("FP8"), QStringLiteral("fp8"));
  precision_->setToolTip(tr("Matmul precision; FP8 needs a GPU whose catalog entry gives an FP8 peak"));
  job->addRow(tr("Precision"), precision_);
  layout->addWidget(job_box);

  // The plan.
  auto* plan_box = new QGroupBox(tr("Parallel plan"), this);
  auto* plan_layout = new QVBoxLayout(plan_box);
  plan_mode_ = new QComboBox(plan_box);
  plan_mode_->setObjectName(QStringLiteral("plan_mode"));
  plan_mode_->addItem(tr("Automatic: search every plan"));
  plan_mode_->addItem(tr("Fixed: search only the fields left on auto"));
  plan_mode_->setToolTip(tr("The plan search (docs/methods.md, \"Plan search\") keeps the fastest plan that fits"));
  plan_layout->addWidget(plan_mode_);
  fixed_box_ = new QGroupBox(plan_box);
  fixed_box_->setFlat(true);
  fixed_grid_ = new QGridLayout(fixed_box_);
  tp_ = add_plan_spin("tp", tr("TP"), tr("Tensor parallel GPUs (inside a scale-up domain; must divide the heads)"), 1024);
  pp_ = add_plan_spin("pp", tr("PP"), tr("Pipeline stages"), 1024);
  dp_ = add_plan_spin("dp", tr("DP"), tr("Data-parallel replicas"), 1'000'000);
  cp_ = add_plan_spin("cp", tr("CP"), tr("Context-parallel GPUs (the sequence split)"), 1024);
  ep_ = add_plan_spin("ep", tr("EP"), tr("Expert-parallel GPUs (mixture-of-experts models)"), 1024);
  mbs_ = add_plan_spin("mbs", tr("Micro-batch"), tr("Sequences per micro-batch"), 4096);
  vpp_ = add_plan_spin("vpp", tr("VPP"), tr("Virtual pipeline stages per GPU (interleaved schedule)"), 128);
  recompute_ = add_plan_combo("recompute", tr("Recompute"), tr("Activation recomputation"),
                              {tr("auto"), tr("none"), tr("selective"), tr("full")});
  zero_ = add_plan_combo("zero", tr("ZeRO"), tr("ZeRO stage (1 is Megatron's distributed optimizer)"),
                         {tr("auto"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")});
  sp_ = add_plan_combo("sp", tr("Sequence parallel"), tr("Sequence parallelism with tensor parallelism"),
                       {tr("auto"), tr("off"), tr("on")});
  fixed_box_->setEnabled(false);
  plan_layout->addWidget(fixed_box_);
  layout->addWidget(plan_box);

  // The projection.
  result_box_ = new QGroupBox(tr("Projection on this design"), this);
  auto* result_layout = new QVBoxLayout(result_box_);
  auto* form = new QFormLayout;
  result_layout->addLayout(form);
  auto add = [&](const QString& label, const QString& tip) {
    Field f;
    f.label = new QLabel(label, result_box_);
    f.value = new QLabel(result_box_);
    f.value->setWordWrap(true);
    f.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    f.label->setToolTip(tip);
    f.value->setToolTip(tip);
    form->addRow(f.label, f.value);
    results_.push_back(f);
    return f;
  };
  plan_ = add(tr("Best plan"), tr("The fastest plan that fits in memory (core plan search; docs/methods.md)"));
  step_time_ = add(tr("Step time"), tr("Seconds per optimizer step of the best plan (core step model: compute, "
                                       "collectives on this design's links, pipeline bubble, optimizer)"));
  throughput_ = add(tr("Throughput"), tr("Tokens per second of the whole job: global batch × sequence / step time"));
  mfu_ = add(tr("MFU"), tr("Model FLOPs per second per GPU against the GPU's dense peak at this precision (catalog)"));
  memory_ = add(tr("Memory per GPU"), tr("Weights, gradients, optimizer states and activations per GPU, against "
                                         "the GPU's HBM from the catalog (1 GB = 10^9 bytes)"));
  time_to_train_ = add(tr("Time to train"), tr("Tokens to train / throughput / goodput"));
  goodput_ = add(tr("Goodput"), tr("Useful share of wall-clock time: the design's interruption rate scaled to the "
                                   "plan's GPUs, Daly's checkpoint interval (docs/methods.md, \"Reliability and goodput\")"));
  evaluated_ = add(tr("Plans evaluated"), tr("Plans the search costed, how many of them fit in memory, and how many "
                                             "it skipped because a bound showed they could not be among the best"));
  search_time_ = add(tr("Search time"), tr("Wall-clock time of the plan search"));
  reason_ = new QLabel(result_box_);
  reason_->setObjectName(QStringLiteral("reason"));
  reason_->setWordWrap(true);
  reason_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  reason_->setStyleSheet(QStringLiteral("color: #c0392b;"));
  reason_->setVisible(false);
  result_layout->addWidget(reason_);
  notes_ = new QLabel(result_box_);
  notes_->setWordWrap(true);
  notes_->setVisible(false);
  result_layout->addWidget(notes_);
  layout->addWidget(result_box_);
  layout->addStretch(1);

  connect(model_, &QComboBox::activated, this, &ScenarioPanel::on_model_chosen);
  connect(tokens_, &QDoubleSpinBox::valueChanged, this, &ScenarioPanel::on_tokens_edited);
  connect(precision_, &QComboBox::activated, this, &ScenarioPanel::on_precision_chosen);
  connect(seq_len_, &QSpinBox::valueChanged, this, &ScenarioPanel::emit_request);
  connect(global_batch_, &QSpinBox::valueChanged, this, &ScenarioPanel::emit_request);
  connect(plan_mode_, &QComboBox::currentIndexChanged, this, [this](int index) {
    fixed_box_->setEnabled(index == 1);
    emit_request();
  });
  set_document(nullptr);
}

QSpinBox* ScenarioPanel::add_plan_spin(const char* name, const QString& label, const QString& tip, int max) {
  auto* spin = new QSpinBox(fixed_box_);
  spin->setObjectName(QString::fromLatin1(name));
  spin->setRange(0, max);
  spin->setSpecialValueText(tr("auto"));
  spin->setKeyboardTracking(false);
  spin->setToolTip(tip);
  auto* text = new QLabel(label, fixed_box_);
  text->setToolTip(tip);
  const int row = fixed_fields_ / 2, column = 2 * (fixed_fields_ % 2);
  fixed_grid_->addWidget(text, row, column);
  fixed_grid_->addWidget(spin, row, column + 1);
  ++fixed_fields_;
  connect(spin, &QSpinBox::valueChanged, this, &ScenarioPanel::emit_request);
  return spin;
}

QComboBox* ScenarioPanel::add_plan_combo(const char* name, const QString& label, const QString& tip,
                                         const QStringList& items) {
  auto* combo = new QComboBox(fixed_box_);
  combo->setObjectName(QString::fromLatin1(name));
  combo->addItems(items);
  combo->setToolTip(tip);
  auto* text = new QLabel(label, fixed_box_);
  text->setToolTip(tip);
  const int row = fixed_fields_ / 2, column = 2 * (fixed_fields_ % 2);
  fixed_grid_->addWidget(text, row, column);
  fixed_grid_->addWidget(combo, row, column + 1);
  ++fixed_fields_;
  connect(combo, &QComboBox::currentIndexChanged, this, &ScenarioPanel::emit_request);
  return combo;
}

void ScenarioPanel::set_document(DesignDocument* document) {
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  if (document_) {
    connect(document_, &DesignDocument::design_changed, this, &ScenarioPanel::sync_from_design);
    connect(document_, &DesignDocument::report_changed, this, &ScenarioPanel::sync_from_report);
    connect(document_, &QObject::destroyed, this, [this] { set_document(nullptr); });
  }
  setEnabled(document_ != nullptr);
  clear_result();
  sync_from_report();
  sync_from_design();
}

void ScenarioPanel::set_runner(TrainingRunner* runner) {
  if (runner_) {
    disconnect(runner_, nullptr, this, nullptr);
    disconnect(this, nullptr, runner_, nullptr);
  }
  runner_ = runner;
  if (!runner_) return;
  connect(this, &ScenarioPanel::request_changed, runner_, &TrainingRunner::set_request);
  connect(runner_, &TrainingRunner::finished, this, &ScenarioPanel::show_result);
  connect(runner_, &TrainingRunner::curve_finished, this, &ScenarioPanel::show_result);
  connect(runner_, &TrainingRunner::failed, this, &ScenarioPanel::show_failure);
  connect(runner_, &TrainingRunner::stale_changed, this, &ScenarioPanel::set_stale);
  emit_request();
}

const Scenario* ScenarioPanel::scenario() const {
  if (!document_ || document_->design().scenarios.empty()) return nullptr;
  return &document_->design().scenarios.front();
}

const ModelSpec* ScenarioPanel::current_model() const {
  const QString data = model_->currentData().toString();
  if (data == kLoadedFile) return file_model_ ? &*file_model_ : nullptr;
  for (const ModelSpec& m : shipped_)
    if (QString::fromStdString(m.id) == data) return &m;
  return nullptr;
}

void ScenarioPanel::sync_from_design() {
  const Scenario* s = scenario();
  {
    const QSignalBlocker b1(model_), b2(tokens_), b3(precision_);
    if (!document_) {
      scenario_label_->setText(tr("No design open"));
    } else if (!s) {
      scenario_label_->setText(tr("The design has no training scenario: these settings are not saved with it."));
    } else {
      scenario_label_->setText(tr("Scenario <b>%1</b>: model, tokens and precision are saved with the design; "
                                  "sequence, batch and plan are not.")
                                   .arg(QString::fromStdString(s->name.empty() ? s->id : s->name).toHtmlEscaped()));
      // A model from a file stays chosen until the user picks a shipped one.
      if (model_->currentData().toString() != kLoadedFile) {
        const int index = model_->findData(QString::fromStdString(s->model));
        model_->setCurrentIndex(index);  // -1: the scenario names a model that is not shipped
      }
      tokens_->setValue(s->tokens / 1e9);
      precision_->setCurrentIndex(s->precision == Precision::Fp8 ? 1 : 0);
    }
  }
  update_model_hints();
  emit_request();
}

void ScenarioPanel::sync_from_report() {
  auto* items = qobject_cast<QStandardItemModel*>(precision_->model());
  bool fp8 = false;
  QString why = tr("No design open");
  if (document_ && !document_->has_report()) {
    why = tr("Waiting for the analysis of the design");
  } else if (document_) {
    try {
      const DesignReport& r = document_->report();
      const TrainingCluster c = training_cluster(document_->catalog(), r.network, r.scale_up);
      fp8 = c.fp8_flops > 0;
      why = fp8 ? tr("%1: %2 TFLOP/s dense FP8 (catalog)").arg(QString::fromStdString(c.gpu_name)).arg(c.fp8_flops / 1e12, 0, 'f', 0)
                : tr("The catalog gives the %1 no FP8 peak").arg(QString::fromStdString(c.gpu_name));
    } catch (const std::exception& e) {
      why = QString::fromStdString(e.what());
    }
  }
  if (items && items->item(1)) {
    items->item(1)->setEnabled(fp8);
    items->item(1)->setToolTip(why);
  }
}

void ScenarioPanel::update_model_hints() {
  const ModelSpec* m = current_model();
  seq_len_->setSpecialValueText(m ? tr("model's (%1)").arg(m->seq_len) : tr("model's"));
  global_batch_->setSpecialValueText(m && m->global_batch > 0 ? tr("model's (%1)").arg(m->global_batch)
                                                              : tr("%1 (not published: set one)").arg(dash()));
  seq_len_->setToolTip(m ? tr("Tokens per sequence; the lowest value takes the model's %1 (%2)")
                               .arg(m->seq_len)
                               .arg(QString::fromStdString(m->source))
                         : seq_len_->toolTip());
}

void ScenarioPanel::on_model_chosen(int index) {
  const QString data = model_->itemData(index).toString();
  if (data == kFromFile) {
    const QString path = QFileDialog::getOpenFileName(this, tr("Model definition"), QString(),
                                                      tr("Model definitions (*.json);;All files (*)"));
    if (path.isEmpty() || !set_model_file(path)) sync_from_design();
    return;
  }
  if (data != kLoadedFile && scenario() && QString::fromStdString(scenario()->model) != data) {
    set_scenario_property("model", data.toStdString());
    return;  // design_changed brings the controls and the request up to date
  }
  update_model_hints();
  emit_request();
}

bool ScenarioPanel::set_model_file(const QString& path) {
  try {
    file_model_ = load_model(path.toStdString());
  } catch (const LoadError& e) {
    emit message(tr("Model not loaded: %1").arg(QString::fromStdString(e.message())));
    return false;
  } catch (const std::exception& e) {
    emit message(tr("Model not loaded: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  int index = model_->findData(kLoadedFile);
  const QString text = tr("%1 (%2)").arg(QString::fromStdString(file_model_->name), QFileInfo(path).fileName());
  if (index < 0) {
    index = model_->count() - 1;  // before "From file…"
    model_->insertItem(index, text, kLoadedFile);
  } else {
    model_->setItemText(index, text);
  }
  model_->setItemData(index, tr("%1 (a model file: not saved with the design)").arg(path), Qt::ToolTipRole);
  {
    const QSignalBlocker block(model_);
    model_->setCurrentIndex(index);
  }
  update_model_hints();
  emit_request();
  return true;
}

void ScenarioPanel::on_tokens_edited() {
  const double tokens = tokens_->value() * 1e9;
  const Scenario* s = scenario();
  if (!s) {
    emit_request();
    return;
  }
  if (tokens <= 0) {  // a scenario always has tokens: put the saved value back
    emit message(tr("A scenario needs the tokens to train"));
    sync_from_design();
    return;
  }
  if (tokens != s->tokens) set_scenario_property("tokens", tokens);
}

void ScenarioPanel::on_precision_chosen(int index) {
  const std::string value = precision_->itemData(index).toString().toStdString();
  const Scenario* s = scenario();
  if (s && (s->precision == Precision::Fp8) != (value == "fp8")) {
    set_scenario_property("precision", value);
    return;
  }
  emit_request();
}

void ScenarioPanel::set_scenario_property(const char* key, const Json& value) {
  QString reason;
  if (!document_->apply(set_property(scenario()->id, key, value), &reason)) {
    emit message(tr("Scenario not changed: %1").arg(reason));
    sync_from_design();
  }
}

std::optional<TrainingRequest> ScenarioPanel::build_request(QString* problem) const {
  auto refuse = [&](const QString& why) {
    if (problem) *problem = why;
    return std::nullopt;
  };
  if (!document_) return refuse(tr("No design open"));
  const ModelSpec* m = current_model();
  if (!m) {
    if (const Scenario* s = scenario(); s && model_->currentIndex() < 0)
      return refuse(tr("The scenario's model \"%1\" is not a shipped model: choose one").arg(QString::fromStdString(s->model)));
    return refuse(tr("Choose a model"));
  }
  TrainingRequest req;
  req.model = *m;
  req.seq_len = seq_len_->value();
  req.global_batch = global_batch_->value();
  if (req.global_batch == 0 && m->global_batch <= 0)
    return refuse(tr("%1 has no published global batch: set the global batch (sequences per step)")
                      .arg(QString::fromStdString(m->name)));
  req.precision = precision_->currentData().toString() == QStringLiteral("fp8") ? Precision::Fp8 : Precision::Bf16;
  if (const Scenario* s = scenario())
    req.tokens = s->tokens;  // exactly as saved, not as the spin box rounds it
  else if (tokens_->value() > 0)
    req.tokens = tokens_->value() * 1e9;
  if (plan_mode_->currentIndex() == 1) {
    PlanConstraints& f = req.search.fixed;
    auto fixed = [](const QSpinBox* spin) { return spin->value() > 0 ? std::optional<int>(spin->value()) : std::nullopt; };
    f.tp = fixed(tp_), f.pp = fixed(pp_), f.dp = fixed(dp_), f.cp = fixed(cp_), f.ep = fixed(ep_);
    f.mbs = fixed(mbs_), f.vpp = fixed(vpp_);
    if (recompute_->currentIndex() > 0)
      f.recompute = std::array{Recompute::None, Recompute::Selective, Recompute::Full}[recompute_->currentIndex() - 1];
    if (zero_->currentIndex() > 0) f.zero = zero_->currentIndex() - 1;
    if (sp_->currentIndex() > 0) f.sp = sp_->currentIndex() == 2;
    // Fixed values beyond the search's usual ranges are still honoured (as the CLI does).
    if (f.mbs) req.search.max_mbs = std::max(req.search.max_mbs, *f.mbs);
    if (f.vpp) req.search.max_vpp = std::max(req.search.max_vpp, *f.vpp);
    if (f.cp) req.search.max_cp = std::max(req.search.max_cp, *f.cp);
  }
  return req;
}

std::optional<TrainingRequest> ScenarioPanel::request() const { return build_request(nullptr); }

void ScenarioPanel::emit_request() {
  request_problem_.clear();
  std::optional<TrainingRequest> req = build_request(&request_problem_);
  if (!req) {
    clear_result();
    if (document_) {
      reason_->setText(request_problem_);
      reason_->setVisible(true);
    }
    if (runner_) runner_->clear_request();
    return;
  }
  emit request_changed(*req);
}

void ScenarioPanel::clear_result() {
  result_.reset();
  for (const Field& f : results_) f.value->setText(dash());
  reason_->clear();
  reason_->setVisible(false);
  notes_->clear();
  notes_->setVisible(false);
}

void ScenarioPanel::show_result(std::shared_ptr<const TrainingResult> result) {
  clear_result();
  result_ = std::move(result);
  if (!result_) return;
  const TrainingReport& r = result_->report;
  evaluated_.value->setText(tr("%1 (%2 fit; %3 ruled out by a bound)")
                                .arg(format_count(static_cast<double>(r.search.evaluated)),
                                     format_count(static_cast<double>(r.search.feasible)),
                                     format_count(static_cast<double>(r.search.pruned))));
  search_time_.value->setText(tr("%1 s").arg(r.search.elapsed_s, 0, 'f', 3));
  if (const Projection* b = r.best()) {
    plan_.value->setText(tr("%1 on %2 of %3 GPUs").arg(format_plan(b->plan)).arg(b->plan.gpus()).arg(r.cluster.gpus));
    step_time_.value->setText(tr("%1 s").arg(b->step_time_s, 0, 'f', 3));
    throughput_.value->setText(tr("%1 tokens/s").arg(format_count(b->tokens_per_s)));
    mfu_.value->setText(tr("%1 %").arg(100 * b->mfu, 0, 'f', 1));
    memory_.value->setText(tr("%1 of %2 GB HBM")
                               .arg(b->memory.total() / 1e9, 0, 'f', 1)
                               .arg(r.cluster.memory_bytes / 1e9, 0, 'f', 1));
    if (r.time_to_train_s)
      time_to_train_.value->setText(tr("%1 for %2 billion tokens")
                                        .arg(format_duration(*r.time_to_train_s))
                                        .arg(*r.tokens / 1e9, 0, 'g', 6));
    if (r.goodput)
      goodput_.value->setText(tr("%1 % (%2 interruptions/day)")
                                  .arg(100 * *r.goodput, 0, 'f', 1)
                                  .arg(r.failures_per_day.value_or(0), 0, 'f', 2));
  } else {
    reason_->setText(tr("No plan fits: %1").arg(QString::fromStdString(r.infeasible_reason)));
    reason_->setVisible(true);
  }
  QStringList notes;
  for (const std::string& n : r.notes) notes << QString::fromStdString(n);
  notes_->setText(notes.join(QLatin1Char('\n')));
  notes_->setVisible(!notes.isEmpty());
}

void ScenarioPanel::show_failure(const QString& reason) {
  clear_result();
  reason_->setText(reason);
  reason_->setVisible(true);
}

void ScenarioPanel::set_stale(bool stale) { result_box_->setEnabled(!stale); }

QString ScenarioPanel::reason_text() const { return reason_->text(); }

QString ScenarioPanel::result_text() const {
  QStringList lines;
  for (const Field& f : results_) lines << f.label->text() + QLatin1Char('\t') + f.value->text();
  return lines.join(QLatin1Char('\n'));
}

}  // namespace cf::ui
