#pragma once
// Rack elevations as a QGraphicsScene, usable without a view (exports render the same scene):
// racks side by side, each as its front and its rear face, with a U ruler, empty slots and the
// devices to scale — at their U, on their face (full-depth devices on both, hatched on the far
// one), zero-U PDUs as strips beside the face — in their role colours, labelled with name and
// vendor/model when legible, selected objects outlined. Tooltips give the catalog facts and the
// power analysis' figures. Layout is in scene units of one pixel at 100 % zoom, NetBox-like:
// 22 units per U, faces 230 wide.

#include <QGraphicsScene>
#include <QHash>
#include <QStringList>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "analysis/power.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf::ui {

class DeviceItem;
class RackFaceItem;

// A U slot of a shown rack face.
struct ElevationSlot {
  QString rack_id;
  int u = 0;  // 1-based
  Face face = Face::Front;
};

class RackElevationScene : public QGraphicsScene {
  Q_OBJECT

 public:
  static constexpr double kUnitHeight = 22;    // one U
  static constexpr double kFaceWidth = 230;    // a 19-inch face
  static constexpr double kRulerWidth = 26;    // U numbers, left of each face
  static constexpr double kSideBand = 28;      // zero-U devices, right of each face
  static constexpr double kFaceGap = 12;       // between a rack's front and rear
  static constexpr double kRackGap = 48;       // between racks
  static constexpr double kHeaderHeight = 48;  // rack name and face captions above the faces
  // QGraphicsItem::data key holding the object id (device or rack) of an item.
  static constexpr int kObjectIdKey = 0;

  // `catalog` must outlive the scene.
  explicit RackElevationScene(const Catalog& catalog, QObject* parent = nullptr);

  // Draws the racks `rack_ids` of `design` left to right (unknown ids are skipped). `power` (may
  // be null) gives the analysed figures in tooltips; `stale` marks them as being recomputed.
  // Keeps no reference to the design.
  void set_racks(const Design& design, const QStringList& rack_ids, const PowerReport* power = nullptr,
                 bool stale = false);
  // On screen, devices and rack faces (labels, rulers, hatching) are kept as pixmaps in device
  // pixels, so that a repaint draws those. Off by default: exports render the scene as vectors.
  void set_screen_cache(bool on);

  // Outlines the devices and racks among `object_ids`.
  void set_selection(const QStringList& object_ids);

  const QStringList& racks() const { return racks_; }

  // The slot under a scene point: over a face (its ruler and side band included), the U of that
  // height; nullopt elsewhere.
  std::optional<ElevationSlot> slot_at(const QPointF& pos) const;
  // The scene rectangle of U `first` to `last` of a face (may reach beyond the rack: a drop
  // indicator shows where a device would stick out); null when the rack is not shown.
  QRectF slot_rect(const QString& rack_id, Face face, int first, int last) const;
  // The U area of a face; null when the rack is not shown.
  QRectF face_rect(const QString& rack_id, Face face) const;
  // The side band of a face, where zero-U devices are drawn.
  QRectF side_band(const QString& rack_id, Face face) const;
  // The item drawing `device_id` on `face` (nullptr when it is not drawn there).
  DeviceItem* device_item(const QString& device_id, Face face) const;
  // The id of the device drawn at a scene point, else of the rack whose face or header is there,
  // else empty.
  QString object_at(const QPointF& pos) const;

 private:
  struct FaceGeometry {
    QString rack_id;
    Face face;
    QRectF frame;  // the U area
    int units;
    RackFaceItem* item;
  };
  static int index(Face f) { return f == Face::Front ? 0 : 1; }

  void add_rack(const Rack& rack, double x, const PowerReport* power, bool stale);
  void add_devices(const Rack& rack, const FaceGeometry& face, const PowerReport* power, bool stale);
  QString device_tooltip(const Rack& rack, const Device& device, const PowerReport* power, bool stale) const;
  QString rack_tooltip(const Rack& rack, const PowerReport* power, bool stale) const;
  const FaceGeometry* face(const QString& rack_id, Face face) const;

  const Catalog& catalog_;
  QStringList racks_;
  std::vector<FaceGeometry> faces_;
  QHash<QString, std::array<DeviceItem*, 2>> device_items_;  // by face: front, rear
  bool screen_cache_ = false;
};

}  // namespace cf::ui
