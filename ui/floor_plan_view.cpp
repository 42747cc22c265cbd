#include "floor_plan_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QGraphicsItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

#include "design/edit.h"
#include "design_document.h"
#include "refresh_when_shown.h"
#include "screen_cache.h"

namespace cf::ui {

namespace {

constexpr double kZoomStep = 1.25;        // one key press
constexpr double kWheelBase = 1.0015;     // per 1/8 degree of wheel: a notch (120) is ×1.2
constexpr double kMaxZoom = 2.0;          // px per mm: a 600 mm rack 1,200 px wide
constexpr double kMinZoom = 1e-4;         // a 10 km floor in 1,000 px
constexpr QSizeF kLegendSize{270, 84};

}  // namespace

FloorPlanView::FloorPlanView(QWidget* parent)
    : QGraphicsView(parent), scene_(new FloorPlanScene(this)),
      refresh_(new RefreshWhenShown(this, [this] { rebuild_scene(); })), mode_box_(new QComboBox(this)) {
  setScene(scene_);
  reserve_screen_cache();  // the overview is kept as a pixmap
  setDragMode(RubberBandDrag);
  setRubberBandSelectionMode(Qt::IntersectsItemShape);
  setTransformationAnchor(AnchorViewCenter);
  setResizeAnchor(AnchorViewCenter);
  // The legend is fixed to the viewport: a scroll must repaint rather than shift pixels.
  setViewportUpdateMode(FullViewportUpdate);
  setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
  setRenderHint(QPainter::Antialiasing, false);
  setFocusPolicy(Qt::StrongFocus);
  setBackgroundBrush(palette().color(QPalette::Base));

  zoom_in_ = new QAction(tr("Zoom In"), this);
  zoom_in_->setShortcuts({QKeySequence(QKeySequence::ZoomIn), QKeySequence(tr("Ctrl+="))});
  zoom_out_ = new QAction(tr("Zoom Out"), this);
  zoom_out_->setShortcuts({QKeySequence(QKeySequence::ZoomOut), QKeySequence(tr("Ctrl+-"))});
  fit_ = new QAction(tr("Fit to Window"), this);
  fit_->setShortcut(QKeySequence(tr("Ctrl+0")));
  connect(zoom_in_, &QAction::triggered, this, &FloorPlanView::zoom_in);
  connect(zoom_out_, &QAction::triggered, this, &FloorPlanView::zoom_out);
  connect(fit_, &QAction::triggered, this, &FloorPlanView::zoom_to_fit);

  modes_ = new QActionGroup(this);
  auto* power = modes_->addAction(tr("Colour by Power Density"));
  auto* heat = modes_->addAction(tr("Colour by Heat against Cooling"));
  power->setData(static_cast<int>(FloorColorMode::PowerDensity));
  heat->setData(static_cast<int>(FloorColorMode::HeatVsCooling));
  for (QAction* a : modes_->actions()) a->setCheckable(true);
  power->setChecked(true);
  connect(modes_, &QActionGroup::triggered, this,
          [this](QAction* a) { set_mode(static_cast<FloorColorMode>(a->data().toInt())); });

  for (QAction* a : {zoom_in_, zoom_out_, fit_}) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
  }

  mode_box_->addItem(tr("Power density"), static_cast<int>(FloorColorMode::PowerDensity));
  mode_box_->addItem(tr("Heat against cooling"), static_cast<int>(FloorColorMode::HeatVsCooling));
  mode_box_->setToolTip(tr("What colours the racks"));
  mode_box_->setFocusPolicy(Qt::NoFocus);
  connect(mode_box_, &QComboBox::activated, this,
          [this](int i) { set_mode(static_cast<FloorColorMode>(mode_box_->itemData(i).toInt())); });
  place_mode_box();
  connect(this, &QGraphicsView::rubberBandChanged, this, [this](QRect viewport_rect, QPointF from, QPointF to) {
    if (!viewport_rect.isNull()) band_ = QRectF(from, to).normalized();
  });
}

QList<QAction*> FloorPlanView::view_actions() const {
  return QList<QAction*>{zoom_in_, zoom_out_, fit_} + modes_->actions();
}

void FloorPlanView::set_document(DesignDocument* document) {
  if (document_ == document) return;
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  if (document_) {
    connect(document_, &DesignDocument::design_changed, this, &FloorPlanView::rebuild);
    connect(document_, &DesignDocument::report_changed, this, &FloorPlanView::rebuild);
    connect(document_, &DesignDocument::stale_changed, this, [this](bool stale) {
      scene_->set_stale(stale);
      viewport()->update();
    });
    connect(document_, &DesignDocument::selection_changed, this,
            [this](const QStringList& ids) { scene_->select_racks(ids); });
    connect(document_, &QObject::destroyed, this, [this] { rebuild(); });
  }
  fit_pending_ = true;
  rebuild();
  if (isVisible()) zoom_to_fit();
}

