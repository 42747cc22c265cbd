#include "rack_elevation_view.h"

#include <QApplication>
#include <QDrag>
#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "catalog_mime.h"
#include "design/placement.h"
#include "design/unique_id.h"
#include "design_document.h"
#include "rack_elevation_items.h"
#include "rack_elevation_scene.h"
#include "refresh_when_shown.h"

namespace cf::ui {

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }

const Rack* find_rack(const Design& d, const QString& id) {
  const std::string wanted = id.toStdString();
  for (const Rack& r : d.racks)
    if (r.id == wanted) return &r;
  return nullptr;
}

std::unordered_set<std::string> id_set(const QStringList& ids) {
  std::unordered_set<std::string> set;
  for (const QString& id : ids) set.insert(id.toStdString());
  return set;
}

// The rack holding a device, and the device.
std::optional<std::pair<const Rack*, const Device*>> locate_device(const Design& d, const std::string& id) {
  for (const Rack& r : d.racks)
    for (const Device& dev : r.devices)
      if (dev.id == id) return std::pair(&r, &dev);
  return std::nullopt;
}

}  // namespace

RackElevationView::RackElevationView(QWidget* parent)
    : QGraphicsView(parent), refresh_(new RefreshWhenShown(this, [this] { rebuild_scene(); })) {
  setAcceptDrops(true);
  setRenderHint(QPainter::Antialiasing, false);
  setRenderHint(QPainter::TextAntialiasing, true);
  setDragMode(QGraphicsView::NoDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
  setBackgroundBrush(palette().base());

  overlay_ = new QLabel(this);
  overlay_->setWordWrap(true);
  overlay_->setMargin(6);
  overlay_->setAutoFillBackground(true);
  overlay_->setFrameShape(QFrame::Box);
  overlay_->setBackgroundRole(QPalette::ToolTipBase);
  overlay_->setForegroundRole(QPalette::ToolTipText);
  overlay_->hide();
  overlay_timer_.setSingleShot(true);
  connect(&overlay_timer_, &QTimer::timeout, this, &RackElevationView::hide_message);
}

RackElevationView::~RackElevationView() = default;

void RackElevationView::set_document(DesignDocument* document) {
  if (document_) disconnect(document_, nullptr, this, nullptr);
  document_ = document;
  racks_.clear();
  setScene(nullptr);
  delete scene_;
  scene_ = nullptr;
  if (!document_) return;
  scene_ = new RackElevationScene(document_->catalog(), this);
  scene_->set_screen_cache(true);
  setScene(scene_);
  connect(document_, &DesignDocument::design_changed, this, &RackElevationView::on_design_changed);
  connect(document_, &DesignDocument::report_changed, this, [this] { rebuild(false); });
  connect(document_, &DesignDocument::selection_changed, this, &RackElevationView::on_selection_changed);
  connect(document_, &QObject::destroyed, this, [this] { set_document(nullptr); });
  on_selection_changed(document_->selection());
}

QStringList RackElevationView::racks_for(const QStringList& object_ids) const {
  QStringList racks;
  if (!document_ || object_ids.isEmpty()) return racks;
  // One pass over the racks and their devices (no index to rebuild after every edit: a 100,000-GPU
  // design has ~100,000 objects).
  const Design& d = document_->design();
  const std::unordered_set<std::string> wanted = id_set(object_ids);
  std::unordered_set<std::string> rows;
  for (const Row& row : d.rows)
    if (wanted.count(row.id)) rows.insert(row.id);
  // Selected racks and racks of selected devices in the order of the selection, then row racks.
  std::unordered_map<std::string, std::string> rack_of;  // selected id -> its rack
  std::vector<const Rack*> in_rows;
  for (const Rack& r : d.racks) {
    if (wanted.count(r.id)) rack_of[r.id] = r.id;
    for (const Device& dev : r.devices)
      if (wanted.count(dev.id)) rack_of[dev.id] = r.id;
    if (rows.count(r.row_id)) in_rows.push_back(&r);
  }
  auto add = [&](const std::string& id) {
    const QString q = qstr(id);
    if (!racks.contains(q) && racks.size() < kMaxRacks) racks << q;
  };
  for (const QString& id : object_ids)
    if (auto it = rack_of.find(id.toStdString()); it != rack_of.end()) add(it->second);
  std::stable_sort(in_rows.begin(), in_rows.end(), [&](const Rack* a, const Rack* b) {
    return std::pair(a->row_id, a->position) < std::pair(b->row_id, b->position);
  });
  for (const Rack* r : in_rows) add(r->id);
  return racks;
}

void RackElevationView::show_racks(const QStringList& rack_ids) {
  racks_ = rack_ids.mid(0, kMaxRacks);
  rebuild(true);
}

void RackElevationView::on_selection_changed(const QStringList& object_ids) {
  if (!document_) return;
  const QStringList wanted = racks_for(object_ids);
  // A selected row shows its racks. Otherwise the racks on screen stay while the selected racks
  // and devices are among them (clicking a device must not shrink a row to one rack); with
  // nothing to show, the first racks of the design by row.
  const std::unordered_set<std::string> ids = id_set(object_ids);
  const auto& rows = document_->design().rows;
  const bool names_row = std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return ids.count(r.id) > 0; });
  const bool shown = std::all_of(wanted.begin(), wanted.end(), [&](const QString& r) { return racks_.contains(r); });
  if (!wanted.isEmpty() && (names_row ? wanted != racks_ : !shown)) {
    racks_ = wanted;
    rebuild(true);
  } else if (racks_.isEmpty()) {
    const Design& d = document_->design();
    std::vector<const Rack*> all;
    for (const Rack& r : d.racks) all.push_back(&r);
    std::unordered_map<std::string, std::size_t> row_order;
    for (std::size_t i = 0; i < d.rows.size(); ++i) row_order.emplace(d.rows[i].id, i);
    auto row_of = [&](const Rack* r) {
      auto it = row_order.find(r->row_id);
      return it == row_order.end() ? d.rows.size() : it->second;
    };
    std::stable_sort(all.begin(), all.end(), [&](const Rack* a, const Rack* b) {
      return std::pair(row_of(a), a->position) < std::pair(row_of(b), b->position);
    });
    for (std::size_t i = 0; i < all.size() && i < static_cast<std::size_t>(kDefaultRacks); ++i)
      racks_ << qstr(all[i]->id);
    rebuild(true);
  }
  if (scene_) scene_->set_selection(object_ids);
}

