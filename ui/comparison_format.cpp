#include "comparison_format.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

#include "unit_format.h"

namespace cf::ui {

namespace {

double largest(const ComparisonRow& row) {
  double m = 0;
  for (const auto& v : row.values)
    if (v) m = std::max(m, std::abs(*v));
  return m;
}

// Thousands separators of the C locale: "12,500"; the minus sign as U+2212.
QString number(double v, int decimals) {
  QLocale c(QLocale::C);
  c.setNumberOptions(QLocale::DefaultNumberOptions);
  QString s = c.toString(v, 'f', decimals);
  if (s.startsWith(QLatin1Char('-'))) s.replace(0, 1, QChar(0x2212));
  return s;
}

}  // namespace

DisplayUnit display_unit(const ComparisonRow& row) {
  const double m = largest(row);
  using U = ComparisonUnit;
  switch (row.unit) {
    case U::Text:
    case U::Count:
      return {QString(), 1, 0};
    case U::BitsPerSecond:
      return m >= 1e12 ? DisplayUnit{QStringLiteral("Tb/s"), 1e12, 1} : DisplayUnit{QStringLiteral("Gb/s"), 1e9, 0};
    case U::Watts:
      return m >= 1e7 ? DisplayUnit{QStringLiteral("MW"), 1e6, 2} : DisplayUnit{QStringLiteral("kW"), 1e3, 1};
    case U::Usd:
      return m >= 1e6 ? DisplayUnit{QStringLiteral("million USD"), 1e6, 2} : DisplayUnit{QStringLiteral("USD"), 1, 0};
    case U::UsdPerGpuHour:
      return {QStringLiteral("USD/GPU-h"), 1, 2};
    case U::PerDay:
      return {QStringLiteral("per day"), 1, 2};
    case U::Hours:
      return {QStringLiteral("h"), 1, 1};
    case U::Seconds:
      if (m >= 2 * 86400) return {QStringLiteral("days"), 86400, 1};
      if (m >= 7200) return {QStringLiteral("h"), 3600, 1};
      return {QStringLiteral("s"), 1, 3};
    case U::Fraction:
      return {QStringLiteral("%"), 0.01, 1};
    case U::Ratio:
      return {QStringLiteral(":1"), 1, 2};
    case U::TokensPerSecond:
      return {QStringLiteral("tokens/s"), 1, 0};
  }
  return {};
}

QString format_value(const std::optional<double>& value, const DisplayUnit& unit) {
  if (!value) return QString::fromUtf16(kUnknownFigure);
  return number(*value / unit.divisor, unit.decimals);
}

QString format_difference(const ComparisonRow& row, std::size_t i, const DisplayUnit& unit) {
  if (i == 0 || row.unit == ComparisonUnit::Text || i >= row.delta.size() || !row.delta[i]) return {};
  const double d = *row.delta[i];
  if (d == 0) return QStringLiteral("=");
  const QString arrow = d > 0 ? QStringLiteral("\u25B2 +") : QStringLiteral("\u25BC ");
  if (row.relative[i]) return arrow + number(100 * *row.relative[i], 1) + QStringLiteral(" %");
  QString abs = number(d / unit.divisor, unit.decimals);
  return arrow + abs + (unit.label.isEmpty() ? QString() : QStringLiteral(" ") + unit.label);
}

}  // namespace cf::ui
