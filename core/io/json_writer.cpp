#include "io/json_writer.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace cf {

void JsonWriter::value(const Json& json) {
  switch (json.type()) {
    case Json::value_t::object:
      begin_object();
      for (auto it = json.begin(); it != json.end(); ++it) member(it.key(), *it);
      end_object();
      return;
    case Json::value_t::array:
      begin_array();
      for (const auto& e : json) value(e);
      end_array();
      return;
    case Json::value_t::string: value(std::string_view(json.get_ref<const std::string&>())); return;
    case Json::value_t::boolean: value(json.get<bool>()); return;
    case Json::value_t::number_integer: value(json.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: {
      auto u = json.get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(INT64_MAX))
        value(static_cast<std::int64_t>(u));
      else
        value(static_cast<double>(u));  // no design field holds one; a file that had one keeps its size
      return;
    }
    case Json::value_t::number_float: value(json.get<double>()); return;
    default: null(); return;
  }
}

void JsonWriter::value(const std::vector<std::string>& texts) {
  begin_array();
  for (const auto& t : texts) value(std::string_view(t));
  end_array();
}

// ---- text ------------------------------------------------------------------------------------

void JsonTextWriter::newline_and_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonTextWriter::finish() {
  if (!drain_) return;
  drain_(out_);
  out_.clear();
}

void JsonTextWriter::before_value() {
  if (drain_ && out_.size() >= (1u << 20)) finish();
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the document itself
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  newline_and_indent(empty_.size());
}

void JsonTextWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  empty_.push_back(true);
}

void JsonTextWriter::close(char bracket) {
  bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) newline_and_indent(empty_.size());
  out_ += bracket;
}

void JsonTextWriter::key(std::string_view key) {
  before_value();
  write_string(key);
  out_ += ": ";
  after_key_ = true;
}

void JsonTextWriter::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonTextWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";  // as nlohmann writes it
    return;
  }
  char buf[64];
  // nlohmann's own shortest round-trip formatting ("415.0", "1e+300"), so files do not change.
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, number);
  out_.append(buf, end);
}

void JsonTextWriter::value(std::int64_t number) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, number);
  out_.append(buf, r.ptr);
}

void JsonTextWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
}

void JsonTextWriter::null() {
  before_value();
  out_ += "null";
}

namespace {

// Bytes a string cannot be copied through as they are: control characters, quote, backslash, and
// (to check the encoding once) the first non-ASCII byte.
constexpr auto kSpecial = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

}  // namespace

void JsonTextWriter::write_string(std::string_view text) {
  static const char* hex = "0123456789abcdef";
  const std::size_t size_before = out_.size();
  bool checked_utf8 = false;
  out_ += '"';
  std::size_t plain = 0;  // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!kSpecial[c]) continue;
    if (c >= 0x80) {
      if (checked_utf8) continue;
      checked_utf8 = true;
      // Never write a file that cannot be read back: in a string that is not UTF-8 (a name given
      // on a command line in another encoding) every non-ASCII byte becomes U+FFFD.
      if (simdjson::validate_utf8(text.data(), text.size())) continue;
      std::string repaired;
      for (char b : text) repaired += static_cast<unsigned char>(b) < 0x80 ? std::string(1, b) : "\xEF\xBF\xBD";
      out_.resize(size_before);
      write_string(repaired);
      return;
    }
    out_.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        out_ += "\\u00";
        out_ += hex[c >> 4];
        out_ += hex[c & 0xF];
    }
  }
  out_.append(text.data() + plain, text.size() - plain);
  out_ += '"';
}

// ---- nlohmann value --------------------------------------------------------------------------

Json& JsonDomWriter::put(Json v) {
  if (stack_.empty()) {
    root_ = std::move(v);
    return root_;
  }
  Json& parent = *stack_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(v));
    return parent.back();
  }
  Json& slot = parent[key_];
  slot = std::move(v);
  return slot;
}

void JsonDomWriter::open(Json container) { stack_.push_back(&put(std::move(container))); }

}  // namespace cf
