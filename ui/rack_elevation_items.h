#pragma once
// The cheap graphics items of the rack elevations: a rack face (frame, empty U slots and the U
// ruler beside it) and a device. Each paints with level of detail — slot lines, ruler numbers and
// labels only when they are legible at the current zoom — so a row of racks stays fluid.

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace cf::ui {

// One face of one rack: `units` U slots in `frame` (U1 at the bottom), the ruler left of it.
class RackFaceItem : public QGraphicsItem {
 public:
  RackFaceItem(const QRectF& frame, int units, double ruler_width, QGraphicsItem* parent = nullptr);

  void set_highlighted(bool on);
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QRectF frame_;
  int units_;
  double ruler_width_;
  bool highlighted_ = false;
};

// A device drawn on one face: a box in its role colour with its name and vendor/model. The item's
// bounding rectangle is exactly the device's extent (its U range, or its side strip when zero-U).
class DeviceItem : public QGraphicsItem {
 public:
  enum class Look {
    Mounted,    // seen from the face it is mounted on
    FarSide,    // a full-depth device seen from its other face: hatched
    Vertical,   // zero-U, side-mounted: a narrow strip, label turned
  };
  DeviceItem(const QRectF& rect, const QColor& fill, QString name, QString type, Look look,
             QGraphicsItem* parent = nullptr);

  void set_highlighted(bool on);
  bool highlighted() const { return highlighted_; }
  const QColor& fill() const { return fill_; }
  Look look() const { return look_; }

  QRectF boundingRect() const override { return QRectF(QPointF(0, 0), size_); }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QSizeF size_;
  QColor fill_, text_;
  QString name_, type_;  // elided to the box once, in scene units
  QString type_inline_;  // what fits after the name on one line
  double name_width_ = 0;
  Look look_;
  bool highlighted_ = false;
};

}  // namespace cf::ui
