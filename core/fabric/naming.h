#pragma once
// Device and rack names of generated designs: zero-padded numbers so they sort.

#include <string>

namespace cf {

inline std::string padded(int n, int width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

inline int digits(int n) { return n < 10 ? 1 : 1 + digits(n / 10); }

}  // namespace cf
