#include "catalog_mime.h"

#include <QMimeData>

namespace cf::ui {

namespace {
const QString catalog_type() { return QString::fromLatin1(kCatalogMimeType); }
const QString device_type() { return QString::fromLatin1(kDeviceMimeType); }
}  // namespace

QMimeData* make_catalog_mime(const QString& catalog_id) {
  auto* mime = new QMimeData;
  mime->setData(catalog_type(), catalog_id.toUtf8());
  mime->setText(catalog_id);
  return mime;
}

std::optional<QString> catalog_id_from_mime(const QMimeData* mime) {
  if (!mime || !mime->hasFormat(catalog_type())) return std::nullopt;
  QString id = QString::fromUtf8(mime->data(catalog_type()));
  if (id.isEmpty()) return std::nullopt;
  return id;
}

// Payload: "<grab offset>\n<device id>" (ids never contain a newline).
QMimeData* make_device_mime(const DeviceDrag& drag) {
  auto* mime = new QMimeData;
  mime->setData(device_type(), (QString::number(drag.grab_offset_u) + '\n' + drag.device_id).toUtf8());
  mime->setText(drag.device_id);
  return mime;
}

std::optional<DeviceDrag> device_drag_from_mime(const QMimeData* mime) {
  if (!mime || !mime->hasFormat(device_type())) return std::nullopt;
  const QString text = QString::fromUtf8(mime->data(device_type()));
  const qsizetype newline = text.indexOf('\n');
  if (newline < 0) return std::nullopt;
  bool ok = false;
  DeviceDrag drag{text.mid(newline + 1), text.left(newline).toInt(&ok)};
  if (!ok || drag.device_id.isEmpty()) return std::nullopt;
  return drag;
}

}  // namespace cf::ui
