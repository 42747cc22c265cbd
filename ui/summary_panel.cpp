#include "summary_panel.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "unit_format.h"

namespace cf::ui {

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
  it_power_ = add_field(tr("IT power (max)"),
                        tr("Sum of the nameplate maximum power of all devices, from the catalog "
                           "(PDUs excluded; docs/methods.md)"));
  densest_rack_ =
      add_field(tr("Densest rack"), tr("The highest nameplate maximum power of any one rack"));

  note_ = new QLabel(this);
  note_->setWordWrap(true);
  note_->setVisible(false);
  layout->addWidget(note_);
  layout->addStretch(1);
  set_summary(nullptr);
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

void SummaryPanel::set_summary(const DesignSummary* s) {
  const QString dash = QString::fromUtf16(kUnknownFigure);
  auto count = [&](const Field& f, int n) { f.value->setText(s ? QString::number(n) : dash); };
  auto kw = [&](const Field& f, double w) {
    f.value->setText(s ? tr("%1 kW").arg(format_kw(w)) : dash);
  };
  title_->setText(s ? QString::fromStdString(s->name) : tr("No design open"));
  count(gpus_, s ? s->gpus : 0);
  count(servers_, s ? s->servers : 0);
  count(switches_, s ? s->switches : 0);
  count(storage_, s ? s->storage : 0);
  count(racks_, s ? s->racks : 0);
  count(links_, s ? s->links : 0);
  kw(it_power_, s ? s->it_max_w : 0);
  kw(densest_rack_, s ? s->max_rack_w : 0);
  if (s && !s->max_rack_id.empty())
    densest_rack_.value->setText(tr("%1 kW (%2)")
                                     .arg(format_kw(s->max_rack_w))
                                     .arg(QString::fromStdString(s->max_rack_id)));
  const bool missing = s && s->devices_without_power > 0;
  note_->setVisible(missing);
  if (missing)
    note_->setText(tr("Devices without a power figure in the catalog, left out of the power "
                      "sums: %1 (see Problems).")
                       .arg(s->devices_without_power));
}

QString SummaryPanel::summary_text() const {
  QString out = title_->text() + "\n";
  for (const Field& f : fields_) out += f.label->text() + "\t" + f.value->text() + "\n";
  if (note_->isVisibleTo(this)) out += note_->text() + "\n";
  return out;
}

}  // namespace cf::ui