void RackElevationView::on_design_changed() {
  // Racks that an edit removed leave the view.
  racks_.erase(std::remove_if(racks_.begin(), racks_.end(),
                              [&](const QString& id) { return !find_rack(document_->design(), id); }),
               racks_.end());
  rebuild(false);
}

void RackElevationView::rebuild(bool refit) {
  refit_ = refit_ || refit;
  refresh_->request();
}

void RackElevationView::rebuild_scene() {
  const bool refit = std::exchange(refit_, false);
  if (!document_ || !scene_) return;
  const DesignReport& report = document_->report();
  scene_->set_racks(document_->design(), racks_, document_->has_report() ? &report.power : nullptr,
                    document_->report_is_stale());
  scene_->set_selection(document_->selection());
  if (refit) zoom_to_fit();
}

void RackElevationView::zoom_in() { scale(1.25, 1.25); }
void RackElevationView::zoom_out() { scale(0.8, 0.8); }

void RackElevationView::zoom_to_fit() {
  if (!scene_ || scene_->sceneRect().isEmpty()) return;
  const QRectF r = scene_->sceneRect();
  const QSizeF room = viewport()->size();
  double s = std::min(room.width() / r.width(), room.height() / r.height());
  // Too many racks to read at once: fit the height and scroll along the row.
  if (s < 0.45) s = room.height() / r.height();
  s = std::clamp(s, 0.05, 2.0);
  setTransform(QTransform::fromScale(s, s));
  centerOn(r.left() + std::min(r.width(), room.width() / s) / 2, r.center().y());
}

