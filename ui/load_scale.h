#pragma once
// The one sequential load scale of every view (power density, heat against cooling capacity, link
// load or oversubscription): light to dark in one hue from `low` to `limit`, and red — only — for
// values over the limit. The legend shows the ramp, its unit and the limit marked.

#include <QColor>
#include <QRectF>
#include <QString>
#include <optional>

class QPainter;

namespace cf::ui {

class LoadScale {
 public:
  // Values run from `low` to `limit` (> low); above `limit` is over the limit.
  LoadScale(double low, double limit, QString title, QString unit);

  // The colour for a value; the neutral grey of "no figure" for an empty optional.
  QColor color(std::optional<double> value) const;
  bool over_limit(double value) const { return value > limit_; }

  double low() const { return low_; }
  double limit() const { return limit_; }
  const QString& title() const { return title_; }
  const QString& unit() const { return unit_; }

  // Paints the legend into `area` (about 220 × 56 px reads well): title with unit, the ramp with
  // its end values, the limit marked, the "over" swatch and the "no figure" swatch.
  void paint_legend(QPainter& painter, const QRectF& area) const;

  static QColor over_limit_color();
  static QColor no_figure_color();

 private:
  double low_, limit_;
  QString title_, unit_;
};

}  // namespace cf::ui
