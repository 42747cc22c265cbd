#pragma once
// "New cluster...": the fields of the core's ClusterRequest (GPU count, server, leaf/spine switch,
// tiers, oversubscription, planes, cooling, servers per rack, service fabrics) with a live preview
// of what the core generates for them: servers, GPUs, switches per tier, racks, links, IT power,
// the generator's notes, or its error. Up to kLivePreviewGpus the preview follows every change;
// larger clusters are generated when asked (Preview, or Create). The dialog's result is the
// generated Design; the caller opens it as a new, untitled document.

#include <QDialog>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>

#include "catalog/catalog.h"
#include "fabric/cluster_generator.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace cf::ui {

class NewClusterWizard : public QDialog {
  Q_OBJECT

 public:
  // Up to this many GPUs the preview regenerates on every change (a 10,000-GPU design generates
  // and summarizes in well under a second).
  static constexpr int kLivePreviewGpus = 10000;
  static constexpr int kPreviewDelayMs = 150;

  enum class Figure { Servers, Gpus, Leaves, Spines, Cores, Switches, Racks, Links, ItPower };

  // `catalog` must outlive the dialog.
  explicit NewClusterWizard(const Catalog& catalog, QWidget* parent = nullptr);
  ~NewClusterWizard() override;

  // The request the fields describe.
  ClusterRequest request() const;
  // Fills the fields (ids not in the lists are ignored).
  void set_request(const ClusterRequest& request);

  // Generates the current request now; false when the core refused it (error_text() says why).
  bool generate_now();
  QString error_text() const;
  // The last generated cluster for the current fields; null when out of date or refused.
  const GeneratedCluster* generated() const { return current_ ? generated_.get() : nullptr; }
  // The preview's text for one figure (the dash when nothing is generated).
  QString figure_text(Figure figure) const;

  // After Accepted: the generated design (moved out).
  Design take_design();

  QSpinBox* gpus_box() const { return gpus_; }
  QComboBox* server_combo() const { return server_; }
  QComboBox* switch_combo() const { return switch_; }
  QComboBox* tiers_combo() const { return tiers_; }
  QComboBox* cooling_combo() const { return cooling_; }

  void accept() override;

 private:
  void fields_changed();
  void show_preview();
  QLabel* add_figure(QFormLayout* form, Figure figure, const QString& label, const QString& tip);

  const Catalog& catalog_;
  QSpinBox* gpus_ = nullptr;
  QComboBox* server_ = nullptr;
  QComboBox* switch_ = nullptr;
  QComboBox* tiers_ = nullptr;
  QDoubleSpinBox* leaf_oversubscription_ = nullptr;
  QDoubleSpinBox* spine_oversubscription_ = nullptr;
  QSpinBox* planes_ = nullptr;
  QComboBox* cooling_ = nullptr;
  QSpinBox* servers_per_rack_ = nullptr;
  QCheckBox* service_fabrics_ = nullptr;
  QCheckBox* leaves_at_row_end_ = nullptr;
  QLineEdit* name_ = nullptr;
  QPushButton* preview_button_ = nullptr;
  QLabel* status_ = nullptr;
  QLabel* notes_ = nullptr;
  QDialogButtonBox* buttons_ = nullptr;
  std::map<Figure, QLabel*> figures_;
  QTimer preview_timer_;

  std::unique_ptr<GeneratedCluster> generated_;
  bool current_ = false;  // generated_ matches the fields
  QString error_;
  struct Counts;
  std::unique_ptr<Counts> counts_;  // the core's figures of generated_
};

}  // namespace cf::ui