void RackElevationView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  overlay_->setMaximumWidth(std::max(120, width() - 24));
}

void RackElevationView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) return QGraphicsView::wheelEvent(event);
  const double steps = event->angleDelta().y() / 120.0;
  const double factor = std::pow(1.2, steps);
  scale(factor, factor);
  event->accept();
}

// --- Drops -------------------------------------------------------------------------------------

std::optional<RackElevationView::DropPlan> RackElevationView::plan_drop(const QPointF& viewport_pos,
                                                                         const QMimeData* mime) const {
  if (!document_ || !scene_) return std::nullopt;
  const auto slot = scene_->slot_at(mapToScene(viewport_pos.toPoint()));
  if (!slot) return std::nullopt;
  const Design& d = document_->design();
  const Catalog& c = document_->catalog();
  const Rack* rack = find_rack(d, slot->rack_id);
  if (!rack) return std::nullopt;

  DropPlan plan;
  plan.rack_id = slot->rack_id;
  int grab_offset = 0;
  if (auto id = catalog_id_from_mime(mime)) {
    plan.device.catalog_id = id->toStdString();  // the id stays empty until the drop
  } else if (auto drag = device_drag_from_mime(mime)) {
    const Device* dev = find_device(d, drag->device_id.toStdString());
    if (!dev) return std::nullopt;
    plan.device = *dev;
    plan.is_move = true;
    grab_offset = drag->grab_offset_u;
  } else {
    return std::nullopt;
  }
  const Mountable* spec = c.mountable(plan.device.catalog_id);
  const int units = spec ? spec->rack_units : 1;
  plan.device.face = slot->face;
  plan.device.u = units == 0 ? 0 : slot->u - grab_offset;
  plan.outline = units == 0 ? scene_->side_band(plan.rack_id, slot->face)
                            : scene_->slot_rect(plan.rack_id, slot->face, plan.device.u,
                                                plan.device.u + units - 1);
  plan.refusal = check_mount(*rack, plan.device, c);
  return plan;
}

void RackElevationView::update_outline(const std::optional<DropPlan>& plan) {
  const QRectF before = outline_;
  outline_ = plan ? plan->outline : QRectF();
  outline_ok_ = plan && !plan->refusal;
  if (plan && plan->refusal)
    show_message(qstr(*plan->refusal), false);
  else if (overlay_->isVisible() && !overlay_timer_.isActive())
    hide_message();
  if (before != outline_) viewport()->update();
}

void RackElevationView::dragEnterEvent(QDragEnterEvent* event) {
  const QMimeData* mime = event->mimeData();
  if (!document_ || !(catalog_id_from_mime(mime) || device_drag_from_mime(mime))) return event->ignore();
  event->acceptProposedAction();
  update_outline(plan_drop(event->position(), mime));
}

void RackElevationView::dragMoveEvent(QDragMoveEvent* event) {
  const auto plan = plan_drop(event->position(), event->mimeData());
  update_outline(plan);
  // Accepted over any slot, refused ones included: the drop then says why it is refused.
  if (plan)
    event->acceptProposedAction();
  else
    event->ignore();
}

void RackElevationView::dragLeaveEvent(QDragLeaveEvent* event) {
  update_outline(std::nullopt);
  event->accept();
}

