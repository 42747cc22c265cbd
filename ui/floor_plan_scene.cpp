#include "floor_plan_scene.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QGraphicsSceneHelpEvent>
#include <QToolTip>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QSet>
#include <algorithm>
#include <cmath>

#include "analysis/design_report.h"
#include "role_palette.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

// Labels are painted only when they come out at least this many pixels tall.
constexpr double kMinLabelPx = 7.0;
// ... and at most this many, however far one zooms in.
constexpr double kMaxLabelPx = 18.0;
constexpr double kMaxRowLabelPx = 36.0;
constexpr double kRackLabelMm = 110;  // rack name and figure lines
constexpr double kRowLabelMm = 450;   // row names read from further away
// Outlines below this many pixels of rack width are left out (a filled rectangle is cheaper).
constexpr double kMinOutlinePx = 5.0;

const QColor kOutline(0x55, 0x55, 0x55);
const QColor kRowFill(0xF0, 0xF0, 0xF0);
const QColor kStaleGrey(0xDD, 0xDD, 0xDD);

double lod_of(const QStyleOptionGraphicsItem* option, const QPainter* painter) {
  return option->levelOfDetailFromTransform(painter->worldTransform());
}

QColor mix(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                          a.blueF() + (b.blueF() - a.blueF()) * t);
}

// Draws `text` in `rect` with letters `size` scene units tall: a 20 px font under a scale, since
// pixel sizes are whole numbers (too coarse at a few pixels per millimetre) and point sizes
// depend on the device's resolution.
void draw_label(QPainter* painter, const QRectF& rect, int flags, const QString& text, double size) {
  constexpr int kFontPx = 20;
  const double k = size / kFontPx;
  painter->save();
  QFont f = QApplication::font();
  f.setPixelSize(kFontPx);
  painter->setFont(f);
  painter->translate(rect.topLeft());
  painter->scale(k, k);
  painter->drawText(QRectF(0, 0, rect.width() / k, rect.height() / k), flags, text);
  painter->restore();
}

// A text colour legible on `fill`.
QColor ink_on(const QColor& fill) { return fill.lightnessF() < 0.5 ? Qt::white : Qt::black; }

QString percent(const std::optional<double>& share) {
  if (!share) return QString::fromUtf16(kUnknownFigure);
  if (std::isinf(*share)) return QObject::tr("no cooling reaches it");
  return QStringLiteral("%1 %").arg(*share * 100, 0, 'f', 0);
}

QString rack_tooltip(const FloorRack& r) {
  QString t = QObject::tr("<b>%1</b> — row %2, position %3").arg(QString::fromStdString(r.name.empty() ? r.id : r.name),
                                                                QString::fromStdString(r.row_id))
                  .arg(r.position);
  t += QObject::tr("<br>IT power: %1 kW at the configured load, %2 kW nameplate maximum (power analysis, catalog figures)")
           .arg(format_kw(r.it_w), format_kw(r.it_max_w));
  if (r.density_w_per_m2)
    t += QObject::tr("<br>Density: %1 kW/m² of rack footprint").arg(format_kw(r.density_w_per_m2));
  t += r.power_limit_w ? QObject::tr("<br>Power limit: %1 kW (the rack's budget)").arg(format_kw(r.power_limit_w))
                       : QObject::tr("<br>No power limit: coloured against %1 kW, the air-cooled rack budget (methods)")
                             .arg(format_kw(r.power_scale_limit_w));
  t += QObject::tr("<br>Heat: %1 kW against %2 kW of cooling reaching it: %3 (cooling analysis)")
           .arg(format_kw(r.heat_w), format_kw(r.cooling_capacity_w), percent(r.heat_vs_cooling));
  return t;
}

QString cooling_tooltip(const FloorCoolingUnit& unit) {
  QString t = QObject::tr("<b>%1</b> — %2 (%3, %4)")
                  .arg(QString::fromStdString(unit.name.empty() ? unit.id : unit.name),
                       QString::fromStdString(unit.catalog_id), QString::fromStdString(unit.type),
                       QString::fromStdString(unit.placement));
  t += QObject::tr("<br>Capacity: %1 kW (catalog)").arg(format_kw(unit.capacity_w));
  if (unit.nominal_size) t += QObject::tr("<br>The catalog gives no footprint: drawn at a nominal size");
  return t;
}

QString row_tooltip(const FloorRow& row, double pitch_m) {
  return QObject::tr("Row %1 (%2): %3 slots of %4 m")
      .arg(QString::fromStdString(row.name.empty() ? row.id : row.name), QString::fromStdString(row.id))
      .arg(row.slot_count)
      .arg(pitch_m);
}

