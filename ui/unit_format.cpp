#include "unit_format.h"

#include "io/format.h"

namespace cf::ui {

QString format_kw(double watts) {
  return QString::number(watts / 1000.0, 'f', 1);
}

QString format_kw(const std::optional<double>& watts) {
  return watts ? format_kw(*watts) : QString::fromUtf16(kUnknownFigure);
}

QString format_bps(double bps) { return QString::fromStdString(cf::format_bps(bps)); }

QString format_ratio(const std::optional<double>& ratio) {
  return QString::fromStdString(cf::format_ratio(ratio));
}

}  // namespace cf::ui
