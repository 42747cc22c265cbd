#include "compare_view.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <tuple>
#include <set>

#include "comparison_table_model.h"
#include "design/replace_model.h"
#include "design_document.h"
#include "io/bom.h"
#include "io/design_file.h"
#include "io/load_error.h"
#include "io/resources.h"
#include "refresh_when_shown.h"
#include "background_pool.h"

namespace cf::ui {

namespace {


// The projection of one request on one design; a request the core refuses becomes a report
// without a plan whose reason says why (the table shows it, never a zero).
std::shared_ptr<const TrainingReport> project_on(const Design& design, const Catalog& catalog,
                                              const TrainingRequest& request) {
  try {
    return std::make_shared<const TrainingReport>(project_training(design, catalog, request));
  } catch (const std::exception& e) {
    auto failed = std::make_shared<TrainingReport>();
    failed->model_id = request.model.id;
    failed->infeasible_reason = e.what();
    return failed;
  }
}

QString model_name(const Catalog& catalog, const std::string& id) {
  const CatalogItem* item = catalog.item(id);
  return item ? QString::fromStdString(item->model) : QString::fromStdString(id);
}

}  // namespace

CompareView::CompareView(const Catalog& catalog, QWidget* parent, QString models_dir)
    : QWidget(parent), catalog_(catalog), live_refresh_(new RefreshWhenShown(this, [this] { refresh_live(); })) {
  const std::filesystem::path dir =
      models_dir.isEmpty() ? resources_dir() / "models" : std::filesystem::path(models_dir.toStdString());
  try {
    models_ = load_models(dir);
  } catch (const std::exception& e) {
    last_error_ = tr("Training models not loaded: %1").arg(QString::fromUtf8(e.what()));
  }
  build_ui();
  rebuild();
}

CompareView::~CompareView() {
  // Background jobs read the catalog and copies of the designs: let them finish first.
  for (auto* watcher : findChildren<QFutureWatcherBase*>()) watcher->waitForFinished();
}

void CompareView::build_ui() {
  add_button_ = new QPushButton(tr("Add design\u2026"), this);
  add_button_->setToolTip(tr("Compare with a design file"));
  variant_button_ = new QPushButton(tr("Duplicate as variant\u2026"), this);
  variant_button_->setToolTip(tr("A copy of the open design with another server model"));
  remove_button_ = new QPushButton(tr("Remove"), this);
  remove_button_->setToolTip(tr("Remove the selected design's column (not the open design)"));
  only_differences_ = new QCheckBox(tr("Only differences"), this);
  connect(add_button_, &QPushButton::clicked, this, &CompareView::add_with_dialog);
  connect(variant_button_, &QPushButton::clicked, this, &CompareView::variant_with_dialog);
  connect(remove_button_, &QPushButton::clicked, this, &CompareView::remove_selected);
  connect(only_differences_, &QCheckBox::toggled, this, &CompareView::set_only_differences);

  model_choice_ = new QComboBox(this);
  model_choice_->addItem(tr("No training projection"), QString());
  for (const ModelSpec& m : models_)
    model_choice_->addItem(QString::fromStdString(m.name), QString::fromStdString(m.id));
  model_choice_->setToolTip(tr("Project the training of this model on every design (its published batch)"));
  connect(model_choice_, &QComboBox::currentIndexChanged, this,
          [this](int i) { set_training_model(model_choice_->itemData(i).toString()); });
  tokens_box_ = new QDoubleSpinBox(this);
  tokens_box_->setRange(0, 1e6);
  tokens_box_->setDecimals(0);
  tokens_box_->setSuffix(tr(" B tokens"));
  tokens_box_->setSpecialValueText(tr("no token count"));
  tokens_box_->setToolTip(tr("Tokens to train, in billions, for the time to train"));
  connect(tokens_box_, &QDoubleSpinBox::editingFinished, this,
          [this] { set_training_tokens(tokens_box_->value() * 1e9); });

  batch_box_ = new QSpinBox(this);
  batch_box_->setRange(0, 1 << 24);
  batch_box_->setSuffix(tr(" sequences"));
  batch_box_->setSpecialValueText(tr("published batch"));
  batch_box_->setToolTip(tr("Global batch per step, in sequences (the model's published batch when not set)"));
  connect(batch_box_, &QSpinBox::editingFinished, this, [this] { set_training_batch(batch_box_->value()); });

  auto* bar = new QHBoxLayout;
  for (QWidget* w : {static_cast<QWidget*>(add_button_), static_cast<QWidget*>(variant_button_),
                     static_cast<QWidget*>(remove_button_), static_cast<QWidget*>(only_differences_)})
    bar->addWidget(w);
  bar->addStretch();
  bar->addWidget(new QLabel(tr("Training:"), this));
  bar->addWidget(model_choice_);
  bar->addWidget(batch_box_);
  bar->addWidget(tokens_box_);

  table_model_ = new ComparisonTableModel(this);
  table_ = new QTableView(this);
  table_->setModel(table_model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectColumns);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->setWordWrap(false);
  table_->setTextElideMode(Qt::ElideMiddle);
  table_->horizontalHeader()->setTextElideMode(Qt::ElideRight);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  connect(table_model_, &QAbstractItemModel::modelReset, this, [this] {
    table_->clearSpans();
    for (int r = 0; r < table_model_->rowCount(); ++r)
      if (table_model_->data(table_model_->index(r, 0), ComparisonTableModel::kKeyRole).toString().isEmpty())
        table_->setSpan(r, 0, 1, table_model_->columnCount());
    // Fit the figures, but let a long plan or model name elide (its tooltip has it whole).
    table_->resizeColumnsToContents();
    const int widest = fontMetrics().horizontalAdvance(QLatin1Char('M')) * 22;
    for (int c = 0; c < table_model_->columnCount(); ++c)
      table_->setColumnWidth(c, std::min(table_->columnWidth(c), widest));
  });

  chart_metric_ = new QComboBox(this);
  chart_metric_->setToolTip(tr("The figure the chart shows"));
  connect(chart_metric_, &QComboBox::currentIndexChanged, this, [this] { rebuild_chart(); });
  auto* chart = new QChart;
  chart->legend()->hide();
  chart->setBackgroundRoundness(0);
  chart_view_ = new QChartView(chart, this);
  chart_view_->setRenderHint(QPainter::Antialiasing);
  chart_view_->setMinimumHeight(200);
  auto* chart_box = new QWidget(this);
  auto* chart_layout = new QVBoxLayout(chart_box);
  chart_layout->setContentsMargins(0, 0, 0, 0);
  auto* metric_row = new QHBoxLayout;
  metric_row->addWidget(new QLabel(tr("Chart:"), chart_box));
  metric_row->addWidget(chart_metric_);
  metric_row->addStretch();
  chart_layout->addLayout(metric_row);
  chart_layout->addWidget(chart_view_);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(table_);
  splitter->addWidget(chart_box);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);

  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(splitter, 1);
  layout->addWidget(status_);
  status_text_ = last_error_;
  status_->setText(status_text_);
  update_actions();
}