class RowItem : public QGraphicsItem {
 public:
  RowItem(const FloorRow& row, int index, double pitch_mm)
      : area_(FloorPlanScene::to_scene(row.area)), name_(QString::fromStdString(row.name.empty() ? row.id : row.name)),
        slot_count_(row.slot_count), pitch_mm_(pitch_mm) {
    setZValue(0);
    setData(1, index);
  }
  int type() const override { return FloorPlanScene::kRowType; }
  QRectF boundingRect() const override {
    // The name stands left of the row origin.
    return area_.adjusted(-kRowLabelMm * 4, 0, 0, 0);
  }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = lod_of(option, painter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kRowFill);
    painter->drawRect(area_);
    if (pitch_mm_ * lod >= 8) {  // slot boundaries once a slot is a few pixels wide
      painter->setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 0));
      for (int i = 1; i < slot_count_; ++i) {
        const double x = area_.left() + i * pitch_mm_;
        painter->drawLine(QPointF(x, area_.top()), QPointF(x, area_.bottom()));
      }
    }
    if (kRowLabelMm * lod >= kMinLabelPx) {
      painter->setPen(QColor(0x33, 0x33, 0x33));
      const QRectF label(area_.left() - kRowLabelMm * 4, area_.top(), kRowLabelMm * 3.8, area_.height());
      draw_label(painter, label, Qt::AlignRight | Qt::AlignVCenter, name_, std::min(kRowLabelMm, kMaxRowLabelPx / lod));
    }
  }

 private:
  QRectF area_;
  QString name_;
  int slot_count_;
  double pitch_mm_;
};

class RackItem : public QGraphicsItem {
 public:
  RackItem(const FloorPlanScene& scene, int index) : scene_(scene), index_(index) {
    const FloorRack& r = scene.rack(index);
    const QRectF rect = FloorPlanScene::to_scene(*r.footprint);
    setPos(rect.topLeft());
    size_ = rect.size();
    name_ = QString::fromStdString(r.name.empty() ? r.id : r.name);
    setFlag(ItemIsSelectable);
    setZValue(2);
    setData(0, QString::fromStdString(r.id));
    setData(1, index);  // design order
  }
  int type() const override { return FloorPlanScene::kRackType; }
  QRectF boundingRect() const override { return QRectF(QPointF(0, 0), size_); }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = lod_of(option, painter);
    const QRectF rect = boundingRect();
    const QColor fill = scene_.fill_of_rack(index_);
    painter->setPen(size_.width() * lod >= kMinOutlinePx ? QPen(kOutline, 0) : QPen(Qt::NoPen));
    painter->setBrush(fill);
    painter->drawRect(rect);
    if (isSelected()) {
      // Inside the rectangle, so the item's bounds need no margin for it.
      // A band in the highlight colour with a white line inside it reads on any fill.
      const double px = 1.0 / lod;
      const double width = std::min(4 * px, size_.width() / 3);
      painter->setBrush(Qt::NoBrush);
      painter->setPen(QPen(QApplication::palette().color(QPalette::Highlight), width, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
      painter->drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2));
      if (size_.width() * lod >= 12) {
        painter->setPen(QPen(Qt::white, 0));
        painter->drawRect(rect.adjusted(width, width, -width, -width));
      }
    }
    if (kRackLabelMm * lod < kMinLabelPx) return;
    const FloorRack& r = scene_.rack(index_);
    painter->setPen(scene_.stale() ? QColor(0x77, 0x77, 0x77) : ink_on(fill));
    const QRectF text = rect.adjusted(size_.width() * 0.05, size_.height() * 0.08, -size_.width() * 0.05, 0);
    const QString figure = scene_.mode() == FloorColorMode::PowerDensity
                               ? format_kw(r.it_max_w) + QStringLiteral(" kW")
                               : percent(r.heat_vs_cooling);
    draw_label(painter, text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, name_ + QLatin1Char('\n') + figure,
               std::min(kRackLabelMm, kMaxLabelPx / lod));
  }

 private:
  const FloorPlanScene& scene_;
  int index_;
  QSizeF size_;
  QString name_;
};