void RackElevationView::dropEvent(QDropEvent* event) {
  auto plan = plan_drop(event->position(), event->mimeData());
  update_outline(std::nullopt);
  if (!plan) return event->ignore();
  const QString rack_name = plan->rack_id;
  QString reason;
  bool done = false;
  if (plan->is_move) {
    const auto at = locate_device(document_->design(), plan->device.id);
    if (!at) return event->ignore();
    const Rack& from = *at->first;
    const Device& now = *at->second;
    const bool same_place = qstr(from.id) == plan->rack_id && now.u == plan->device.u && now.face == plan->device.face;
    if (same_place) return event->ignore();
    done = document_->apply(move_device(plan->device.id, plan->rack_id.toStdString(), plan->device.u,
                                        plan->device.face),
                            &reason);
  } else {
    plan->device.id = unique_id(document_->design(), plan->device.catalog_id);
    done = document_->apply(mount_device(plan->rack_id.toStdString(), plan->device), &reason);
  }
  if (!done) {
    show_message(reason, true);
    emit message(reason);
    event->setDropAction(Qt::IgnoreAction);
    event->accept();
    return;
  }
  const QString id = qstr(plan->device.id);
  const QString where = plan->device.u == 0 ? tr("at the side") : tr("at U%1").arg(plan->device.u);
  emit message(plan->is_move ? tr("Moved %1 to %2 %3").arg(id, rack_name, where)
                             : tr("Mounted %1 in %2 %3").arg(id, rack_name, where));
  document_->set_selection({id});
  event->setDropAction(plan->is_move ? Qt::MoveAction : Qt::CopyAction);
  event->accept();
}

void RackElevationView::drawForeground(QPainter* painter, const QRectF&) {
  if (outline_.isNull()) return;
  const QColor accent = outline_ok_ ? palette().color(QPalette::Highlight) : QColor(0x55, 0x55, 0x55);
  QColor fill = accent;
  fill.setAlpha(outline_ok_ ? 70 : 35);
  painter->setBrush(fill);
  QPen pen(accent, 2, outline_ok_ ? Qt::SolidLine : Qt::DashLine);
  pen.setCosmetic(true);  // two screen pixels at any zoom
  painter->setPen(pen);
  painter->drawRect(outline_);
}

// --- Messages ----------------------------------------------------------------------------------

void RackElevationView::show_message(const QString& text, bool linger) {
  overlay_->setText(text);
  overlay_->adjustSize();
  overlay_->move(8, 8);
  overlay_->show();
  overlay_->raise();
  if (linger)
    overlay_timer_.start(kMessageMs);
  else
    overlay_timer_.stop();
}

void RackElevationView::hide_message() {
  overlay_timer_.stop();
  overlay_->hide();
}

QString RackElevationView::overlay_message() const { return overlay_->isVisible() ? overlay_->text() : QString(); }

// --- Selection and moving devices --------------------------------------------------------------

void RackElevationView::mousePressEvent(QMouseEvent* event) {
  pressed_id_.clear();
  if (event->button() != Qt::LeftButton || !scene_ || !document_) return QGraphicsView::mousePressEvent(event);
  const QPointF pos = mapToScene(event->position().toPoint());
  const QString id = scene_->object_at(pos);
  if (const Device* device = id.isEmpty() ? nullptr : find_device(document_->design(), id.toStdString())) {
    pressed_id_ = id;
    press_pos_ = event->position().toPoint();
    const auto slot = scene_->slot_at(pos);
    const Device& dev = *device;
    press_offset_u_ = slot && dev.u > 0 ? std::max(0, slot->u - dev.u) : 0;
  }
  event->accept();
}

void RackElevationView::mouseMoveEvent(QMouseEvent* event) {
  if (pressed_id_.isEmpty() || !(event->buttons() & Qt::LeftButton) ||
      (event->position().toPoint() - press_pos_).manhattanLength() < QApplication::startDragDistance())
    return QGraphicsView::mouseMoveEvent(event);
  auto* drag = new QDrag(this);
  drag->setMimeData(make_device_mime({pressed_id_, press_offset_u_}));
  pressed_id_.clear();
  drag->exec(Qt::MoveAction);
  update_outline(std::nullopt);
}

void RackElevationView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !scene_ || !document_) return QGraphicsView::mouseReleaseEvent(event);
  pressed_id_.clear();
  const QString id = scene_->object_at(mapToScene(event->position().toPoint()));
  QStringList selection;
  if (event->modifiers() & Qt::ControlModifier) {
    selection = document_->selection();
    if (!id.isEmpty() && !selection.removeAll(id)) selection << id;
  } else if (!id.isEmpty()) {
    selection = {id};
  }
  document_->set_selection(selection);
  event->accept();
}

}  // namespace cf::ui
