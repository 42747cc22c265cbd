#include "role_palette.h"

#include <QObject>
#include <QPainter>
#include <QPixmap>

namespace cf::ui {

Role role_of(const Catalog& catalog, std::string_view catalog_id) {
  if (const ServerSpec* server = catalog.server(catalog_id)) {
    if (server->role == "storage") return Role::Storage;
    if (server->role == "management") return Role::Management;
    return server->gpus > 0 ? Role::Compute : Role::Management;
  }
  if (catalog.network_switch(catalog_id)) return Role::Switch;
  if (catalog.storage(catalog_id)) return Role::Storage;
  if (catalog.pdu(catalog_id)) return Role::Power;
  if (catalog.cooling(catalog_id)) return Role::Cooling;
  return Role::Other;
}

QColor role_color(Role role) {
  // Okabe & Ito (2008), "Color Universal Design".
  switch (role) {
    case Role::Compute:
      return QColor(0x00, 0x72, 0xB2);  // blue
    case Role::Switch:
      return QColor(0xE6, 0x9F, 0x00);  // orange
    case Role::Storage:
      return QColor(0x00, 0x9E, 0x73);  // bluish green
    case Role::Management:
      return QColor(0xCC, 0x79, 0xA7);  // reddish purple
    case Role::Power:
      return QColor(0xF0, 0xE4, 0x42);  // yellow
    case Role::Cooling:
      return QColor(0x56, 0xB4, 0xE9);  // sky blue
    case Role::Other:
      break;
  }
  return QColor(0x99, 0x99, 0x99);
}

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
