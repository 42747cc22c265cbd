#pragma once
// Figures in messages: one formatting per unit, shared by every Problem and report text.

#include <cstdio>
#include <optional>
#include <string>

namespace cf {

// "40.8 kW" from watts.
inline std::string format_kw(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f kW", w / 1000.0);
  return buf;
}

// `v` with `decimals` digits after a '.', whatever the locale (file formats want a '.').
std::string format_fixed(double v, int decimals);

// bit/s as "400 Gb/s", "203.2 Tb/s", "1.6 Pb/s" (SI prefixes, one decimal, ".0" dropped), in
// any locale.
std::string format_bps(double bps);

// A down:up ratio as "2:1", "1.33:1" (three significant digits); the dash when there is none.
std::string format_ratio(const std::optional<double>& ratio);

// The dash written for a figure the catalog does not publish (U+2014, UTF-8).
inline constexpr const char* kUnknownFigureUtf8 = "\u2014";

}  // namespace cf
