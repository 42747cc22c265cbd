#include "unit_format.h"

namespace cf::ui {

QString format_kw(double watts) {
  return QString::number(watts / 1000.0, 'f', 1);
}

QString format_kw(const std::optional<double>& watts) {
  return watts ? format_kw(*watts) : QString::fromUtf16(kUnknownFigure);
}

}  // namespace cf::ui
