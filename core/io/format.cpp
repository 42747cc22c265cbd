#include "io/format.h"

#include <array>
#include <cmath>

namespace cf {

std::string format_fixed(double value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value);
  return buf;
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
    std::string number = format_fixed(bps / u.scale, 1);
    if (number.size() > 2 && number.compare(number.size() - 2, 2, ".0") == 0) number.resize(number.size() - 2);
    return number + " " + u.name;
  }
  return format_fixed(bps, 0) + " bit/s";
}

std::string format_ratio(const std::optional<double>& ratio) {
  if (!ratio) return kUnknownText;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g:1", *ratio);
  return buf;
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

}  // namespace cf
