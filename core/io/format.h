#pragma once
// Figures in messages: one formatting per unit, shared by every Problem and report text.

#include <cstdio>
#include <string>

namespace cf {

// "40.8 kW" from watts.
inline std::string format_kw(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f kW", w / 1000.0);
  return buf;
}

}  // namespace cf
