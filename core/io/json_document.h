#pragma once
// A JSON document read from text, a stream or a file, within JsonLimits, and parsed with
// simdjson. Errors are LoadErrors: limits and syntax errors with line and column (in nlohmann's
// words, which name what was expected), a file's errors with its name.

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string_view>

#include "io/json_limits.h"
#include "io/json_value.h"

namespace cf {

class JsonDocument {
 public:
  static JsonDocument parse(std::string_view text, const JsonLimits& limits);
  // Reads until the end of the stream, refusing as soon as a limit is broken (so a hostile
  // stream costs only what was read before). `size_hint` is the expected length, 0 if unknown.
  static JsonDocument read(std::istream& in, const JsonLimits& limits, std::uint64_t size_hint = 0);
  // A file (or a named pipe); errors carry the file name.
  static JsonDocument read_file(const std::filesystem::path& file, const JsonLimits& limits);

  JsonDocument(JsonDocument&&) noexcept;
  JsonDocument& operator=(JsonDocument&&) noexcept;
  ~JsonDocument();

  // Valid while the document lives.
  JsonValue root() const;

 private:
  struct Impl;
  explicit JsonDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cf
