#include "rack_elevation_items.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace cf::ui {

namespace {

constexpr double kTextPx = 10;        // label size in scene units
constexpr double kLegiblePx = 6.5;    // smallest label drawn, in screen pixels
constexpr double kPadding = 4;

QFont label_font(bool bold = false) {
  QFont font;
  font.setPixelSize(static_cast<int>(kTextPx));
  font.setBold(bold);
  return font;
}

// Black on light fills, white on dark ones (relative luminance, ITU-R BT.709).
QColor text_on(const QColor& fill) {
  const double y = 0.2126 * fill.red() + 0.7152 * fill.green() + 0.0722 * fill.blue();
  return y > 128 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor highlight_color() { return QColor(0x10, 0x10, 0x10); }

double lod(const QPainter* painter, const QStyleOptionGraphicsItem* option) {
  return option->levelOfDetailFromTransform(painter->worldTransform());
}

}  // namespace

RackFaceItem::RackFaceItem(const QRectF& frame, int units, double ruler_width, QGraphicsItem* parent)
    : QGraphicsItem(parent), frame_(frame), units_(units), ruler_width_(ruler_width) {}

void RackFaceItem::set_highlighted(bool on) {
  if (on == highlighted_) return;
  highlighted_ = on;
  update();
}

QRectF RackFaceItem::boundingRect() const {
  return frame_.adjusted(-ruler_width_, -2, 2, 2);
}

void RackFaceItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const double scale = lod(painter, option);
  const double unit = frame_.height() / units_;
  painter->setPen(Qt::NoPen);
  painter->setBrush(QColor(0xFA, 0xFA, 0xFA));
  painter->drawRect(frame_);
  // Empty slots: one line per U boundary while they stay apart on screen.
  if (unit * scale >= 4) {
    painter->setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 0));
    for (int i = 1; i < units_; ++i) {
      const double y = frame_.top() + i * unit;
      painter->drawLine(QPointF(frame_.left(), y), QPointF(frame_.right(), y));
    }
  }
  // The ruler: every U when legible, else every fifth, else none.
  const int step = kTextPx * scale >= kLegiblePx ? 1 : 5 * kTextPx * scale >= kLegiblePx ? 5 : 0;
  if (step > 0 && unit * scale * step >= kTextPx * scale) {
    QFont font = label_font();
    font.setPixelSize(9);
    painter->setFont(font);
    painter->setPen(QColor(0x55, 0x55, 0x55));
    for (int u = 1; u <= units_; ++u) {
      if (u % step != 0 && u != 1) continue;
      const QRectF cell(frame_.left() - ruler_width_, frame_.bottom() - u * unit, ruler_width_ - 4, unit);
      painter->drawText(cell, Qt::AlignRight | Qt::AlignVCenter, QString::number(u));
    }
  }
  painter->setBrush(Qt::NoBrush);
  painter->setPen(highlighted_ ? QPen(highlight_color(), 3) : QPen(QColor(0x44, 0x44, 0x44), 1.5));
  painter->drawRect(frame_);
}

DeviceItem::DeviceItem(const QRectF& rect, const QColor& fill, QString name, QString type, Look look,
                       QGraphicsItem* parent)
    : QGraphicsItem(parent), size_(rect.size()), fill_(fill), text_(text_on(fill)), look_(look) {
  setPos(rect.topLeft());
  // Elide once: labels are laid out in scene units, so they do not change with the zoom.
  const QFontMetricsF bold(label_font(true)), plain(label_font());
  const double room = (look == Look::Vertical ? size_.height() : size_.width()) - 2 * kPadding;
  name_ = bold.elidedText(name, Qt::ElideRight, room);
  type_ = plain.elidedText(type, Qt::ElideRight, room);
  // One-line layout for 1U boxes: the name, then as much of the vendor/model as fits.
  name_width_ = bold.horizontalAdvance(name_) + 2 * kPadding;
  type_inline_ = plain.elidedText(type, Qt::ElideRight, room - name_width_);
  if (plain.horizontalAdvance(QStringLiteral("\u2026")) * 3 > room - name_width_) type_inline_.clear();
}

void DeviceItem::set_highlighted(bool on) {
  if (on == highlighted_) return;
  highlighted_ = on;
  update();
}

void DeviceItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF box = boundingRect();
  const double scale = lod(painter, option);
  painter->setPen(QPen(fill_.darker(170), 0));
  painter->setBrush(fill_);
  painter->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
  if (look_ == Look::FarSide) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(QBrush(QColor(255, 255, 255, 110), Qt::BDiagPattern));
    painter->drawRect(box);
  }
  if (highlighted_) {
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(highlight_color(), 3));
    painter->drawRect(box.adjusted(1.5, 1.5, -1.5, -1.5));
  }
  if (kTextPx * scale < kLegiblePx) return;  // level of detail: no labels when unreadable

  painter->setPen(text_);
  if (look_ == Look::Vertical) {
    if (size_.width() < kTextPx + 2) return;
    painter->save();
    painter->translate(box.bottomLeft());
    painter->rotate(-90);
    painter->setFont(label_font(true));
    painter->drawText(QRectF(kPadding, 0, size_.height() - 2 * kPadding, size_.width()),
                      Qt::AlignLeft | Qt::AlignVCenter, name_);
    painter->restore();
    return;
  }
  const QRectF inner = box.adjusted(kPadding, 1, -kPadding, -1);
  const double line = kTextPx + 3;
  if (inner.height() >= 2 * line) {
    // Name and vendor/model on two lines, centred in the box.
    const QRectF pair(inner.left(), inner.center().y() - line, inner.width(), 2 * line);
    painter->setFont(label_font(true));
    painter->drawText(pair.adjusted(0, 0, 0, -line), Qt::AlignLeft | Qt::AlignVCenter, name_);
    painter->setFont(label_font());
    painter->drawText(pair.adjusted(0, line, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, type_);
  } else {
    painter->setFont(label_font(true));
    painter->drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, name_);
    if (!type_inline_.isEmpty()) {
      painter->setFont(label_font());
      painter->drawText(inner.adjusted(name_width_, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, type_inline_);
    }
  }
}

}  // namespace cf::ui
