#include "io/format.h"

#include <array>
#include <charconv>
#include <cmath>

namespace cf {

namespace {

// printf-like, but always with a '.' (to_chars ignores the locale the GUI sets).
std::string number(double v, std::chars_format format, int precision) {
  std::array<char, 64> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, format, precision);
  return ec == std::errc() ? std::string(buf.data(), end) : std::string();
}

}  // namespace

std::string format_fixed(double v, int decimals) {
  return number(v, std::chars_format::fixed, decimals);
}

std::string format_count(double value) {
  const double rounded = std::round(value);
  std::string digits = format_fixed(std::abs(rounded), 0);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<size_t>(i), ",");
  return (rounded < 0 ? "-" : "") + digits;
}

std::string format_bps(double bps) {
  struct Unit {
    double scale;
    const char* name;
  };
  static constexpr std::array<Unit, 5> kUnits{{{1e15, "Pb/s"}, {1e12, "Tb/s"}, {1e9, "Gb/s"},
                                               {1e6, "Mb/s"}, {1e3, "kb/s"}}};
  for (const Unit& u : kUnits) {
    if (std::abs(bps) < u.scale) continue;
    std::string text = number(bps / u.scale, std::chars_format::fixed, 1);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    return text + ' ' + u.name;
  }
  return number(bps, std::chars_format::fixed, 0) + " bit/s";
}

std::string format_ratio(const std::optional<double>& ratio) {
  if (!ratio) return kUnknownFigureUtf8;
  return number(*ratio, std::chars_format::general, 3) + ":1";
}

std::string format_usd(double usd) {
  if (std::abs(usd) >= 1e6) return "$" + format_fixed(usd / 1e6, 2) + " M";
  if (std::abs(usd) >= 1e4) return "$" + format_fixed(usd / 1e3, 1) + " k";
  return "$" + format_count(usd);
}

std::string format_percent(double fraction, int digits) { return format_fixed(100 * fraction, digits) + " %"; }

std::string format_duration(double s) {
  if (s < 120) return format_fixed(s, s < 10 ? 3 : 1) + " s";
  if (s < 2 * 3600) return format_fixed(s / 60, 1) + " min";
  if (s < 3 * 86400) return format_fixed(s / 3600, 1) + " h";
  return format_fixed(s / 86400, 1) + " days";
}

std::string format_gb(double bytes) { return format_fixed(bytes / 1e9, 1) + " GB"; }

std::string format_bytes(std::uint64_t bytes) {
  static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double v = static_cast<double>(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  if (u == 0) return std::to_string(bytes) + " bytes";
  return format_fixed(v, v < 10 ? 1 : 0) + " " + units[u];
}

}  // namespace cf
