#include "rack_elevation_scene.h"

#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <algorithm>
#include <cmath>

#include "rack_elevation_items.h"
#include "role_palette.h"
#include "screen_cache.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }

QString display_name(const std::string& name, const std::string& id) { return qstr(name.empty() ? id : name); }

// Catalog models often start with the vendor already ("NVIDIA MGX rack").
QString type_name(const CatalogItem& item) {
  const bool named = item.model.rfind(item.vendor, 0) == 0;
  return qstr(named ? item.model : item.vendor + " " + item.model);
}

QString face_name(Face face) { return face == Face::Front ? QObject::tr("front") : QObject::tr("rear"); }

QString kw(const std::optional<double>& watts) {
  return watts ? QObject::tr("%1 kW").arg(format_kw(*watts)) : QString::fromUtf16(kUnknownFigure);
}

QString line(const QString& text) { return "<br>" + text.toHtmlEscaped(); }

const RackPowerReport* rack_power(const PowerReport* power, const std::string& rack_id) {
  if (!power) return nullptr;
  for (const auto& r : power->racks)
    if (r.id == rack_id) return &r;
  return nullptr;
}

}  // namespace

RackElevationScene::RackElevationScene(const Catalog& catalog, QObject* parent)
    : QGraphicsScene(parent), catalog_(catalog) {
  setItemIndexMethod(QGraphicsScene::BspTreeIndex);
}

void RackElevationScene::set_racks(const Design& design, const QStringList& rack_ids,
                                   const PowerReport* power, bool stale) {
  clear();
  racks_.clear();
  faces_.clear();
  device_items_.clear();
  double x = 0;
  for (const QString& id : rack_ids) {
    const std::string wanted = id.toStdString();
    for (const Rack& rack : design.racks) {
      if (rack.id != wanted) continue;
      add_rack(rack, x, power, stale);
      racks_ << id;
      x += 2 * (kRulerWidth + kFaceWidth + kSideBand) + kFaceGap + kRackGap;
      break;
    }
  }
  setSceneRect(itemsBoundingRect().adjusted(-8, -8, 8, 8));
  set_screen_cache(screen_cache_);
}