void FloorPlanView::rebuild() { refresh_->request(); }

void FloorPlanView::rebuild_scene() {
  cancel_rack_drag();
  if (!document_) {
    scene_->set_layout(FloorLayout{}, false);
  } else {
    scene_->show_design(document_->design(), document_->catalog(), document_->report(), document_->report_is_stale());
    scene_->select_racks(document_->selection());
  }
  viewport()->update();
}

void FloorPlanView::set_mode(FloorColorMode mode) {
  const int index = mode_box_->findData(static_cast<int>(mode));
  mode_box_->setCurrentIndex(index);
  for (QAction* a : modes_->actions()) a->setChecked(a->data().toInt() == static_cast<int>(mode));
  if (mode == scene_->mode()) return;
  scene_->set_mode(mode);
  viewport()->update();
  emit mode_changed(mode);
}

// Zoom ----------------------------------------------------------------------------------------

void FloorPlanView::zoom_by(double factor) {
  const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
  if (zoom() > 0) scale(target / zoom(), target / zoom());
}

void FloorPlanView::zoom_in() { zoom_by(kZoomStep); }  // around the view's centre

void FloorPlanView::zoom_out() { zoom_by(1 / kZoomStep); }  // around the view's centre

void FloorPlanView::zoom_to_fit() {
  fit_pending_ = false;
  const QRectF bounds = FloorPlanScene::to_scene(scene_->layout().bounds);
  if (bounds.isEmpty()) return;
  // Room for the row names on the left and the legend below.
  fitInView(bounds.adjusted(-2000, -1000, 1000, 1000 + bounds.height() * 0.15), Qt::KeepAspectRatio);
  if (zoom() > kMaxZoom) zoom_by(1.0);
}

void FloorPlanView::wheelEvent(QWheelEvent* event) {
  const int delta = event->angleDelta().y();
  if (delta == 0) return QGraphicsView::wheelEvent(event);
  // Around the cursor, by hand: AnchorUnderMouse anchors only while the pointer is known to be
  // over the view.
  const QPoint cursor = event->position().toPoint();
  const QPointF under = mapToScene(cursor);
  const ViewportAnchor anchor = transformationAnchor();
  setTransformationAnchor(NoAnchor);
  zoom_by(std::pow(kWheelBase, delta));
  setTransformationAnchor(anchor);
  const QPoint drift = mapFromScene(under) - cursor;
  horizontalScrollBar()->setValue(horizontalScrollBar()->value() + drift.x());
  verticalScrollBar()->setValue(verticalScrollBar()->value() + drift.y());
  event->accept();
}

// Mouse: click, rubber band, rack drag, pan ---------------------------------------------------

void FloorPlanView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton) {
    panning_ = true;
    pan_last_ = event->position().toPoint();
    viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  if (event->button() == Qt::LeftButton && !space_held_ && document_) {
    const QPointF at = mapToScene(event->position().toPoint());
    const QString rack = scene_->rack_at(at);
    if (!rack.isEmpty()) {
      drag_rack_ = rack;
      drag_start_scene_ = at;
      drag_item_start_ = scene_->rack_item(rack)->pos();
      dragging_ = false;
      event->accept();
      return;
    }
    rubber_band_ = true;
  }
  QGraphicsView::mousePressEvent(event);
}

void FloorPlanView::mouseMoveEvent(QMouseEvent* event) {
  if (panning_) {
    const QPoint now = event->position().toPoint();
    const QPoint d = now - pan_last_;
    pan_last_ = now;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
    event->accept();
    return;
  }
  if (!drag_rack_.isEmpty()) {
    QGraphicsItem* item = scene_->rack_item(drag_rack_);
    const QPointF at = mapToScene(event->position().toPoint());
    // Racks a few pixels wide (the overview) are clicked, not dragged.
    if (!dragging_ && !scene_->overview() &&
        (mapFromScene(at) - mapFromScene(drag_start_scene_)).manhattanLength() >= QApplication::startDragDistance()) {
      dragging_ = true;
      item->setZValue(3);
      viewport()->setCursor(Qt::SizeAllCursor);
    }
    if (dragging_) item->setPos(drag_item_start_ + (at - drag_start_scene_));
    event->accept();
    return;
  }
  QGraphicsView::mouseMoveEvent(event);
}

void FloorPlanView::mouseReleaseEvent(QMouseEvent* event) {
  if (panning_ && event->button() == Qt::MiddleButton) {
    panning_ = false;
    viewport()->unsetCursor();
    event->accept();
    return;
  }
  if (!drag_rack_.isEmpty() && event->button() == Qt::LeftButton) {
    end_rack_drag(event->modifiers());
    event->accept();
    return;
  }
  const QRectF band = band_;
  band_ = {};
  QGraphicsView::mouseReleaseEvent(event);
  if (rubber_band_ && event->button() == Qt::LeftButton) {
    rubber_band_ = false;
    if (!document_) return;
    // The band (or a click on the floor) selected these racks: share the selection once. Under
    // the overview the rack items are hidden, so the band's racks come from the layout.
    if (!scene_->overview()) {
      document_->set_selection(scene_->selected_racks());
      return;
    }
    QStringList ids = (event->modifiers() & Qt::ControlModifier) ? document_->selection() : QStringList();
    for (const QString& id : scene_->racks_in(band))
      if (!ids.contains(id)) ids << id;
    document_->set_selection(ids);
  }
}

