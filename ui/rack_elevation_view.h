#pragma once
// The rack elevations of the open design (a tab of the main window): the racks of the current
// selection — a selected rack, the racks of selected devices, the racks of a selected row — or,
// with nothing selected, the first racks of the design. Racks already on screen stay while the
// selected racks and devices are among them (selecting in the view does not shrink it); a
// selected row always shows its racks. Zoom with Ctrl+wheel or the slots.
//
// Editing: a catalog entry dragged in from the palette (catalog_mime.h) is mounted where it is
// dropped (rack, U under the cursor as its lowest U, face) with one mount_device edit; a device
// dragged to another U or rack is moved with one move_device edit. While dragging, an outline
// shows where it would land and, when the core would refuse it, why. A refused drop changes
// nothing: its reason is emitted as message() and shown over the view for a few seconds.
// Clicking a device (or a rack) selects it; Ctrl+click adds or removes it. While the view is
// hidden (another tab in front) it does not rebuild; it catches up when shown.

#include <QGraphicsView>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <optional>

#include "design/design.h"

class QLabel;
class QMimeData;

namespace cf::ui {

class DesignDocument;
class RackElevationScene;
class RefreshWhenShown;

class RackElevationView : public QGraphicsView {
  Q_OBJECT

 public:
  // At most this many racks side by side (a long row shows its first ones).
  static constexpr int kMaxRacks = 24;
  // Racks shown when nothing is selected.
  static constexpr int kDefaultRacks = 4;
  // How long a message stays over the view.
  static constexpr int kMessageMs = 4000;

  explicit RackElevationView(QWidget* parent = nullptr);
  ~RackElevationView() override;

  // The design to show (nullptr: nothing open). The view follows its changes and selection.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }
  RackElevationScene* elevation_scene() const { return scene_; }

  // Shows these racks (capped at kMaxRacks) until the selection asks for others.
  void show_racks(const QStringList& rack_ids);
  const QStringList& shown_racks() const { return racks_; }
  // The racks a selection shows, in order: selected racks, the racks of selected devices and of
  // selected rows (by position); capped at kMaxRacks. Empty when it names no rack.
  QStringList racks_for(const QStringList& object_ids) const;

  // The text shown over the view now (empty when none).
  QString overlay_message() const;

 public slots:
  void zoom_in();
  void zoom_out();
  // The whole set of racks in view; a long row is fitted to its height instead.
  void zoom_to_fit();

 signals:
  // A message for the status bar: why a drop was refused, or what a drop did.
  void message(const QString& text);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dragLeaveEvent(QDragLeaveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  // Where a drag would land and whether the core accepts it there.
  struct DropPlan {
    QString rack_id;
    Device device;          // the new device (id still empty) or the moved one at its new place
    bool is_move = false;
    QRectF outline;         // scene rectangle it would occupy
    std::optional<std::string> refusal;
  };
  std::optional<DropPlan> plan_drop(const QPointF& viewport_pos, const QMimeData* mime) const;
  void update_outline(const std::optional<DropPlan>& plan);
  void on_design_changed();
  void on_selection_changed(const QStringList& object_ids);
  void rebuild(bool refit);  // now, or when next shown
  void rebuild_scene();
  void show_message(const QString& text, bool linger);
  void hide_message();

  QPointer<DesignDocument> document_;
  RackElevationScene* scene_ = nullptr;
  QStringList racks_;
  RefreshWhenShown* refresh_ = nullptr;
  bool refit_ = false;  // a rebuild waiting to be shown also fits
  QRectF outline_;
  bool outline_ok_ = false;
  QLabel* overlay_ = nullptr;
  QTimer overlay_timer_;
  // A press on a device that may become a drag.
  QString pressed_id_;
  QPoint press_pos_;
  int press_offset_u_ = 0;
};

}  // namespace cf::ui