void RackElevationScene::set_screen_cache(bool on) {
  screen_cache_ = on;
  if (on) reserve_screen_cache();
  for (QGraphicsItem* item : items())
    if (dynamic_cast<DeviceItem*>(item) || dynamic_cast<RackFaceItem*>(item))
      item->setCacheMode(on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void RackElevationScene::add_rack(const Rack& rack, double x, const PowerReport* power, bool stale) {
  const RackSpec* spec = catalog_.rack(rack.catalog_id);
  // A rack the catalog does not know still shows its devices, in the tallest frame they need.
  int units = spec ? spec->rack_units : 0;
  if (!spec)
    for (const Device& d : rack.devices)
      if (const Mountable* m = catalog_.mountable(d.catalog_id)) units = std::max(units, d.u + m->rack_units - 1);
  units = std::max(units, 1);

  const QString rack_tip = rack_tooltip(rack, power, stale);
  const QString rack_id = qstr(rack.id);
  auto* title = addSimpleText(display_name(rack.name, rack.id));
  QFont title_font;
  title_font.setPixelSize(16);
  title_font.setBold(true);
  title->setFont(title_font);
  title->setPos(x + kRulerWidth, 4);
  title->setToolTip(rack_tip);
  title->setData(kObjectIdKey, rack_id);

  QFont caption_font;
  caption_font.setPixelSize(11);
  const double face_stride = kRulerWidth + kFaceWidth + kSideBand + kFaceGap;
  for (Face f : {Face::Front, Face::Rear}) {
    const double left = x + kRulerWidth + (f == Face::Rear ? face_stride : 0);
    const QRectF frame(left, kHeaderHeight, kFaceWidth, units * kUnitHeight);
    auto* caption = addSimpleText(f == Face::Front ? tr("Front") : tr("Rear"));
    caption->setFont(caption_font);
    caption->setBrush(QColor(0x55, 0x55, 0x55));
    caption->setPos(left, kHeaderHeight - 18);
    auto* item = new RackFaceItem(frame, units, kRulerWidth);
    item->setToolTip(rack_tip);
    item->setData(kObjectIdKey, rack_id);
    addItem(item);
    faces_.push_back({rack_id, f, frame, units, item});
    add_devices(rack, faces_.back(), power, stale);
  }
}

void RackElevationScene::add_devices(const Rack& rack, const FaceGeometry& geometry,
                                     const PowerReport* power, bool stale) {
  // Zero-U devices of this face share its side band as strips.
  int zero_u = 0, zero_u_index = 0;
  for (const Device& d : rack.devices)
    if (const Mountable* m = catalog_.mountable(d.catalog_id); m && m->rack_units == 0 && d.face == geometry.face)
      ++zero_u;
  const QRectF band = side_band(geometry.rack_id, geometry.face);
  for (const Device& d : rack.devices) {
    const Mountable* spec = catalog_.mountable(d.catalog_id);
    QRectF rect;
    DeviceItem::Look look = DeviceItem::Look::Mounted;
    if (!spec) {
      // Unknown to the catalog (validation reports it): a 1U grey box where the file puts it.
      if (d.face != geometry.face || d.u < 1) continue;
      rect = slot_rect(geometry.rack_id, geometry.face, d.u, d.u);
    } else if (spec->rack_units == 0) {
      if (d.face != geometry.face) continue;
      const double width = (band.width() - 4) / zero_u;
      rect = QRectF(band.left() + 2 + zero_u_index++ * width, band.top(), width - 1, band.height());
      look = DeviceItem::Look::Vertical;
    } else {
      const bool here = d.face == geometry.face;
      if (!here && !spec->full_depth) continue;
      rect = slot_rect(geometry.rack_id, geometry.face, d.u, d.u + spec->rack_units - 1);
      if (!here) look = DeviceItem::Look::FarSide;
    }
    const QString type = spec ? type_name(*spec) : tr("%1 (not in the catalog)").arg(qstr(d.catalog_id));
    auto* item = new DeviceItem(rect, role_color(role_of(catalog_, d.catalog_id)),
                                display_name(d.name, d.id), type, look);
    const QString id = qstr(d.id);
    item->setData(kObjectIdKey, id);
    item->setToolTip(device_tooltip(rack, d, power, stale));
    item->setZValue(look == DeviceItem::Look::FarSide ? 1 : 2);
    addItem(item);
    device_items_[id][index(geometry.face)] = item;
  }
}

QString RackElevationScene::device_tooltip(const Rack& rack, const Device& d, const PowerReport* power,
                                           bool stale) const {
  const Mountable* spec = catalog_.mountable(d.catalog_id);
  QString tip = QStringLiteral("<b>%1</b>").arg(display_name(d.name, d.id).toHtmlEscaped());
  if (!d.name.empty()) tip += line(tr("Id: %1").arg(qstr(d.id)));
  if (!spec) return tip + line(tr("Catalog id \"%1\" is not in the catalog").arg(qstr(d.catalog_id)));
  tip += line(type_name(*spec) + " (" + qstr(d.catalog_id) + ")");
  const QString rack_name = display_name(rack.name, rack.id);
  if (spec->rack_units == 0)
    tip += line(tr("Rack %1, zero-U, side-mounted at the %2").arg(rack_name, face_name(d.face)));
  else
    tip += line(tr("Rack %1, U%2\u2013U%3 (%4 U), %5%6")
                    .arg(rack_name)
                    .arg(d.u)
                    .arg(d.u + spec->rack_units - 1)
                    .arg(spec->rack_units)
                    .arg(face_name(d.face))
                    .arg(spec->full_depth ? tr(", full depth") : QString()));
  if (const ServerSpec* server = catalog_.server(d.catalog_id); server && server->gpus > 0) {
    const GpuSpec* gpu = catalog_.gpu(server->gpu_id);
    tip += line(tr("GPUs: %1 \u00d7 %2").arg(server->gpus).arg(gpu ? type_name(*gpu) : qstr(server->gpu_id)));
  }
  if (const PduSpec* pdu = catalog_.pdu(d.catalog_id))
    tip += line(tr("Input: %1 V, %2 A, %3-phase; feed %4")
                    .arg(pdu->voltage_v)
                    .arg(pdu->current_a)
                    .arg(pdu->phases)
                    .arg(d.feed_id.empty() ? QString::fromUtf16(kUnknownFigure) : qstr(d.feed_id)));
  tip += line(tr("Max power: %1 (catalog%2)")
                  .arg(kw(spec->max_power_w), spec->power_estimate ? tr(", planning estimate") : QString()));
  if (power) {
    const auto load = device_load_w(*spec, catalog_, power->gpu_utilization);
    tip += line(tr("At training load: %1 (power analysis, GPU utilization %2 %)%3")
                    .arg(kw(load))
                    .arg(power->gpu_utilization * 100, 0, 'f', 0)
                    .arg(stale ? tr(" \u2014 being recomputed") : QString()));
  }
  if (!spec->source.empty()) tip += line(tr("Source: %1").arg(qstr(spec->source)));
  return tip;
}

QString RackElevationScene::rack_tooltip(const Rack& rack, const PowerReport* power, bool stale) const {
  QString tip = QStringLiteral("<b>%1</b>").arg(tr("Rack %1").arg(display_name(rack.name, rack.id)).toHtmlEscaped());
  if (const RackSpec* spec = catalog_.rack(rack.catalog_id))
    tip += line(tr("%1, %2 U").arg(type_name(*spec)).arg(spec->rack_units));
  else
    tip += line(tr("Catalog id \"%1\" is not in the catalog").arg(qstr(rack.catalog_id)));
  if (const RackPowerReport* p = rack_power(power, rack.id)) {
    const QString note = stale ? tr(" \u2014 being recomputed") : QString();
    tip += line(tr("IT power at training load: %1 (power analysis)%2").arg(kw(p->it_w), note));
    tip += line(tr("IT power, nameplate maximum: %1 (sum of catalog maxima)%2").arg(kw(p->it_max_w), note));
  }
  tip += line(tr("Power budget: %1").arg(kw(rack.power_limit_w)));
  return tip;
}

void RackElevationScene::set_selection(const QStringList& object_ids) {
  for (auto it = device_items_.cbegin(); it != device_items_.cend(); ++it)
    for (DeviceItem* item : it.value())
      if (item) item->set_highlighted(object_ids.contains(it.key()));
  for (const FaceGeometry& f : faces_) f.item->set_highlighted(object_ids.contains(f.rack_id));
}

const RackElevationScene::FaceGeometry* RackElevationScene::face(const QString& rack_id, Face f) const {
  for (const FaceGeometry& g : faces_)
    if (g.rack_id == rack_id && g.face == f) return &g;
  return nullptr;
}

std::optional<ElevationSlot> RackElevationScene::slot_at(const QPointF& pos) const {
  for (const FaceGeometry& g : faces_) {
    const QRectF area = g.frame.adjusted(-kRulerWidth, 0, kSideBand, 0);
    if (!area.contains(pos)) continue;
    const int from_top = static_cast<int>(std::floor((pos.y() - g.frame.top()) / kUnitHeight));
    return ElevationSlot{g.rack_id, std::clamp(g.units - from_top, 1, g.units), g.face};
  }
  return std::nullopt;
}

QRectF RackElevationScene::slot_rect(const QString& rack_id, Face f, int first, int last) const {
  const FaceGeometry* g = face(rack_id, f);
  if (!g) return {};
  const double top = g->frame.bottom() - last * kUnitHeight;
  return QRectF(g->frame.left(), top, kFaceWidth, (last - first + 1) * kUnitHeight);
}

QRectF RackElevationScene::face_rect(const QString& rack_id, Face f) const {
  const FaceGeometry* g = face(rack_id, f);
  return g ? g->frame : QRectF();
}

QRectF RackElevationScene::side_band(const QString& rack_id, Face f) const {
  const FaceGeometry* g = face(rack_id, f);
  return g ? QRectF(g->frame.right(), g->frame.top(), kSideBand, g->frame.height()) : QRectF();
}

DeviceItem* RackElevationScene::device_item(const QString& device_id, Face f) const {
  auto it = device_items_.constFind(device_id);
  return it == device_items_.cend() ? nullptr : it.value()[index(f)];
}

QString RackElevationScene::object_at(const QPointF& pos) const {
  QString rack;
  for (QGraphicsItem* item : items(pos)) {  // topmost first
    const QString id = item->data(kObjectIdKey).toString();
    if (id.isEmpty()) continue;
    if (dynamic_cast<DeviceItem*>(item)) return id;
    if (rack.isEmpty()) rack = id;
  }
  return rack;
}

}  // namespace cf::ui