class CoolingItem : public QGraphicsItem {
 public:
  CoolingItem(const FloorCoolingUnit& unit, int index)
      : rect_(FloorPlanScene::to_scene(*unit.footprint)), nominal_(unit.nominal_size),
        label_(QString::fromStdString(unit.name.empty() ? unit.id : unit.name)) {
    setZValue(1);
    setData(1, index);
  }
  int type() const override { return FloorPlanScene::kCoolingType; }
  QRectF boundingRect() const override { return rect_; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = lod_of(option, painter);
    // Hatched in the cooling role colour, so a unit never reads as a rack on the load ramp.
    const QColor color = role_color(Role::Cooling);
    QPen pen(color.darker(150), 0, nominal_ ? Qt::DashLine : Qt::SolidLine);
    painter->setPen(rect_.width() * lod >= kMinOutlinePx ? pen : QPen(Qt::NoPen));
    painter->setBrush(Qt::white);
    painter->drawRect(rect_);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QBrush(color.darker(120), Qt::BDiagPattern));
    painter->drawRect(rect_);
    const double label_mm = std::min(kRackLabelMm, rect_.height() * 0.8);
    if (label_mm * lod >= kMinLabelPx) {
      painter->setPen(QColor(0x22, 0x22, 0x22));
      draw_label(painter, rect_, Qt::AlignCenter, label_, std::min(label_mm, kMaxLabelPx / lod));
    }
  }

 private:
  QRectF rect_;
  bool nominal_;
  QString label_;
};

// Holds the row, rack and cooling items: hiding it hides them all at once.
class DetailLayer : public QGraphicsItem {
 public:
  DetailLayer() { setFlag(ItemHasNoContents); }
  QRectF boundingRect() const override { return {}; }
  void paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*) override {}
};

// The whole floor in one item, for when racks are a few pixels wide: every row, cooling unit and
// rack filled as its own item would fill it at that size (no outline, no label: they are left
// out below kOverviewBelowPx either way), the selected racks marked. Cached in device pixels: a
// repaint or a pan draws the pixmap.
class OverviewItem : public QGraphicsItem {
 public:
  explicit OverviewItem(const FloorPlanScene& scene) : scene_(scene) {
    setCacheMode(DeviceCoordinateCache);
    setZValue(0);
  }
  int type() const override { return FloorPlanScene::kOverviewType; }
  QRectF boundingRect() const override {
    return FloorPlanScene::to_scene(scene_.layout().bounds).adjusted(-kMarkMm, -kMarkMm, kMarkMm, kMarkMm);
  }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const FloorLayout& l = scene_.layout();
    const double px = 1.0 / lod_of(option, painter);
    for (const FloorRow& row : l.rows) painter->fillRect(FloorPlanScene::to_scene(row.area), kRowFill);
    const QBrush hatch(role_color(Role::Cooling).darker(120), Qt::BDiagPattern);
    for (const FloorCoolingUnit& unit : l.cooling_units) {
      if (!unit.footprint) continue;
      const QRectF r = FloorPlanScene::to_scene(*unit.footprint);
      painter->fillRect(r, Qt::white);
      painter->fillRect(r, hatch);
    }
    for (std::size_t i = 0; i < l.racks.size(); ++i)
      if (l.racks[i].footprint)
        painter->fillRect(FloorPlanScene::to_scene(*l.racks[i].footprint), scene_.fill_of_rack(static_cast<int>(i)));
    // The selection: a band in the highlight colour around each selected rack, two pixels wide
    // so that it shows even on a rack one pixel wide.
    QPen mark(QApplication::palette().color(QPalette::Highlight), 2 * px);
    mark.setJoinStyle(Qt::MiterJoin);
    painter->setPen(mark);
    painter->setBrush(Qt::NoBrush);
    for (std::size_t i = 0; i < l.racks.size(); ++i)
      if (l.racks[i].footprint && scene_.rack_selected(static_cast<int>(i)))
        painter->drawRect(FloorPlanScene::to_scene(*l.racks[i].footprint).adjusted(-px, -px, px, px));
  }

 private:
  static constexpr double kMarkMm = 2000;  // room for the selection band when zoomed far out
  const FloorPlanScene& scene_;
};

}  // namespace

FloorPlanScene::FloorPlanScene(QObject* parent) : QGraphicsScene(parent) {}

QRectF FloorPlanScene::to_scene(const FloorRect& r) {
  return QRectF(r.x_m * kMmPerMetre, r.y_m * kMmPerMetre, r.width_m * kMmPerMetre, r.depth_m * kMmPerMetre);
}

void FloorPlanScene::show_design(const Design& design, const Catalog& catalog, const DesignReport& report, bool stale) {
  set_layout(floor_layout(design, catalog, report.power, report.cooling), stale);
}

