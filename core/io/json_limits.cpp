#include "io/json_limits.h"

#include <array>

#include "io/format.h"

namespace cf {

namespace {

// Bytes the scan stops at: outside strings the structure, inside them the end and escapes.
constexpr auto table_of(std::string_view bytes) {
  std::array<bool, 256> t{};
  for (char c : bytes) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr auto kStructure = table_of("\"[]{},");
constexpr auto kInString = table_of("\"\\");

const char* skip_until(const char* p, const char* end, const std::array<bool, 256>& stop) {
  while (p < end && !stop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

}  // namespace

void JsonLimitScanner::exceeded(std::uint64_t offset, std::string message) const {
  throw LimitExceeded{offset, std::move(message)};
}

void JsonLimitScanner::feed(std::string_view bytes) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  const std::uint64_t base = offset_;
  auto at = [&](const char* q) { return base + static_cast<std::uint64_t>(q - bytes.data()); };
  while (p < end) {
    if (in_string_) {
      if (escaped_) {  // the byte after a backslash (which may have ended the previous chunk)
        escaped_ = false;
        ++p;
        ++string_bytes_;
        continue;
      }
      const char* q = skip_until(p, end, kInString);
      string_bytes_ += static_cast<std::uint64_t>(q - p);
      if (string_bytes_ > limits_.max_string_bytes)
        exceeded(string_start_, "a string longer than " + format_bytes(limits_.max_string_bytes) +
                                    " (the most a " + std::string(limits_.kind) +
                                    " file may hold in one string)");
      p = q;
      if (p == end) break;
      if (*p == '\\') {
        escaped_ = true;
        ++string_bytes_;
      } else {
        in_string_ = false;
      }
      ++p;
      continue;
    }
    p = skip_until(p, end, kStructure);
    if (p == end) break;
    switch (*p) {
      case '"':
        in_string_ = true;
        string_start_ = at(p);
        string_bytes_ = 0;
        break;
      case '[':
      case '{':
        if (++depth_ > limits_.max_depth)
          exceeded(at(p), "nested deeper than " + std::to_string(limits_.max_depth) +
                              " levels (the most a " + std::string(limits_.kind) + " file may)");
        [[fallthrough]];
      case ',':
        if (++values_ > limits_.max_values)
          exceeded(at(p), "more than " + std::to_string(limits_.max_values) +
                              " values (the most a " + std::string(limits_.kind) + " file may hold)");
        break;
      case ']':
      case '}':
        if (depth_ > 0) --depth_;
        break;
      default: break;
    }
    ++p;
  }
  offset_ = base + bytes.size();
}

}  // namespace cf