// ---- designs --------------------------------------------------------------------------------

void CompareView::set_document(DesignDocument* document) {
  if (document_ == document) return;
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [](const Entry& e) { return e.source == Source::Document; }),
                 entries_.end());
  if (document_) {
    Entry live;
    live.id = next_id_++;
    live.source = Source::Document;
    entries_.insert(entries_.begin(), std::move(live));
    connect(document_, &DesignDocument::report_changed, this, &CompareView::on_report_changed);
    connect(document_, &DesignDocument::stale_changed, this, &CompareView::update_stale);
    connect(document_, &QObject::destroyed, this, [this] { set_document(nullptr); });
  }
  live_refresh_->request();
}

void CompareView::on_report_changed() { live_refresh_->request(); }

void CompareView::refresh_live() {
  // The open design changed: its figures, its bill of materials and its projection follow.
  if (!entries_.empty() && entries_.front().source == Source::Document) {
    Entry& live = entries_.front();
    if (!live.bom && !live.bom_pending && !document_->is_large())
      live.bom = std::make_shared<const Bom>(build_bom(document_->design(), catalog_));  // a small design: at once
    else
      refresh_live_bom();
    if (training_model_) project(live);
  }
  rebuild();
}

void CompareView::refresh_live_bom() {
  Entry& live = entries_.front();
  live.bom_pending = true;
  live.bom_generation = ++generation_;
  ++running_;
  auto* watcher = new QFutureWatcher<std::shared_ptr<const Bom>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this,
          [this, watcher, id = live.id, generation = live.bom_generation] {
            --running_;
            watcher->deleteLater();
            Entry* e = find(id);
            if (!e || e->bom_generation != generation) return;  // a later edit supersedes it
            e->bom = watcher->result();
            e->bom_pending = false;
            rebuild();
          });
  watcher->setFuture(QtConcurrent::run(background_pool(), [snapshot = document_->snapshot(), &catalog = catalog_] {
    return std::make_shared<const Bom>(build_bom(*snapshot.result(), catalog));
  }));
}

