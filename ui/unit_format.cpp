#include "unit_format.h"

#include <array>
#include <cmath>

namespace cf::ui {

QString format_kw(double watts) {
  return QString::number(watts / 1000.0, 'f', 1);
}

QString format_kw(const std::optional<double>& watts) {
  return watts ? format_kw(*watts) : QString::fromUtf16(kUnknownFigure);
}

QString format_bps(double bps) {
  struct Unit {
    double scale;
    const char* name;
  };
  static constexpr std::array<Unit, 5> kUnits{{{1e15, "Pb/s"}, {1e12, "Tb/s"}, {1e9, "Gb/s"},
                                               {1e6, "Mb/s"}, {1e3, "kb/s"}}};
  for (const Unit& u : kUnits) {
    if (std::abs(bps) < u.scale) continue;
    QString number = QString::number(bps / u.scale, 'f', 1);
    if (number.endsWith(QStringLiteral(".0"))) number.chop(2);
    return number + QChar(' ') + QString::fromLatin1(u.name);
  }
  return QString::number(bps, 'f', 0) + QStringLiteral(" bit/s");
}

QString format_ratio(const std::optional<double>& ratio) {
  if (!ratio) return QString::fromUtf16(kUnknownFigure);
  return QString::number(*ratio, 'g', 3) + QStringLiteral(":1");
}

}  // namespace cf::ui
