#include "new_cluster_wizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "analysis/summary.h"
#include "fabric/port_roles.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString gbps(double bps) { return QString::number(bps / 1e9) + QStringLiteral("G"); }

void select_data(QComboBox* combo, const QVariant& data) {
  if (int i = combo->findData(data); i >= 0) combo->setCurrentIndex(i);
}

}  // namespace

// The core's figures of one generated cluster: its summary and the compute fabric's plan.
struct NewClusterWizard::Counts {
  DesignSummary summary;
  int leaves = 0, spines = 0, cores = 0, tiers = 0;
};

NewClusterWizard::NewClusterWizard(const Catalog& catalog, QWidget* parent)
    : QDialog(parent), catalog_(catalog) {
  setWindowTitle(tr("New cluster"));
  auto* layout = new QHBoxLayout(this);

  auto* request_box = new QGroupBox(tr("Cluster"), this);
  auto* form = new QFormLayout(request_box);
  gpus_ = new QSpinBox(this);
  gpus_->setRange(1, 1000000);
  gpus_->setGroupSeparatorShown(true);
  gpus_->setValue(256);
  gpus_->setToolTip(tr("GPUs wanted; the generator rounds up to whole servers"));
  form->addRow(tr("GPUs"), gpus_);

  server_ = new QComboBox(this);
  for (const auto& [id, s] : catalog_.servers()) {
    if (s.gpus < 1 || !group_with_role(s, PortRole::Compute)) continue;
    const GpuSpec* gpu = catalog_.gpu(s.gpu_id);
    server_->addItem(tr("%1 %2 (%3 \u00d7 %4)")
                         .arg(qs(s.vendor), qs(s.model))
                         .arg(s.gpus)
                         .arg(gpu ? qs(gpu->model) : qs(s.gpu_id)),
                     qs(id));
    server_->setItemData(server_->count() - 1, qs(s.source), Qt::ToolTipRole);
  }
  form->addRow(tr("Server"), server_);

  switch_ = new QComboBox(this);
  for (const auto& [id, sw] : catalog_.switches()) {
    const PortGroup* ports = group_with_role(sw, PortRole::Fabric);
    if (!ports) continue;
    switch_->addItem(tr("%1 %2 (%3 \u00d7 %4, %5)")
                         .arg(qs(sw.vendor), qs(sw.model))
                         .arg(ports->count)
                         .arg(gbps(ports->speed_bps), qs(sw.protocol)),
                     qs(id));
    switch_->setItemData(switch_->count() - 1, qs(sw.source), Qt::ToolTipRole);
  }
  form->addRow(tr("Leaf/spine switch"), switch_);

  tiers_ = new QComboBox(this);
  tiers_->addItem(tr("Automatic (fewest that reach)"), 0);
  tiers_->addItem(tr("2 (leaf, spine)"), 2);
  tiers_->addItem(tr("3 (leaf, spine, core)"), 3);
  form->addRow(tr("Switch tiers"), tiers_);

  auto ratio = [this](const QString& tip) {
    auto* box = new QDoubleSpinBox(this);
    box->setRange(0.1, 100);  // what the CLI accepts
    box->setDecimals(2);
    box->setValue(1);
    box->setSuffix(QStringLiteral(" : 1"));
    box->setToolTip(tip);
    return box;
  };
  leaf_oversubscription_ = ratio(tr("Leaf downlink to uplink bandwidth; 1 : 1 is non-blocking"));
  form->addRow(tr("Leaf oversubscription"), leaf_oversubscription_);
  spine_oversubscription_ = ratio(tr("Spine downlink to uplink bandwidth (three tiers only)"));
  form->addRow(tr("Spine oversubscription"), spine_oversubscription_);

  planes_ = new QSpinBox(this);
  planes_->setRange(1, 16);
  planes_->setToolTip(tr("Independent copies of the compute fabric; each server's NIC ports split "
                         "evenly among them"));
  form->addRow(tr("Planes"), planes_);

  cooling_ = new QComboBox(this);
  cooling_->addItem(tr("Air"), static_cast<int>(CoolingChoice::Air));
  cooling_->addItem(tr("Rear-door heat exchangers"), static_cast<int>(CoolingChoice::RearDoor));
  cooling_->addItem(tr("Liquid (direct to chip)"), static_cast<int>(CoolingChoice::Liquid));
  cooling_->setToolTip(tr("Sets the rack power budget and the cooling units placed "
                          "(docs/methods.md, \"Rack density by cooling\")"));
  form->addRow(tr("Cooling"), cooling_);

  servers_per_rack_ = new QSpinBox(this);
  servers_per_rack_->setRange(0, 100);
  servers_per_rack_->setSpecialValueText(tr("Automatic"));
  servers_per_rack_->setToolTip(tr("Automatic: as many as rack units, weight and the cooling budget allow"));
  form->addRow(tr("Servers per rack"), servers_per_rack_);

  service_fabrics_ = new QCheckBox(tr("Storage, in-band and out-of-band networks"), this);
  service_fabrics_->setChecked(true);
  form->addRow(tr("Service fabrics"), service_fabrics_);
  leaves_at_row_end_ = new QCheckBox(tr("At the end of each unit's racks"), this);
  leaves_at_row_end_->setToolTip(tr("Otherwise in the middle: shorter server cables"));
  form->addRow(tr("Leaf racks"), leaves_at_row_end_);
  name_ = new QLineEdit(this);
  name_->setPlaceholderText(tr("e.g. 256 x DGX H100 (default)"));
  form->addRow(tr("Name"), name_);
  layout->addWidget(request_box, 1);

  auto* right = new QVBoxLayout;
  auto* preview_box = new QGroupBox(tr("What will be generated"), this);
  auto* preview = new QFormLayout(preview_box);
  add_figure(preview, Figure::Servers, tr("GPU servers"), tr("Servers with GPUs (core summary)"));
  add_figure(preview, Figure::Gpus, tr("GPUs"), tr("GPUs in all GPU servers (core summary)"));
  add_figure(preview, Figure::Leaves, tr("Leaf switches"), tr("Compute fabric, all planes (core Clos plan)"));
  add_figure(preview, Figure::Spines, tr("Spine switches"), tr("Compute fabric, all planes (core Clos plan)"));
  add_figure(preview, Figure::Cores, tr("Core switches"), tr("Compute fabric, all planes (core Clos plan)"));
  add_figure(preview, Figure::Switches, tr("Switches, all fabrics"),
             tr("Every switch mounted in the generated design (core summary)"));
  add_figure(preview, Figure::Racks, tr("Racks"), tr("Racks in the generated design (core summary)"));
  add_figure(preview, Figure::Links, tr("Links"), tr("Cables and optics (core summary)"));
  add_figure(preview, Figure::ItPower, tr("IT power (max)"),
             tr("Sum of the nameplate maximum power of all devices, from the catalog "
                "(core summary; docs/methods.md)"));
  right->addWidget(preview_box);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  right->addWidget(status_);
  notes_ = new QLabel(this);
  notes_->setWordWrap(true);
  notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  right->addWidget(notes_);
  right->addStretch(1);
  preview_button_ = new QPushButton(tr("Preview"), this);
  preview_button_->setToolTip(tr("Generate now (clusters above %L1 GPUs are not previewed live)")
                                  .arg(kLivePreviewGpus));
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Create"));
  buttons_->addButton(preview_button_, QDialogButtonBox::ActionRole);
  right->addWidget(buttons_);
  layout->addLayout(right, 1);

  connect(buttons_, &QDialogButtonBox::accepted, this, &NewClusterWizard::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &NewClusterWizard::reject);
  connect(preview_button_, &QPushButton::clicked, this, [this] { generate_now(); });
  preview_timer_.setSingleShot(true);
  preview_timer_.setInterval(kPreviewDelayMs);
  connect(&preview_timer_, &QTimer::timeout, this, [this] { generate_now(); });

  // Sensible defaults: a DGX H100 on QM9700, when the catalog has them.
  select_data(server_, QStringLiteral("nvidia-dgx-h100"));
  select_data(switch_, QStringLiteral("nvidia-qm9700"));

  for (QSpinBox* box : {gpus_, planes_, servers_per_rack_})
    connect(box, &QSpinBox::valueChanged, this, &NewClusterWizard::fields_changed);
  for (QDoubleSpinBox* box : {leaf_oversubscription_, spine_oversubscription_})
    connect(box, &QDoubleSpinBox::valueChanged, this, &NewClusterWizard::fields_changed);
  for (QComboBox* box : {server_, switch_, tiers_, cooling_})
    connect(box, &QComboBox::currentIndexChanged, this, &NewClusterWizard::fields_changed);
  for (QCheckBox* box : {service_fabrics_, leaves_at_row_end_})
    connect(box, &QCheckBox::toggled, this, &NewClusterWizard::fields_changed);
  connect(name_, &QLineEdit::textChanged, this, &NewClusterWizard::fields_changed);
  fields_changed();
}

