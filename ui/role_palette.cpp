#include "role_palette.h"

#include <QObject>
#include <QPainter>
#include <QPixmap>

namespace cf::ui {

Role role_of(const Catalog& catalog, std::string_view catalog_id) {
  return device_role(catalog, catalog_id);
}

QColor to_qcolor(Rgb rgb) { return QColor(rgb.r, rgb.g, rgb.b); }

QColor role_color(Role role) { return to_qcolor(role_rgb(role)); }

QString role_name(Role role) {
  switch (role) {
    case Role::Compute:
      return QObject::tr("Compute");
    case Role::Switch:
      return QObject::tr("Switch");
    case Role::Storage:
      return QObject::tr("Storage");
    case Role::Management:
      return QObject::tr("Management");
    case Role::Power:
      return QObject::tr("Power");
    case Role::Cooling:
      return QObject::tr("Cooling");
    case Role::Other:
      break;
  }
  return QObject::tr("Unknown");
}

QIcon role_icon(Role role) {
  QPixmap pixmap(16, 16);
  pixmap.fill(Qt::transparent);
  {
    QPainter painter(&pixmap);
    painter.setPen(role_color(role).darker(160));
    painter.setBrush(role_color(role));
    painter.drawRect(2, 2, 11, 11);
  }
  return QIcon(pixmap);
}

}  // namespace cf::ui
