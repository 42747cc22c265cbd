#pragma once
// The drag payloads of the GUI: a catalog entry (from the catalog palette) and a mounted device
// (dragged to another U). Each carries one id as UTF-8 under its own MIME type, plus the id as
// plain text so a drop into a text field pastes something sensible.

#include <QString>
#include <optional>

class QMimeData;

namespace cf::ui {

inline constexpr char kCatalogMimeType[] = "application/x-clusterforge-catalog-id";
inline constexpr char kDeviceMimeType[] = "application/x-clusterforge-device-id";

// A new QMimeData (the caller, usually a QDrag, owns it) carrying `catalog_id`.
QMimeData* make_catalog_mime(const QString& catalog_id);
// The catalog id carried by `mime`; nullopt when it carries none (or an empty one).
std::optional<QString> catalog_id_from_mime(const QMimeData* mime);

// A mounted device being moved; `grab_offset_u` is how many U above the device's lowest U it was
// grabbed, so that the grabbed U stays under the cursor.
struct DeviceDrag {
  QString device_id;
  int grab_offset_u = 0;
};
QMimeData* make_device_mime(const DeviceDrag& drag);
std::optional<DeviceDrag> device_drag_from_mime(const QMimeData* mime);

}  // namespace cf::ui
