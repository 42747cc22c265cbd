#include "design_thumbnail.h"

#include <QPainter>
#include <algorithm>
#include <array>
#include <unordered_map>

#include "role_palette.h"

namespace cf::ui {

namespace {

constexpr double kDefaultWidth_m = 0.6, kDefaultDepth_m = 1.2;

struct Footprint {
  QRectF rect;  // metres, x along the row, y across
  std::array<double, kRoleCount> share{};  // rack units by role
};

}  // namespace

QImage design_thumbnail(const Design& design, const Catalog& catalog, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  std::unordered_map<std::string, const Row*> rows;
  for (const auto& row : design.rows) rows.emplace(row.id, &row);
  const double pitch = design.site.rack_pitch_m;

  std::vector<Footprint> racks;
  racks.reserve(design.racks.size() + design.cooling_units.size());
  QRectF bounds;
  auto place = [&](const std::string& row_id, int position, double width, double depth) -> Footprint* {
    auto it = rows.find(row_id);
    if (it == rows.end()) return nullptr;
    Footprint f;
    f.rect = QRectF(it->second->x_m + position * pitch, it->second->y_m, width, depth);
    bounds = bounds.isNull() ? f.rect : bounds.united(f.rect);
    racks.push_back(f);
    return &racks.back();
  };
  for (const auto& rack : design.racks) {
    const RackSpec* spec = catalog.rack(rack.catalog_id);
    const double width = spec && spec->width_m > 0 ? spec->width_m : kDefaultWidth_m;
    const double depth = spec && spec->depth_m > 0 ? spec->depth_m : kDefaultDepth_m;
    Footprint* f = place(rack.row_id, rack.position, width, depth);
    if (!f) continue;
    for (const auto& dev : rack.devices) {
      const Mountable* m = catalog.mountable(dev.catalog_id);
      // Zero-U devices (PDUs) take no height: they would paint every rack yellow.
      const double units = m ? m->rack_units : 1;
      f->share[static_cast<std::size_t>(role_of(catalog, dev.catalog_id))] += units;
    }
  }
  for (const auto& unit : design.cooling_units)  // in-row units stand in row slots
    if (!unit.row_id.empty())
      if (Footprint* f = place(unit.row_id, unit.position, kDefaultWidth_m, kDefaultDepth_m))
        f->share[static_cast<std::size_t>(Role::Cooling)] = 1;
  if (racks.empty() || bounds.width() <= 0 || bounds.height() <= 0) return image;

  const double margin = 4;
  // At most kMaxScale px per metre: a one-rack lab stays a rack, not a blue wall.
  constexpr double kMaxScale = 30;
  const double scale = std::min({(size.width() - 2 * margin) / bounds.width(),
                                 (size.height() - 2 * margin) / bounds.height(), kMaxScale});
  const QPointF offset((size.width() - bounds.width() * scale) / 2 - bounds.left() * scale,
                       (size.height() - bounds.height() * scale) / 2 - bounds.top() * scale);
  QPainter p(&image);
  p.setRenderHint(QPainter::Antialiasing, false);
  const QColor outline(0x55, 0x55, 0x55);
  for (const auto& f : racks) {
    const QRectF r(f.rect.topLeft() * scale + offset, f.rect.size() * scale);
    double total = 0;
    for (double s : f.share) total += s;
    if (total <= 0) {
      p.fillRect(r, QColor(0xEE, 0xEE, 0xEE));
    } else {
      // Bands across the depth, one per role, as tall as the role's share of the rack's units.
      double y = r.top();
      for (int role = 0; role < kRoleCount; ++role) {
        if (f.share[role] <= 0) continue;
        const double h = r.height() * f.share[role] / total;
        p.fillRect(QRectF(r.left(), y, r.width(), h), role_color(static_cast<Role>(role)));
        y += h;
      }
    }
    if (r.width() >= 4) {
      p.setPen(outline);
      p.drawRect(r);
    }
  }
  return image;
}

}  // namespace cf::ui