bool CompareView::add_design_file(const QString& path) {
  if (static_cast<int>(entries_.size()) >= kMaxDesigns) {
    report(tr("Compare shows at most %1 designs: remove one first.").arg(kMaxDesigns), true);
    return false;
  }
  Design design;
  try {
    QApplication::setOverrideCursor(Qt::WaitCursor);
    design = load_design(path.toStdString());
    QApplication::restoreOverrideCursor();
  } catch (const std::exception& e) {
    QApplication::restoreOverrideCursor();
    report(tr("Not added: %1").arg(QString::fromUtf8(e.what())), true);
    return false;
  }
  QString name = QString::fromStdString(design.name);
  if (name.isEmpty()) name = QFileInfo(path).completeBaseName();
  add_entry(Source::File, name, path, std::move(design));
  report(tr("Added %1").arg(QDir::toNativeSeparators(path)), false);
  return true;
}

bool CompareView::add_variant(const QString& from_catalog_id, const QString& to_catalog_id, QString* reason) {
  auto refuse = [&](const QString& why) {
    if (reason) *reason = why;
    report(tr("No variant: %1").arg(why), true);
    return false;
  };
  if (!document_) return refuse(tr("no design is open"));
  if (static_cast<int>(entries_.size()) >= kMaxDesigns)
    return refuse(tr("Compare shows at most %1 designs: remove one first").arg(kMaxDesigns));
  Design variant = document_->design();
  auto edit = replace_model(from_catalog_id.toStdString(), to_catalog_id.toStdString());
  if (EditResult r = edit->apply(variant, catalog_); !r) return refuse(QString::fromStdString(r.reason()));
  const QString to_name = model_name(catalog_, to_catalog_id.toStdString());
  add_entry(Source::Variant, tr("Variant: %1").arg(to_name), QString(), std::move(variant));
  report(tr("Variant: every %1 replaced by %2 (a snapshot of the open design)")
             .arg(model_name(catalog_, from_catalog_id.toStdString()), to_name),
         false);
  return true;
}

std::vector<const CompareView::Entry*> CompareView::shown() const {
  std::vector<const Entry*> out;
  for (const Entry& e : entries_)
    if (e.source == Source::Document ? document_ && document_->has_report() && e.bom : e.report && e.bom)
      out.push_back(&e);
  return out;
}

bool CompareView::is_stale(const Entry& e) const {
  return (e.source == Source::Document && document_->report_is_stale()) || e.training_pending || e.bom_pending;
}

void CompareView::update_stale() {
  std::vector<bool> stale;
  for (const Entry* e : shown()) stale.push_back(is_stale(*e));
  table_model_->set_stale(std::move(stale));
}

bool CompareView::remove_design(int index) {
  // Columns count only the designs compared; find the entry behind the column.
  const std::vector<const Entry*> columns = shown();
  if (index < 0 || index >= static_cast<int>(columns.size()) || columns[index]->source == Source::Document)
    return false;
  const int id = columns[index]->id;
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [id](const Entry& e) { return e.id == id; }),
                 entries_.end());
  rebuild();
  return true;
}