bool FloorPlanView::viewportEvent(QEvent* event) {
  // The level of detail follows the zoom, whoever changed it: decided as each frame is painted.
  if (event->type() == QEvent::Paint) scene_->set_overview(scene_->overview_at(zoom()));
  return QGraphicsView::viewportEvent(event);
}

void FloorPlanView::end_rack_drag(Qt::KeyboardModifiers modifiers) {
  const QString rack = drag_rack_;
  const bool dragged = dragging_;
  QGraphicsItem* item = scene_->rack_item(rack);
  const QPointF centre = item->sceneBoundingRect().center();
  cancel_rack_drag();  // the item goes back to rest; a successful move rebuilds the scene
  if (!document_) return;
  if (!dragged) {
    QStringList ids{rack};
    if (modifiers & Qt::ControlModifier) {
      ids = scene_->selected_racks();
      if (!ids.removeOne(rack)) ids << rack;
    }
    document_->set_selection(ids);
    return;
  }
  drop_rack_at(rack, centre);
}

void FloorPlanView::cancel_rack_drag() {
  if (QGraphicsItem* item = drag_rack_.isEmpty() ? nullptr : scene_->rack_item(drag_rack_)) {
    item->setPos(drag_item_start_);
    item->setZValue(2);
  }
  if (dragging_) viewport()->unsetCursor();
  drag_rack_.clear();
  dragging_ = false;
}

bool FloorPlanView::drop_rack_at(const QString& rack_id, const QPointF& scene_pos) {
  const QPointF floor = FloorPlanScene::to_floor(scene_pos);
  const auto slot = slot_at(scene_->layout(), floor.x(), floor.y());
  if (!slot) {
    emit message(tr("%1 stays where it was: drop a rack on a row slot.").arg(rack_id));
    return false;
  }
  return move_rack_to(rack_id, QString::fromStdString(slot->row_id), slot->position);
}

bool FloorPlanView::move_rack_to(const QString& rack_id, const QString& row_id, int position) {
  if (!document_) return false;
  for (const auto& r : scene_->layout().racks)
    if (QString::fromStdString(r.id) == rack_id && QString::fromStdString(r.row_id) == row_id && r.position == position)
      return false;  // dropped where it stands: nothing to do
  QString reason;
  if (document_->apply(move_rack(rack_id.toStdString(), row_id.toStdString(), position), &reason)) return true;
  emit message(tr("Cannot move %1: %2").arg(rack_id, reason));
  return false;
}

// Keys: Space + drag pans -------------------------------------------------------------------

void FloorPlanView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat() && drag_rack_.isEmpty()) {
    space_held_ = true;
    setDragMode(ScrollHandDrag);
    event->accept();
    return;
  }
  if (event->key() == Qt::Key_Escape && dragging_) {
    cancel_rack_drag();
    event->accept();
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void FloorPlanView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    space_held_ = false;
    setDragMode(RubberBandDrag);
    event->accept();
    return;
  }
  QGraphicsView::keyReleaseEvent(event);
}

// Legend and layout ---------------------------------------------------------------------------

void FloorPlanView::drawForeground(QPainter* painter, const QRectF&) {
  painter->save();
  painter->resetTransform();
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setFont(font());
  const QRect vp = viewport()->rect();
  if (!document_) {
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(vp, Qt::AlignCenter, tr("No design open"));
    painter->restore();
    return;
  }
  const double width = std::max(kLegendSize.width(), QFontMetricsF(font()).horizontalAdvance(scene_->legend_note()) + 16);
  const QRectF box(vp.left() + 8, vp.bottom() - 8 - kLegendSize.height(), width, kLegendSize.height());
  QColor back = palette().color(QPalette::Base);
  back.setAlpha(235);
  painter->setPen(QColor(0xAA, 0xAA, 0xAA));
  painter->setBrush(back);
  painter->drawRect(box);
  scene_->paint_legend(*painter, box.adjusted(8, 6, -8, -6));
  painter->restore();
}

void FloorPlanView::place_mode_box() {
  mode_box_->adjustSize();
  mode_box_->move(viewport()->geometry().topLeft() + QPoint(8, 8));
  mode_box_->raise();
}

void FloorPlanView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  place_mode_box();
  if (fit_pending_) zoom_to_fit();
}

void FloorPlanView::showEvent(QShowEvent* event) {
  QGraphicsView::showEvent(event);
  place_mode_box();
  if (fit_pending_) zoom_to_fit();
}

}  // namespace cf::ui
