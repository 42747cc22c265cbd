#pragma once
// Connect two ports: pick the devices (preset from the selection) and their free ports; core
// proposes the cable (medium for the speed and the floor distance, length, fabric), and OK adds it
// as one undo step. A link core refuses keeps the dialog open with the reason.

#include <QDialog>
#include <optional>

#include "design/design.h"

class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace cf::ui {

class DesignDocument;

class ConnectDialog : public QDialog {
  Q_OBJECT

 public:
  // `document` must outlive the dialog. The first two selected devices become the two ends.
  explicit ConnectDialog(DesignDocument& document, QWidget* parent = nullptr);

  // Chooses the ends (tests, or a caller that knows them); an empty port takes the first free one.
  void set_ends(const PortRef& a, const PortRef& b);
  // The link core proposes for the current choice; nullopt (see reason()) when there is none.
  const std::optional<Link>& proposal() const { return proposal_; }
  QString reason() const;

  // Adds the proposed link; stays open with the reason when core refuses.
  void accept() override;

 private:
  struct End {
    QComboBox* device = nullptr;
    QComboBox* port = nullptr;
  };
  End make_end();
  void fill_ports(const End& end);
  void propose();
  PortRef ref(const End& end) const;

  DesignDocument& document_;
  End a_, b_;
  QLabel* cable_ = nullptr;
  QLabel* reason_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
  std::optional<Link> proposal_;
};

}  // namespace cf::ui