void CompareView::add_entry(Source source, QString name, QString path, Design design) {
  Entry e;
  e.id = next_id_++;
  e.source = source;
  e.name = std::move(name);
  e.path = std::move(path);
  e.design = std::make_shared<const Design>(std::move(design));
  entries_.push_back(std::move(e));
  analyse(entries_.back());
  rebuild();
}

CompareView::Entry* CompareView::find(int id) {
  for (Entry& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

const Design* CompareView::design_of(const Entry& entry) const {
  if (entry.source == Source::Document) return document_ ? &document_->design() : nullptr;
  return entry.design.get();
}

void CompareView::analyse(Entry& entry) {
  ++running_;
  using Analysis = std::pair<std::shared_ptr<const DesignReport>, std::shared_ptr<const Bom>>;
  auto* watcher = new QFutureWatcher<Analysis>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, id = entry.id] {
    --running_;
    watcher->deleteLater();
    Entry* e = find(id);
    if (!e) return rebuild();  // removed meanwhile
    std::tie(e->report, e->bom) = watcher->result();
    if (training_model_) project(*e);
    rebuild();
  });
  watcher->setFuture(QtConcurrent::run(background_pool(), [design = entry.design, &catalog = catalog_] {
    return Analysis{std::make_shared<const DesignReport>(analyze_design(*design, catalog)),
                    std::make_shared<const Bom>(build_bom(*design, catalog))};
  }));
}

// ---- training -------------------------------------------------------------------------------

QStringList CompareView::training_models() const {
  QStringList ids;
  for (const ModelSpec& m : models_) ids << QString::fromStdString(m.id);
  return ids;
}

void CompareView::set_training_model(const QString& model_id) {
  training_model_.reset();
  for (const ModelSpec& m : models_)
    if (QString::fromStdString(m.id) == model_id) training_model_ = m;
  if (!model_id.isEmpty() && !training_model_) report(tr("Unknown training model %1").arg(model_id), true);
  // No token count yet: take the open design's own scenario for this model, when it has one.
  if (training_model_ && tokens_ <= 0 && document_)
    for (const Scenario& s : document_->design().scenarios)
      if (s.model == training_model_->id && s.tokens > 0) {
        const QSignalBlocker block(tokens_box_);
        tokens_ = s.tokens;
        tokens_box_->setValue(s.tokens / 1e9);
        break;
      }
  const int i = model_choice_->findData(training_model_ ? model_id : QString());
  if (i != model_choice_->currentIndex()) {
    const QSignalBlocker block(model_choice_);
    model_choice_->setCurrentIndex(i);
  }
  project_all();
}

void CompareView::set_training_tokens(double tokens) {
  if (tokens == tokens_) return;
  tokens_ = tokens;
  if (tokens_box_->value() * 1e9 != tokens) {
    const QSignalBlocker block(tokens_box_);
    tokens_box_->setValue(tokens / 1e9);
  }
  project_all();
}

void CompareView::set_training_batch(int sequences) {
  if (sequences == batch_) return;
  batch_ = sequences;
  if (batch_box_->value() != sequences) {
    const QSignalBlocker block(batch_box_);
    batch_box_->setValue(sequences);
  }
  project_all();
}

void CompareView::project_all() {
  ++generation_;
  for (Entry& e : entries_) {
    e.training.reset();
    e.training_pending = false;
    if (training_model_) project(e);
  }
  rebuild();
}

