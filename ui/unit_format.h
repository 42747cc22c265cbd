#pragma once
// Turns the core's SI figures into text for the views. Conversion happens here and only here,
// when formatting; nothing is computed.

#include <QString>
#include <optional>

namespace cf::ui {

// The dash shown for a figure the catalog does not publish.
inline constexpr char16_t kUnknownFigure[] = u"\u2014";

// Watts as kilowatts with one decimal ("10.2"), without the unit.
QString format_kw(double watts);
// As above, or the dash when there is no figure.
QString format_kw(const std::optional<double>& watts);

// bit/s as "400 Gb/s", "203.2 Tb/s", "1.6 Pb/s" (SI prefixes, one decimal, ".0" dropped).
QString format_bps(double bps);
// A down:up ratio as "2:1", "1.33:1"; the dash when there is no figure.
QString format_ratio(const std::optional<double>& ratio);

}  // namespace cf::ui