NewClusterWizard::~NewClusterWizard() = default;

QLabel* NewClusterWizard::add_figure(QFormLayout* form, Figure figure, const QString& label,
                                     const QString& tip) {
  auto* value = new QLabel(this);
  value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  value->setToolTip(tip);
  auto* name = new QLabel(label, this);
  name->setToolTip(tip);
  form->addRow(name, value);
  figures_[figure] = value;
  return value;
}

ClusterRequest NewClusterWizard::request() const {
  ClusterRequest r;
  r.gpus = gpus_->value();
  r.server_id = server_->currentData().toString().toStdString();
  r.switch_id = switch_->currentData().toString().toStdString();
  r.tiers = tiers_->currentData().toInt();
  r.leaf_oversubscription = leaf_oversubscription_->value();
  r.spine_oversubscription = spine_oversubscription_->value();
  r.planes = planes_->value();
  r.cooling = static_cast<CoolingChoice>(cooling_->currentData().toInt());
  r.servers_per_rack = servers_per_rack_->value();
  r.service_fabrics = service_fabrics_->isChecked();
  r.leaves_at_row_end = leaves_at_row_end_->isChecked();
  r.name = name_->text().trimmed().toStdString();
  return r;
}

void NewClusterWizard::set_request(const ClusterRequest& r) {
  if (r.gpus) gpus_->setValue(*r.gpus);
  select_data(server_, qs(r.server_id));
  select_data(switch_, qs(r.switch_id));
  select_data(tiers_, r.tiers);
  leaf_oversubscription_->setValue(r.leaf_oversubscription);
  spine_oversubscription_->setValue(r.spine_oversubscription);
  planes_->setValue(r.planes);
  select_data(cooling_, static_cast<int>(r.cooling));
  servers_per_rack_->setValue(r.servers_per_rack);
  service_fabrics_->setChecked(r.service_fabrics);
  leaves_at_row_end_->setChecked(r.leaves_at_row_end);
  name_->setText(qs(r.name));
}