void CompareView::project(Entry& entry) {
  const Design* design = design_of(entry);
  if (!training_model_ || !design) return;
  // Files and variants wait for their analysis; it starts the projection when it arrives.
  if (entry.source != Source::Document && !entry.report) return;
  TrainingRequest request;
  request.model = *training_model_;
  request.global_batch = batch_;
  if (tokens_ > 0) request.tokens = tokens_;
  entry.training_pending = true;
  entry.training_generation = ++generation_;
  ++running_;
  auto* watcher = new QFutureWatcher<std::shared_ptr<const TrainingReport>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this,
          [this, watcher, id = entry.id, generation = entry.training_generation] {
            --running_;
            watcher->deleteLater();
            Entry* e = find(id);
            // A later request (another model, another edit) supersedes this one.
            if (!e || e->training_generation != generation) return rebuild();
            e->training = watcher->result();
            e->training_pending = false;
            if (!e->training->best() && !e->training->infeasible_reason.empty())
              report(tr("%1: %2").arg(e->name.isEmpty() && document_ ? QString::fromStdString(document_->design().name)
                                                                      : e->name,
                                      QString::fromStdString(e->training->infeasible_reason)),
                     true);
            rebuild();
          });
  // The job works on a snapshot: the open design may change while it runs.
  const QFuture<std::shared_ptr<const Design>> snapshot =
      entry.source == Source::Document ? document_->snapshot() : QtFuture::makeReadyFuture(entry.design);
  watcher->setFuture(QtConcurrent::run(background_pool(), [snapshot, request, &catalog = catalog_] {
    return project_on(*snapshot.result(), catalog, request);
  }));
}

// ---- showing --------------------------------------------------------------------------------

int CompareView::design_count() const { return table_model_->design_count(); }
bool CompareView::is_busy() const { return running_ > 0; }
const DesignComparison& CompareView::comparison() const { return table_model_->comparison(); }
QChart* CompareView::chart() const { return chart_view_->chart(); }

void CompareView::set_only_differences(bool only) {
  if (only_differences_->isChecked() != only) only_differences_->setChecked(only);  // emits toggled
  table_model_->set_only_differences(only);
}

void CompareView::rebuild() {
  std::vector<ComparedDesign> compared;
  std::vector<bool> stale;
  for (const Entry* e : shown()) {
    const bool live = e->source == Source::Document;
    const DesignReport* report = live ? &document_->report() : e->report.get();
    const Design* design = design_of(*e);
    const QString name = live ? tr("%1 (open)").arg(QString::fromStdString(design->name)) : e->name;
    // A projection still running shows no figures rather than the previous design's.
    const TrainingReport* training = e->training_pending ? nullptr : e->training.get();
    compared.push_back({name.toStdString(), design, report, training, e->bom.get()});
    stale.push_back(is_stale(*e));
  }
  table_model_->set_comparison(compared.empty() ? DesignComparison{} : compare_designs(compared, catalog_));
  table_model_->set_stale(stale);

  // The chart's choices: the numeric figures of the comparison, the choice kept when possible.
  const QString chosen = chart_metric();
  {
    const QSignalBlocker block(chart_metric_);
    chart_metric_->clear();
    for (const ComparisonRow& row : comparison().rows)
      if (row.unit != ComparisonUnit::Text)
        chart_metric_->addItem(QString::fromStdString(row.label), QString::fromStdString(row.key));
    int i = chart_metric_->findData(chosen.isEmpty() ? QStringLiteral("usd_per_gpu_hour") : chosen);
    if (i < 0) i = chart_metric_->findData(QStringLiteral("usd_per_gpu_hour"));
    chart_metric_->setCurrentIndex(std::max(i, 0));
  }
  rebuild_chart();

  QStringList pending;
  for (const Entry& e : entries_)
    if ((e.source != Source::Document && !e.report) || e.training_pending)
      pending << (e.source == Source::Document && document_ ? QString::fromStdString(document_->design().name) : e.name);
  status_->setText(pending.isEmpty() ? status_text_
                                     : tr("Computing: %1\u2026").arg(pending.join(QStringLiteral(", "))));
  update_actions();
  emit comparison_changed();
}

void CompareView::set_chart_metric(const QString& key) {
  const int i = chart_metric_->findData(key);
  if (i >= 0) chart_metric_->setCurrentIndex(i);
}

QString CompareView::chart_metric() const { return chart_metric_->currentData().toString(); }

