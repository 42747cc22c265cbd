#pragma once
// How much a JSON document may hold, per kind of file, and the scan that enforces it while the
// bytes arrive: a hostile file (a 1 GB string, a 10^9-element array, nesting a million deep) is
// refused after reading little of it, so loading never needs memory out of proportion to a real
// design. The figures are documented in docs/file-formats.md.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cf {

struct JsonLimits {
  std::string_view kind;        // "design", "catalog", "model": for messages
  std::uint64_t max_bytes = 0;  // the whole document
  std::uint64_t max_values = 0; // elements of arrays and members of objects, all levels
  std::uint32_t max_depth = 64; // arrays and objects within each other
  std::uint64_t max_string_bytes = 1 << 20;
};

// A 100,000-GPU design is 104 MiB with 5 million values; the limits leave room for about ten
// times that.
inline constexpr JsonLimits kDesignLimits{"design", 1ull << 30, 64'000'000};
// The shipped catalog's largest file is 60 KB; a user's whole vendor catalog fits easily.
inline constexpr JsonLimits kCatalogLimits{"catalog", 64ull << 20, 4'000'000};
inline constexpr JsonLimits kModelLimits{"model", 1ull << 20, 100'000};

// Feeds on a document's bytes in order (any chunking) and throws LimitExceeded at the first byte
// that breaks a limit. It does not check the syntax (the parser does); it only counts.
class JsonLimitScanner {
 public:
  struct LimitExceeded {
    std::uint64_t offset;  // of the byte where the document went over (a string: its start)
    std::string message;
  };

  explicit JsonLimitScanner(const JsonLimits& limits) : limits_(limits) {}
  void feed(std::string_view bytes);

 private:
  [[noreturn]] void exceeded(std::uint64_t offset, std::string message) const;

  JsonLimits limits_;
  std::uint64_t offset_ = 0;  // of the next byte fed
  std::uint64_t values_ = 0;
  std::uint32_t depth_ = 0;
  bool in_string_ = false, escaped_ = false;
  std::uint64_t string_start_ = 0, string_bytes_ = 0;
};

}  // namespace cf