void NewClusterWizard::fields_changed() {
  current_ = false;
  error_.clear();
  spine_oversubscription_->setEnabled(tiers_->currentData().toInt() != 2);
  if (gpus_->value() <= kLivePreviewGpus) {
    preview_timer_.start();
  } else {
    preview_timer_.stop();
  }
  show_preview();
}

bool NewClusterWizard::generate_now() {
  preview_timer_.stop();
  error_.clear();
  current_ = false;
  try {
    auto generated = std::make_unique<GeneratedCluster>(generate_cluster(request(), catalog_));
    auto counts = std::make_unique<Counts>();
    counts->summary = summarize(generated->design, catalog_);
    const int planes = static_cast<int>(generated->planes.size());
    if (!generated->planes.empty()) {
      const ClosPlan& plan = generated->planes.front();
      counts->leaves = plan.leaves * planes;
      counts->spines = plan.spines * planes;
      counts->cores = plan.cores * planes;
      counts->tiers = plan.tiers;
    }
    generated_ = std::move(generated);
    counts_ = std::move(counts);
    current_ = true;
  } catch (const GenerateError& e) {
    error_ = QString::fromUtf8(e.what());
  } catch (const std::exception& e) {
    error_ = tr("The generator failed: %1").arg(QString::fromUtf8(e.what()));
  }
  show_preview();
  return current_;
}

QString NewClusterWizard::error_text() const { return error_; }

QString NewClusterWizard::figure_text(Figure figure) const {
  auto it = figures_.find(figure);
  return it == figures_.end() ? QString() : it->second->text();
}

void NewClusterWizard::show_preview() {
  const bool have = current_ && counts_;
  const QString dash = QString::fromUtf16(kUnknownFigure);
  auto set = [&](Figure f, const QString& text) { figures_[f]->setText(have ? text : dash); };
  if (have) {
    const DesignSummary& s = counts_->summary;
    set(Figure::Servers, QLocale().toString(s.servers));
    set(Figure::Gpus, QLocale().toString(s.gpus));
    set(Figure::Leaves, QLocale().toString(counts_->leaves));
    set(Figure::Spines, QLocale().toString(counts_->spines));
    set(Figure::Cores, QLocale().toString(counts_->cores));
    set(Figure::Switches, QLocale().toString(s.switches));
    set(Figure::Racks, QLocale().toString(s.racks));
    set(Figure::Links, QLocale().toString(s.links));
    set(Figure::ItPower, format_kw(s.it_max_w) + QStringLiteral(" kW"));
  } else {
    for (auto& [f, label] : figures_) label->setText(dash);
  }
  if (!error_.isEmpty()) {
    status_->setStyleSheet(QStringLiteral("color: #b00020;"));
    status_->setText(tr("Cannot generate: %1").arg(error_));
  } else if (have) {
    status_->setStyleSheet({});
    status_->setText(tr("%n-tier rail-optimized fabric.", nullptr, counts_->tiers));
  } else {
    status_->setStyleSheet({});
    status_->setText(gpus_->value() > kLivePreviewGpus
                         ? tr("Large cluster: press Preview to generate it (or Create).")
                         : tr("Generating\u2026"));
  }
  QStringList notes;
  if (have)
    for (const auto& n : generated_->notes) notes << QStringLiteral("\u2022 ") + qs(n);
  notes_->setText(notes.join(QLatin1Char('\n')));
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(error_.isEmpty());
}

void NewClusterWizard::accept() {
  if (!current_ && !generate_now()) return;  // the error is shown; stay open
  QDialog::accept();
}

Design NewClusterWizard::take_design() {
  if (!generated_) return {};
  current_ = false;
  Design d = std::move(generated_->design);
  generated_.reset();
  counts_.reset();
  return d;
}

}  // namespace cf::ui
