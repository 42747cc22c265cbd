#pragma once
// Bit rates and ratios as text for the views: the unit is always shown and chosen so that the
// number stays short (400 Gb/s, 203.2 Tb/s). Formatting only; nothing is computed.

#include <QString>
#include <optional>

namespace cf::ui {

// bit/s as "400 Gb/s", "203.2 Tb/s", "1.6 Pb/s" (SI prefixes, one decimal, ".0" dropped).
QString format_bps(double bps);
// A down:up ratio as "2:1", "1.33:1"; the dash when there is no figure.
QString format_ratio(const std::optional<double>& ratio);

}  // namespace cf::ui
