#pragma once
// The topology view: one compute fabric of the open design drawn in tiers (TopologyScene over the
// core's TopologyLayout), with a fabric chooser, zoom (wheel, buttons, fit) and pan (drag). A
// click on a node selects the servers or switches it stands for. Redraws when a new report
// arrives; greyed while the report is stale. Large designs are laid out off the GUI thread. While
// the view is hidden (another tab in front) it lays nothing out; it catches up when shown.

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>

#include "analysis/topology_layout.h"
#include "design_document.h"

class QComboBox;
class QGraphicsView;
class QLabel;

namespace cf::ui {

class RefreshWhenShown;
class TopologyScene;

class TopologyView : public QWidget {
  Q_OBJECT

 public:
  explicit TopologyView(QWidget* parent = nullptr);
  ~TopologyView() override;

  // nullptr: nothing open.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }

  TopologyScene* scene() const { return scene_; }
  QGraphicsView* graphics_view() const { return view_; }
  QComboBox* fabric_chooser() const { return fabrics_; }

  // The fabric shown (its id), and choosing another.
  QString fabric_id() const;
  void set_fabric(const QString& fabric_id);

  void zoom_in();
  void zoom_out();
  void zoom_to_fit();
  // Zooms by `factor` as the wheel and the buttons do: while the zoom goes on the edges are drawn
  // from their last picture, scaled, and sharp again kSettleMs after the last step.
  void zoom_by(double factor);
  static constexpr int kSettleMs = 200;

  // Designs with more devices than this are laid out off the GUI thread.
  static constexpr int kBackgroundLayoutDevices = 2000;
  void set_background_layout_devices(int devices) { background_devices_ = devices; }
  // True while a background layout is running (tests wait on layout_ready).
  bool layout_pending() const { return pending_; }

 signals:
  // For the status bar: what was selected, or why nothing was drawn.
  void message(const QString& text);
  // The scene holds a new layout.
  void layout_ready();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void refresh_fabrics();
  void rebuild();  // now, or when next shown
  void lay_out();
  void show_layout(TopologyLayout layout);
  void select_node_at(const QPoint& view_pos);

  QPointer<DesignDocument> document_;
  QComboBox* fabrics_ = nullptr;
  QLabel* status_ = nullptr;
  QGraphicsView* view_ = nullptr;
  TopologyScene* scene_ = nullptr;
  RefreshWhenShown* refresh_ = nullptr;
  QFutureWatcher<TopologyLayout>* watcher_ = nullptr;
  quint64 generation_ = 0;  // a late background layout of an older request is dropped
  bool pending_ = false;
  bool fitted_ = false;     // fit once per fabric; later redraws keep the user's zoom
  int background_devices_ = kBackgroundLayoutDevices;
  QPoint press_pos_;
  QTimer zoom_settle_;
  QList<QMetaObject::Connection> connections_;
};

}  // namespace cf::ui