void FloorPlanScene::set_layout(FloorLayout layout, bool stale) {
  const QStringList selected = selected_racks();
  clear();
  rack_items_.clear();
  layout_ = std::move(layout);
  selected_.assign(layout_.racks.size(), 0);
  stale_ = stale;
  recolor();
  detail_layer_ = new DetailLayer;
  addItem(detail_layer_);
  overview_item_ = new OverviewItem(*this);
  addItem(overview_item_);
  detail_layer_->setVisible(!overview_);
  overview_item_->setVisible(overview_);
  const double pitch_mm = layout_.rack_pitch_m * kMmPerMetre;
  for (int i = 0; i < static_cast<int>(layout_.rows.size()); ++i)
    (new RowItem(layout_.rows[static_cast<std::size_t>(i)], i, pitch_mm))->setParentItem(detail_layer_);
  for (int i = 0; i < static_cast<int>(layout_.cooling_units.size()); ++i)
    if (const auto& unit = layout_.cooling_units[static_cast<std::size_t>(i)]; unit.footprint)
      (new CoolingItem(unit, i))->setParentItem(detail_layer_);
  for (int i = 0; i < static_cast<int>(layout_.racks.size()); ++i) {
    if (!layout_.racks[static_cast<std::size_t>(i)].footprint) continue;  // unknown rack size: not drawn
    auto* item = new RackItem(*this, i);
    item->setParentItem(detail_layer_);
    rack_items_.insert(item->data(0).toString(), item);
  }
  select_racks(selected);
  // Room around the drawing to pan into and to drop racks near the edges.
  const QRectF bounds = to_scene(layout_.bounds);
  const double margin = std::max(2000.0, 0.05 * std::max(bounds.width(), bounds.height()));
  setSceneRect(bounds.adjusted(-margin - kRowLabelMm * 4, -margin, margin, margin));
}

void FloorPlanScene::set_mode(FloorColorMode mode) {
  if (mode == mode_) return;
  mode_ = mode;
  recolor();
  if (overview_item_) overview_item_->update();  // its cache
  update();
}

void FloorPlanScene::set_stale(bool stale) {
  if (stale == stale_) return;
  stale_ = stale;
  recolor();
  if (overview_item_) overview_item_->update();
  update();
}

bool FloorPlanScene::overview_at(double pixels_per_mm) const {
  return layout_.rack_pitch_m * kMmPerMetre * pixels_per_mm < kOverviewBelowPx;
}

void FloorPlanScene::set_overview(bool on) {
  if (on == overview_) return;
  const QStringList selected = selected_racks();  // hidden items lose their selection
  overview_ = on;
  if (detail_layer_) detail_layer_->setVisible(!on);
  if (overview_item_) overview_item_->setVisible(on);
  select_racks(selected);
}

void FloorPlanScene::recolor() {
  colors_.resize(layout_.racks.size());
  fills_.resize(layout_.racks.size());
  const LoadScale share(0, 1, QString(), QString());
  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const FloorRack& r = layout_.racks[i];
    if (mode_ == FloorColorMode::PowerDensity) {
      colors_[i] = LoadScale(0, r.power_scale_limit_w, QString(), QString()).color(r.it_max_w);
    } else {
      colors_[i] = share.color(r.heat_vs_cooling);
    }
    fills_[i] = stale_ ? mix(colors_[i], kStaleGrey, 0.65) : colors_[i];
  }
}

void FloorPlanScene::select_racks(const QStringList& rack_ids) {
  QSet<QString> wanted(rack_ids.begin(), rack_ids.end());
  for (std::size_t i = 0; i < layout_.racks.size(); ++i)
    selected_[i] = wanted.contains(QString::fromStdString(layout_.racks[i].id)) ? 1 : 0;
  if (!overview_)
    for (auto it = rack_items_.cbegin(); it != rack_items_.cend(); ++it) it.value()->setSelected(wanted.contains(it.key()));
  if (overview_item_) overview_item_->update();
}

QStringList FloorPlanScene::selected_racks() const {
  QStringList ids;
  // In design order, so the selection does not depend on the scene's index. The items' own
  // selection (a rubber band) while they are shown, the scene's while the overview is.
  for (std::size_t i = 0; i < layout_.racks.size(); ++i) {
    const QString id = QString::fromStdString(layout_.racks[i].id);
    const QGraphicsItem* item = overview_ ? nullptr : rack_items_.value(id);
    if (item ? item->isSelected() : selected_[i] != 0) ids << id;
  }
  return ids;
}

