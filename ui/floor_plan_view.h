#pragma once
// The floor plan of the open design: a FloorPlanScene under a QGraphicsView with zoom (wheel
// around the cursor, Ctrl+= / Ctrl+- / Ctrl+0 to fit), pan (middle button, or Space + drag),
// click and rubber-band selection shared through the document, and racks moved by dragging them
// onto another row slot — one core move_rack edit, refused moves snap back and say why through
// message(). The legend of the colour mode stays fixed in the bottom-left corner. Zoomed out until
// racks are a few pixels wide, the scene shows its overview (FloorPlanScene::set_overview). While the view
// is hidden (another tab in front) it does not rebuild; it catches up when shown.

#include <QGraphicsView>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QString>

#include "floor_plan_scene.h"

class QAction;
class QActionGroup;
class QComboBox;

namespace cf::ui {

class DesignDocument;
class RefreshWhenShown;

class FloorPlanView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit FloorPlanView(QWidget* parent = nullptr);

  // The design to show (nullptr: nothing open). The view follows its changes and selection.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }
  FloorPlanScene* floor_scene() const { return scene_; }

  void set_mode(FloorColorMode mode);
  FloorColorMode mode() const { return scene_->mode(); }
  // Zoom in, zoom out, fit, then the two colour modes (checkable, exclusive): for a toolbar or
  // menu. They are also the view's own actions, with shortcuts while the view has focus.
  QList<QAction*> view_actions() const;

  // Moves `rack_id` to `row_id` / `position` as one undo step; a refused move changes nothing,
  // emits message() with the reason and returns false. What a drag onto a row slot does.
  bool move_rack_to(const QString& rack_id, const QString& row_id, int position);
  // Drops `rack_id` with its centre at `scene_pos`: onto the row slot there, or refused.
  bool drop_rack_at(const QString& rack_id, const QPointF& scene_pos);

  // Scale factor (device pixels per scene millimetre).
  double zoom() const { return transform().m11(); }

 public slots:
  void zoom_in();
  void zoom_out();
  void zoom_to_fit();

 signals:
  // Something the status bar should say: why a move was refused.
  void message(const QString& text);
  void mode_changed(FloorColorMode mode);

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;
  bool viewportEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void rebuild();  // now, or when next shown
  void rebuild_scene();
  void zoom_by(double factor);
  void place_mode_box();
  void end_rack_drag(Qt::KeyboardModifiers modifiers);
  void cancel_rack_drag();

  FloorPlanScene* scene_;
  RefreshWhenShown* refresh_;
  QPointer<DesignDocument> document_;
  QComboBox* mode_box_;
  QAction *zoom_in_, *zoom_out_, *fit_;
  QActionGroup* modes_;
  bool fit_pending_ = true;

  // A rack press: a click when released in place, a drag once it moved far enough.
  QString drag_rack_;
  QPointF drag_start_scene_, drag_item_start_;
  bool dragging_ = false;
  bool rubber_band_ = false;
  QRectF band_;  // the rubber band's last extent, in the scene
  bool panning_ = false;  // middle button
  QPoint pan_last_;
  bool space_held_ = false;
};

}  // namespace cf::ui