void CompareView::rebuild_chart() {
  QChart* chart = chart_view_->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  const ComparisonRow* row = comparison().row(chart_metric().toStdString());
  if (!row) {
    chart->setTitle(tr("Nothing to chart"));
    return;
  }
  const DisplayUnit unit = display_unit(*row);
  // Designs without the figure get no bar (never a zero bar); the title names them.
  auto* set = new QBarSet(QString::fromStdString(row->label));
  set->setColor(ComparisonTableModel::better_color());
  set->setBorderColor(ComparisonTableModel::better_color());
  QStringList categories, missing;
  double top = 0;
  for (std::size_t i = 0; i < row->values.size(); ++i) {
    const QString name = QString::fromStdString(comparison().names[i]);
    if (!row->values[i]) {
      missing << name;
      continue;
    }
    const double v = *row->values[i] / unit.divisor;
    *set << v;
    top = std::max(top, v);
    categories << name;
  }
  auto* series = new QBarSeries;
  series->append(set);
  series->setLabelsVisible(true);
  series->setLabelsPrecision(3);  // significant digits: "0.939", "203"
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  auto* y = new QValueAxis;
  y->setRange(0, top > 0 ? top * 1.15 : 1);
  y->setTitleText(unit.label.isEmpty() ? QString::fromStdString(row->label) : unit.label);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.") + QString::number(unit.decimals) + QStringLiteral("f"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  QString title = QString::fromStdString(row->label) + (unit.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(unit.label));
  if (!missing.isEmpty()) title += tr(" \u2014 no figure: %1").arg(missing.join(QStringLiteral(", ")));
  chart->setTitle(title);
}

void CompareView::update_actions() {
  const bool room = static_cast<int>(entries_.size()) < kMaxDesigns;
  add_button_->setEnabled(room);
  variant_button_->setEnabled(room && document_);
  remove_button_->setEnabled(entries_.size() > (document_ ? 1u : 0u));
}

void CompareView::report(const QString& text, bool error) {
  if (error) last_error_ = text;
  status_text_ = text;
  status_->setText(text);
  emit message(text);
}

// ---- dialogs --------------------------------------------------------------------------------

void CompareView::add_with_dialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Add design to compare"), QString(),
                                                    tr("ClusterForge designs (*.cluster.json);;JSON (*.json);;All files (*)"));
  if (!path.isEmpty()) add_design_file(path);
}

void CompareView::variant_with_dialog() {
  if (!document_) return;
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Duplicate as variant"));
  auto* from = new QComboBox(&dialog);
  auto* to = new QComboBox(&dialog);
  // The GPU server models the open design uses, and every GPU server of the catalog.
  std::set<std::string> used;
  for (const Rack& rack : document_->design().racks)
    for (const Device& dev : rack.devices)
      if (const ServerSpec* s = catalog_.server(dev.catalog_id); s && s->gpus > 0 && used.insert(dev.catalog_id).second)
        from->addItem(QString::fromStdString(s->vendor + " " + s->model), QString::fromStdString(dev.catalog_id));
  for (const auto& [id, s] : catalog_.servers())
    if (s.gpus > 0) to->addItem(QString::fromStdString(s.vendor + " " + s.model), QString::fromStdString(id));
  auto* note = new QLabel(tr("Every server of the first model becomes the second, in place and with its cabling. "
                             "A model that does not fit (height, ports, link rate) is refused with the reason."),
                          &dialog);
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* form = new QFormLayout(&dialog);
  form->addRow(tr("Replace"), from);
  form->addRow(tr("by"), to);
  form->addRow(note);
  form->addRow(buttons);
  if (from->count() == 0) {
    report(tr("No variant: the open design has no GPU server"), true);
    return;
  }
  if (dialog.exec() == QDialog::Accepted) add_variant(from->currentData().toString(), to->currentData().toString());
}

void CompareView::remove_selected() {
  const QModelIndexList selected = table_->selectionModel()->selectedIndexes();
  if (selected.isEmpty()) {
    report(tr("Select a design's column to remove it"), false);
    return;
  }
  const int column = selected.front().column();
  for (int d = 0; d < table_model_->design_count(); ++d)
    if (column == table_model_->value_column(d) || column == table_model_->difference_column(d)) {
      if (!remove_design(d)) report(tr("The open design stays in the comparison"), false);
      return;
    }
}

}  // namespace cf::ui
