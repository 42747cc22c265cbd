#include "summary_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "unit_format.h"

namespace cf::ui {

namespace {

QString money(double usd) {
  if (usd >= 1e6) return QObject::tr("$%1 M").arg(usd / 1e6, 0, 'f', 2);
  return QStringLiteral("$") + QLocale().toString(usd, 'f', 0);
}

}  // namespace

SummaryPanel::SummaryPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  QFont title_font = title_->font();
  title_font.setBold(true);
  title_font.setPointSizeF(title_font.pointSizeF() * 1.15);
  title_->setFont(title_font);
  layout->addWidget(title_);

  form_ = new QFormLayout;
  form_->setLabelAlignment(Qt::AlignLeft);
  form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  layout->addLayout(form_);

  gpus_ = add_field(tr("GPUs"), tr("GPUs in all GPU servers (catalog GPUs per server)"));
  servers_ = add_field(tr("GPU servers"), tr("Servers with GPUs"));
  switches_ = add_field(tr("Switches"), tr("Network switches mounted in racks"));
  storage_ = add_field(tr("Storage systems"), tr("Storage systems mounted in racks"));
  racks_ = add_field(tr("Racks"), tr("Racks in the design"));
  links_ = add_field(tr("Links"), tr("Cables and optics between ports"));
  add_section(tr("Power"));
  it_load_ = add_field(tr("IT power (load)"),
                       tr("GPUs at the configured share of TDP, other devices at their typical power "
                          "(docs/methods.md, \"Power\")"));
  it_max_ = add_field(tr("IT power (max)"),
                      tr("Sum of the nameplate maximum power of all devices, from the catalog (PDUs "
                         "excluded; docs/methods.md)"));
  facility_ = add_field(tr("Facility power"), tr("IT load \u00D7 PUE (docs/methods.md, \"PUE\")"));
  densest_rack_ = add_field(tr("Densest rack"), tr("The highest IT load of any one rack"));
  add_section(tr("Cooling"));
  heat_ = add_field(tr("Heat"), tr("Heat to remove: the IT load (docs/methods.md, \"Cooling\")"));
  cooling_capacity_ = add_field(tr("Cooling capacity"),
                                tr("Capacity of the cooling units reaching the racks, from the catalog"));
  racks_over_cooling_ = add_field(tr("Racks over cooling"), tr("Racks whose heat exceeds the cooling reaching them"));
  add_section(tr("Cost"));
  capex_ = add_field(tr("CapEx"), tr("Bill of materials at catalog prices \u00D7 (1 + integration factor)"));
  tco_ = add_field(tr("TCO"), tr("CapEx + years \u00D7 energy OpEx (docs/methods.md, \"Cost\")"));
  per_gpu_hour_ = add_field(tr("Cost per GPU-hour"), tr("TCO / (GPUs \u00D7 years \u00D7 8,760 h)"));
  add_section(tr("Network"));
  bisection_ = add_field(tr("Bisection"),
                         tr("Minimum max-flow over the candidate bisections of the largest compute "
                            "fabric (docs/methods.md, \"Bisection\")"));
  oversubscription_ = add_field(tr("Leaf oversubscription"),
                                tr("Downlink : uplink capacity at the leaves, as wired"));
  add_section(tr("Reliability"));
  failures_ = add_field(tr("Interruptions"),
                        tr("Expected job interruptions per day from per-component failure rates "
                           "(Llama 3, Table 5; docs/methods.md)"));
  mtbf_ = add_field(tr("MTBF"), tr("24 h / interruptions per day"));

  note_ = new QLabel(this);
  note_->setWordWrap(true);
  note_->setVisible(false);
  layout->addWidget(note_);
  layout->addStretch(1);
  set_report(nullptr);
}

void SummaryPanel::add_section(const QString& title) {
  auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
  form_->addRow(label);
}

