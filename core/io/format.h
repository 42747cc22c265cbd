#pragma once
// Figures in messages: one formatting per unit, shared by every Problem and report text.

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace cf {

// What a figure the catalog or the analyses do not give reads as in text (never 0).
inline constexpr const char* kUnknownText = "unknown";

// "40.8 kW" from watts.
inline std::string format_kw(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f kW", w / 1000.0);
  return buf;
}

// `value` with `digits` decimals after a '.', whatever the locale (file formats want a '.').
std::string format_fixed(double value, int digits);
// A whole count with thousands separators: "1,234,567".
std::string format_count(double value);
// bit/s with an SI prefix, one decimal, ".0" dropped: "400 Gb/s", "203.2 Tb/s", "1.6 Pb/s".
std::string format_bps(double bps);
// A down:up ratio as "2:1", "1.33:1" (three significant digits); the dash when there is none.
std::string format_ratio(const std::optional<double>& ratio);
// Dollars: "$12.35 M", "$850.2 k", "$950".
std::string format_usd(double usd);
// A fraction as a percentage: "93.1 %".
std::string format_percent(double fraction, int digits = 1);
// Seconds as "0.842 s", "12.5 min", "3.2 h" or "41.7 days".
std::string format_duration(double seconds);
// Bytes as decimal gigabytes: "80.0 GB".
std::string format_gb(double bytes);
// Sizes of files and memory in binary units: "512 bytes", "1.0 MiB", "64 MiB", "1.0 GiB".
std::string format_bytes(std::uint64_t bytes);

// The dash written for a figure the catalog does not publish (U+2014, UTF-8).
inline constexpr const char* kUnknownFigureUtf8 = "\u2014";

}  // namespace cf