QStringList FloorPlanScene::racks_in(const QRectF& scene_rect) const {
  QStringList ids;
  for (const FloorRack& r : layout_.racks)
    if (r.footprint && to_scene(*r.footprint).intersects(scene_rect)) ids << QString::fromStdString(r.id);
  return ids;
}

int FloorPlanScene::rack_index_at(const QPointF& p) const {
  for (std::size_t i = 0; i < layout_.racks.size(); ++i)
    if (layout_.racks[i].footprint && to_scene(*layout_.racks[i].footprint).contains(p)) return static_cast<int>(i);
  return -1;
}

int FloorPlanScene::cooling_index_at(const QPointF& p) const {
  for (std::size_t i = 0; i < layout_.cooling_units.size(); ++i)
    if (layout_.cooling_units[i].footprint && to_scene(*layout_.cooling_units[i].footprint).contains(p))
      return static_cast<int>(i);
  return -1;
}

int FloorPlanScene::row_index_at(const QPointF& p) const {
  for (std::size_t i = 0; i < layout_.rows.size(); ++i)
    if (to_scene(layout_.rows[i].area).contains(p)) return static_cast<int>(i);
  return -1;
}

QGraphicsItem* FloorPlanScene::rack_item(const QString& rack_id) const { return rack_items_.value(rack_id); }

QString FloorPlanScene::rack_id_of(const QGraphicsItem* item) {
  return item && item->type() == kRackType ? item->data(0).toString() : QString();
}

QString FloorPlanScene::rack_at(const QPointF& scene_pos) const {
  const int i = rack_index_at(scene_pos);
  return i < 0 ? QString() : QString::fromStdString(layout_.racks[static_cast<std::size_t>(i)].id);
}

QColor FloorPlanScene::rack_color(const QString& rack_id) const {
  const QGraphicsItem* item = rack_items_.value(rack_id);
  return item ? colors_[item->data(1).toUInt()] : QColor();
}

QRectF FloorPlanScene::rack_rect(const QString& rack_id) const {
  const QGraphicsItem* item = rack_items_.value(rack_id);
  return item ? to_scene(*rack(item->data(1).toInt()).footprint) : QRectF();
}

void FloorPlanScene::helpEvent(QGraphicsSceneHelpEvent* event) {
  // Tooltips are written when asked for: thousands of items need no text up front.
  // From the layout, in drawing order (racks over cooling units over rows): the same whether the
  // items or the overview are shown.
  QString text;
  const QPointF at = event->scenePos();
  if (const int r = rack_index_at(at); r >= 0)
    text = rack_tooltip(layout_.racks[static_cast<std::size_t>(r)]);
  else if (const int c = cooling_index_at(at); c >= 0)
    text = cooling_tooltip(layout_.cooling_units[static_cast<std::size_t>(c)]);
  else if (const int w = row_index_at(at); w >= 0)
    text = row_tooltip(layout_.rows[static_cast<std::size_t>(w)], layout_.rack_pitch_m);
  if (!text.isEmpty() && stale_)
    text += tr("<br><i>The analysis is running: figures are those of the last one, if any.</i>");
  if (text.isEmpty()) QToolTip::hideText();
  else QToolTip::showText(event->screenPos(), text, event->widget());
  event->setAccepted(!text.isEmpty());
}

LoadScale FloorPlanScene::legend_scale() const {
  if (mode_ == FloorColorMode::HeatVsCooling)
    return LoadScale(0, 100, tr("Heat against cooling reaching the rack"), QStringLiteral("%"));
  return LoadScale(0, layout_.default_power_limit_w / 1000.0, tr("Rack power, nameplate maximum"), QStringLiteral("kW"));
}

QString FloorPlanScene::legend_note() const {
  const QString note = mode_ == FloorColorMode::PowerDensity
                           ? tr("Limit: the rack's power limit, else %1 kW (air-cooled)").arg(format_kw(layout_.default_power_limit_w))
                           : tr("Limit: the cooling that reaches the rack");
  return stale_ ? tr("%1 — updating…").arg(note) : note;
}

void FloorPlanScene::paint_legend(QPainter& painter, const QRectF& area) const {
  const QFontMetricsF fm(painter.font());
  const QRectF ramp_area(area.left(), area.top(), std::min(area.width(), 260.0), area.height() - fm.height());
  legend_scale().paint_legend(painter, ramp_area);
  painter.save();
  painter.setPen(stale_ ? QColor(0x77, 0x77, 0x77) : QColor(Qt::black));
  painter.drawText(QPointF(area.left(), area.bottom() - fm.descent()), legend_note());
  painter.restore();
}

}  // namespace cf::ui
