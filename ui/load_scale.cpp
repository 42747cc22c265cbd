#include "load_scale.h"

#include <QLinearGradient>
#include <QObject>
#include <QPainter>
#include <algorithm>

namespace cf::ui {

namespace {

// A single-hue blue ramp (ColorBrewer "Blues", 9 classes: #f7fbff and #08519c) — sequential,
// colour-blind safe and clear of the red that means "over the limit".
const QColor kRampLow(0xF7, 0xFB, 0xFF);
const QColor kRampHigh(0x08, 0x51, 0x9C);

QColor mix(const QColor& a, const QColor& b, double t) {
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                          a.blueF() + (b.blueF() - a.blueF()) * t);
}

QString number(double v) { return QString::number(v, 'g', 3); }

}  // namespace

LoadScale::LoadScale(double low, double limit, QString title, QString unit)
    : low_(low), limit_(limit > low ? limit : low + 1), title_(std::move(title)), unit_(std::move(unit)) {}

QColor LoadScale::over_limit_color() { return QColor(0xD5, 0x5E, 0x00); }  // Okabe-Ito vermillion
QColor LoadScale::no_figure_color() { return QColor(0xBB, 0xBB, 0xBB); }

QColor LoadScale::color(std::optional<double> value) const {
  if (!value) return no_figure_color();
  if (over_limit(*value)) return over_limit_color();
  return mix(kRampLow, kRampHigh, std::clamp((*value - low_) / (limit_ - low_), 0.0, 1.0));
}

void LoadScale::paint_legend(QPainter& painter, const QRectF& area) const {
  painter.save();
  const QFontMetricsF fm(painter.font());
  const double line = fm.height();
  painter.setPen(Qt::black);
  painter.drawText(QPointF(area.left(), area.top() + fm.ascent()),
                   unit_.isEmpty() ? title_ : QStringLiteral("%1 (%2)").arg(title_, unit_));

  const double swatch = line;
  const QRectF ramp(area.left(), area.top() + line + 2, std::max(40.0, area.width() - 2 * (swatch + 40)), swatch);
  QLinearGradient gradient(ramp.topLeft(), ramp.topRight());
  gradient.setColorAt(0, kRampLow);
  gradient.setColorAt(1, kRampHigh);
  painter.setBrush(gradient);
  painter.setPen(QColor(0x66, 0x66, 0x66));
  painter.drawRect(ramp);
  // The limit sits at the right end of the ramp: mark it.
  painter.setPen(QPen(Qt::black, 2));
  painter.drawLine(QPointF(ramp.right(), ramp.top() - 2), QPointF(ramp.right(), ramp.bottom() + 2));
  painter.setPen(Qt::black);
  const double labels_y = ramp.bottom() + fm.ascent() + 1;
  painter.drawText(QPointF(ramp.left(), labels_y), number(low_));
  const QString limit_text = QObject::tr("limit %1").arg(number(limit_));
  painter.drawText(QPointF(ramp.right() - fm.horizontalAdvance(limit_text), labels_y), limit_text);

  QRectF over(ramp.right() + 8, ramp.top(), swatch, swatch);
  painter.setPen(QColor(0x66, 0x66, 0x66));
  painter.setBrush(over_limit_color());
  painter.drawRect(over);
  painter.setPen(Qt::black);
  painter.drawText(QPointF(over.left(), labels_y), QObject::tr("over"));
  QRectF none(over.right() + 30, ramp.top(), swatch, swatch);
  painter.setPen(QColor(0x66, 0x66, 0x66));
  painter.setBrush(no_figure_color());
  painter.drawRect(none);
  painter.setPen(Qt::black);
  painter.drawText(QPointF(none.left(), labels_y), QObject::tr("n/a"));
  painter.restore();
}

}  // namespace cf::ui