SummaryPanel::Field SummaryPanel::add_field(const QString& label, const QString& tool_tip) {
  Field f;
  f.label = new QLabel(label, this);
  f.value = new QLabel(this);
  f.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  f.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  f.label->setToolTip(tool_tip);
  f.value->setToolTip(tool_tip);
  form_->addRow(f.label, f.value);
  fields_.push_back(f);
  return f;
}

void SummaryPanel::set_analysing(const QString& design_name) {
  set_report(nullptr, true);
  title_->setText(design_name);
  note_->setText(tr("Analysing the design\u2026 The figures appear when the analysis is done."));
  note_->setVisible(true);
}

void SummaryPanel::set_report(const DesignReport* r, bool stale) {
  const QString dash = QString::fromUtf16(kUnknownFigure);
  for (const Field& f : fields_) {
    f.value->setText(dash);
    f.value->setEnabled(!stale);
  }
  title_->setText(r ? QString::fromStdString(r->summary.name) : tr("No design open"));
  note_->setVisible(false);
  if (!r) return;
  const DesignSummary& s = r->summary;
  auto count = [](const Field& f, int n) { f.value->setText(QLocale().toString(n)); };
  auto kw = [](const Field& f, double w) { f.value->setText(tr("%1 kW").arg(format_kw(w))); };
  count(gpus_, s.gpus);
  count(servers_, s.servers);
  count(switches_, s.switches);
  count(storage_, s.storage);
  count(racks_, s.racks);
  count(links_, s.links);

  const PowerReport& p = r->power;
  it_load_.value->setText(tr("%1 kW at %2 % of GPU TDP").arg(format_kw(p.it_w)).arg(p.gpu_utilization * 100, 0, 'f', 0));
  kw(it_max_, p.it_max_w);
  facility_.value->setText(tr("%1 kW (PUE %2)").arg(format_kw(p.facility_w)).arg(p.pue, 0, 'f', 2));
  if (!p.max_rack_id.empty())
    densest_rack_.value->setText(tr("%1 kW (%2)").arg(format_kw(p.max_rack_w), QString::fromStdString(p.max_rack_id)));

  kw(heat_, r->cooling.heat_w);
  kw(cooling_capacity_, r->cooling.capacity_w);
  count(racks_over_cooling_, r->cooling.racks_over_capacity);

  const CostReport& c = r->cost;
  capex_.value->setText(money(c.capex_usd) + (c.capex_has_estimates ? tr(" (with estimates)") : QString()));
  tco_.value->setText(tr("%1 over %2 years").arg(money(c.tco_usd)).arg(c.years, 0, 'g', 3));
  if (c.gpu_hours > 0) per_gpu_hour_.value->setText(tr("$%1").arg(c.usd_per_gpu_hour, 0, 'f', 2));

  // The compute fabric with the most GPUs speaks for the design.
  const FabricReport* fabric = nullptr;
  for (const auto& f : r->network.fabrics)
    if (!fabric || f.gpus > fabric->gpus) fabric = &f;
  if (fabric && fabric->gpus > 0) {
    bisection_.value->setText(tr("%1 of %2").arg(format_bps(fabric->bisection_bps), format_bps(fabric->full_bisection_bps)));
    if (fabric->oversubscription_leaf) oversubscription_.value->setText(format_ratio(fabric->oversubscription_leaf));
  }
  failures_.value->setText(tr("%1 per day").arg(r->reliability.failures_per_day, 0, 'f', 2));
  if (r->reliability.failures_per_day > 0) mtbf_.value->setText(tr("%1 h").arg(r->reliability.mtbf_hours, 0, 'f', 1));

  if (s.devices_without_power > 0) {
    note_->setVisible(true);
    note_->setText(tr("Devices without a power figure in the catalog, left out of the power sums: %1 "
                      "(see Problems).")
                       .arg(s.devices_without_power));
  }
}

QString SummaryPanel::summary_text() const {
  QString out = title_->text() + "\n";
  for (const Field& f : fields_) out += f.label->text() + "\t" + f.value->text() + "\n";
  if (note_->isVisibleTo(this)) out += note_->text() + "\n";
  return out;
}

}  // namespace cf::ui
