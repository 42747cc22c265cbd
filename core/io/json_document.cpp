#include "io/json_document.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <istream>

#include "io/format.h"
#include "io/json_syntax_error.h"
#include "io/load_error.h"

namespace cf {

namespace {

// The bytes of a document with the zeroed padding simdjson reads past the end.
class PaddedBuffer {
 public:
  void reserve(std::size_t length) {
    if (length + simdjson::SIMDJSON_PADDING <= capacity_) return;
    std::size_t capacity = length + simdjson::SIMDJSON_PADDING;
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
  }
  char* end() { return data_.get() + size_; }
  std::size_t room() const { return capacity_ - simdjson::SIMDJSON_PADDING - size_; }
  void grow(std::size_t n) { size_ += n; }
  std::string_view view() const { return {data_.get(), size_}; }
  void pad() { std::memset(data_.get() + size_, 0, simdjson::SIMDJSON_PADDING); }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0, capacity_ = 0;
};

[[noreturn]] void too_big(std::uint64_t bytes, const JsonLimits& limits, bool at_least) {
  throw LoadError("", std::string(at_least ? "more than " : "") + format_bytes(bytes) +
                          ", over the " + format_bytes(limits.max_bytes) + " a " +
                          std::string(limits.kind) + " file may hold");
}

[[noreturn]] void limit_exceeded(std::string_view text, const JsonLimitScanner::LimitExceeded& e) {
  auto [line, column] = line_column(text, e.offset);
  throw LoadError("", e.message, line, column);
}

// A SAX handler that only remembers nlohmann's first error (a syntax error or a number beyond a
// double), to name where simdjson stopped.
struct SyntaxErrorFinder : nlohmann::json_sax<nlohmann::json> {
  std::optional<std::pair<std::size_t, std::string>> error;  // byte past it, nlohmann's words
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    error.emplace(byte, e.what());
    return false;
  }
};

// The first integer outside strings too large for 64 bits: valid JSON that simdjson refuses.
std::optional<std::size_t> find_oversized_integer(std::string_view text) {
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (c != '-' && (c < '0' || c > '9')) continue;
    std::size_t end = i;
    while (end < text.size() && std::strchr("+-0123456789.eE", text[end]) && text[end] != '\0') ++end;
    std::string_view token = text.substr(i, end - i);
    if (token.find_first_of(".eE") == std::string_view::npos) {
      std::int64_t s;
      std::uint64_t u;
      const char* last = token.data() + token.size();
      if (std::from_chars(token.data(), last, s).ec == std::errc::result_out_of_range &&
          std::from_chars(token.data(), last, u).ec == std::errc::result_out_of_range)
        return i;
    }
    i = end - 1;
  }
  return std::nullopt;
}

// Why simdjson refused `text`, as one located LoadError.
[[noreturn]] void refused(std::string_view text, simdjson::error_code code) {
  SyntaxErrorFinder finder;
  nlohmann::json::sax_parse(text, &finder);
  if (finder.error) throw json_syntax_error(text, finder.error->first, finder.error->second);
  if (auto at = find_oversized_integer(text)) {
    auto [line, column] = line_column(text, *at);
    throw LoadError("", "an integer too large for 64 bits", line, column);
  }
  throw LoadError("", std::string("cannot read this JSON: ") + simdjson::error_message(code));
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace

struct JsonDocument::Impl {
  simdjson::dom::parser parser;
  simdjson::dom::element root;

  // Parses buffer[skip..] (padded); the buffer may be freed afterwards: the DOM keeps copies.
  void parse(std::string_view text) {
    std::size_t skip = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    auto result = parser.parse(text.data() + skip, text.size() - skip, false);
    if (result.error()) refused(text, result.error());
    root = result.value_unsafe();
  }
};

JsonDocument::JsonDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;
JsonDocument::~JsonDocument() = default;

JsonValue JsonDocument::root() const {
  JsonValue v;
  std::memcpy(v.element_, static_cast<const void*>(&impl_->root), sizeof impl_->root);
  return v;
}

JsonDocument JsonDocument::parse(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) too_big(text.size(), limits, false);
  JsonLimitScanner scanner(limits);
  try {
    scanner.feed(text);
  } catch (const JsonLimitScanner::LimitExceeded& e) {
    limit_exceeded(text, e);
  }
  PaddedBuffer buffer;
  buffer.reserve(text.size());
  std::memcpy(buffer.end(), text.data(), text.size());
  buffer.grow(text.size());
  buffer.pad();
  auto impl = std::make_unique<Impl>();
  impl->parse(buffer.view());
  return JsonDocument(std::move(impl));
}

JsonDocument JsonDocument::read(std::istream& in, const JsonLimits& limits, std::uint64_t size_hint) {
  if (size_hint > limits.max_bytes) too_big(size_hint, limits, false);
  constexpr std::size_t kChunk = 1 << 20;
  PaddedBuffer buffer;
  buffer.reserve(size_hint > 0 ? size_hint : kChunk);
  JsonLimitScanner scanner(limits);
  try {
    while (in) {
      if (buffer.room() < kChunk) buffer.reserve(buffer.view().size() * 2 + kChunk);
      std::size_t want = std::min(buffer.room(), kChunk);
      in.read(buffer.end(), static_cast<std::streamsize>(want));
      auto got = static_cast<std::size_t>(in.gcount());
      if (got == 0) break;
      if (buffer.view().size() + got > limits.max_bytes) too_big(buffer.view().size() + got, limits, true);
      buffer.grow(got);  // before the scan, so that an error can name its line and column
      scanner.feed({buffer.end() - got, got});
    }
  } catch (const JsonLimitScanner::LimitExceeded& e) {
    limit_exceeded(buffer.view(), e);
  }
  if (in.bad()) throw LoadError("", "cannot read: input error");
  buffer.pad();
  auto impl = std::make_unique<Impl>();
  impl->parse(buffer.view());
  return JsonDocument(std::move(impl));
}

JsonDocument JsonDocument::read_file(const std::filesystem::path& file, const JsonLimits& limits) {
  try {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw LoadError("", "is a folder, not a file");
    std::uint64_t size = 0;
    if (std::filesystem::is_regular_file(file, ec)) size = std::filesystem::file_size(file, ec);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw LoadError("", "cannot open file");
    return read(in, limits, size);
  } catch (const LoadError& e) {
    throw e.in_file(file.string());
  }
}

}  // namespace cf
