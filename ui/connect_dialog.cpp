#include "connect_dialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "design/edit.h"
#include "design_document.h"
#include "fabric/link_proposal.h"

namespace cf::ui {

ConnectDialog::ConnectDialog(DesignDocument& document, QWidget* parent) : QDialog(parent), document_(document) {
  setWindowTitle(tr("Connect Ports"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  a_ = make_end();
  b_ = make_end();
  form->addRow(tr("From device"), a_.device);
  form->addRow(tr("From port"), a_.port);
  form->addRow(tr("To device"), b_.device);
  form->addRow(tr("To port"), b_.port);
  cable_ = new QLabel(this);
  cable_->setToolTip(tr("Length from the racks' floor positions, medium for the slower port's speed and "
                        "that length (docs/methods.md, \"Cabling\")"));
  form->addRow(tr("Cable"), cable_);
  layout->addLayout(form);
  reason_ = new QLabel(this);
  reason_->setWordWrap(true);
  reason_->setStyleSheet(QStringLiteral("color: #D55E00"));  // the palette's "over a limit" red
  layout->addWidget(reason_);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
  connect(buttons_, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons_);

  // Devices in rack order; the selection's devices first choose the ends.
  for (const auto& rack : document_.design().racks)
    for (const auto& dev : rack.devices) {
      const QString id = QString::fromStdString(dev.id);
      a_.device->addItem(id);
      b_.device->addItem(id);
    }
  QStringList selected;
  for (const QString& id : document_.selection())
    if (a_.device->findText(id) >= 0) selected.push_back(id);
  set_ends({selected.value(0).toStdString(), {}}, {selected.value(1).toStdString(), {}});
}

ConnectDialog::End ConnectDialog::make_end() {
  End end;
  end.device = new QComboBox(this);
  end.device->setEditable(true);  // type to find one device among thousands
  end.device->setInsertPolicy(QComboBox::NoInsert);
  end.device->completer()->setFilterMode(Qt::MatchContains);
  end.device->completer()->setCompletionMode(QCompleter::PopupCompletion);
  end.port = new QComboBox(this);
  connect(end.device, &QComboBox::currentTextChanged, this, [this, end] {
    fill_ports(end);
    propose();
  });
  connect(end.port, &QComboBox::currentTextChanged, this, &ConnectDialog::propose);
  return end;
}

void ConnectDialog::fill_ports(const End& end) {
  const QSignalBlocker block(end.port);
  end.port->clear();
  for (const auto& name : free_ports(document_.design(), document_.catalog(), end.device->currentText().toStdString()))
    end.port->addItem(QString::fromStdString(name));
}

void ConnectDialog::set_ends(const PortRef& a, const PortRef& b) {
  for (const auto& [end, ref] : {std::pair{a_, a}, std::pair{b_, b}}) {
    if (!ref.device_id.empty()) end.device->setCurrentText(QString::fromStdString(ref.device_id));
    fill_ports(end);
    if (!ref.port.empty()) end.port->setCurrentText(QString::fromStdString(ref.port));
  }
  propose();
}

PortRef ConnectDialog::ref(const End& end) const {
  return {end.device->currentText().toStdString(), end.port->currentText().toStdString()};
}

void ConnectDialog::propose() {
  std::string why;
  proposal_ = propose_link(document_.design(), document_.catalog(), ref(a_), ref(b_), &why);
  reason_->setText(proposal_ ? QString() : QString::fromStdString(why));
  if (proposal_) {
    const MediumSpec* m = document_.catalog().medium(proposal_->medium_id);
    cable_->setText(tr("%1 %2, %3 m%4")
                        .arg(m ? QString::fromStdString(m->vendor) : QString(),
                             m ? QString::fromStdString(m->model) : QString::fromStdString(proposal_->medium_id))
                        .arg(proposal_->length_m, 0, 'f', 1)
                        .arg(proposal_->fabric_id.empty() ? QString()
                                                          : tr(", fabric %1").arg(QString::fromStdString(proposal_->fabric_id))));
  } else {
    cable_->setText(QStringLiteral("\u2014"));
  }
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(proposal_.has_value());
}

QString ConnectDialog::reason() const { return reason_->text(); }

void ConnectDialog::accept() {
  if (!proposal_) return;
  QString why;
  if (!document_.apply(cf::connect(*proposal_), &why)) {
    reason_->setText(why);
    return;
  }
  QDialog::accept();
}

}  // namespace cf::ui
