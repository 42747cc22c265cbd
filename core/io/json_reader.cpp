#include "io/json_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace cf {

namespace {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string format_number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// Line and column (1-based) of a byte offset.
std::pair<int, int> line_column(std::string_view text, std::size_t byte) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// nlohmann's message without its "[json.exception...] parse error at line X, column Y: " prefix.
std::string plain_parse_message(const std::string& what) {
  auto pos = what.find(": ");
  std::string msg = pos == std::string::npos ? what : what.substr(pos + 2);
  return "syntax error: " + msg.substr(0, msg.find_first_of('\n'));
}

}  // namespace

std::string child_path(const std::string& parent, std::string_view key) {
  return parent + "/" + escape_pointer_token(key);
}

std::string child_path(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

Json parse_json_text(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based and points just past the offending character.
    std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    auto [line, column] = line_column(text, byte);
    throw LoadError("", plain_parse_message(e.what()), line, column);
  }
}

Json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError("", "cannot open file").in_file(path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  try {
    return parse_json_text(buffer.str());
  } catch (const LoadError& e) {
    throw e.in_file(path.string());
  }
}

std::string json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

const Json& require_object(const Json& j, const std::string& path) {
  if (!j.is_object()) fail_at(path, "expected an object, got " + json_type_name(j));
  return j;
}

const Json& require_array(const Json& j, const std::string& path) {
  if (!j.is_array()) fail_at(path, "expected an array, got " + json_type_name(j));
  return j;
}

std::string read_string(const Json& j, const std::string& path) {
  if (!j.is_string()) fail_at(path, "expected a string, got " + json_type_name(j));
  return j.get<std::string>();
}

bool read_bool(const Json& j, const std::string& path) {
  if (!j.is_boolean()) fail_at(path, "expected true or false, got " + json_type_name(j));
  return j.get<bool>();
}

double read_number(const Json& j, const std::string& path, double min, double max) {
  if (!j.is_number()) fail_at(path, "expected a number, got " + json_type_name(j));
  double v = j.get<double>();
  if (!std::isfinite(v) || v < min || v > max)
    fail_at(path, "expected a number from " + format_number(min) + " to " + format_number(max) +
                      ", got " + j.dump());
  return v;
}

std::int64_t read_integer(const Json& j, const std::string& path, std::int64_t min,
                          std::int64_t max) {
  std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
  if (j.is_number_unsigned()) {
    auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max) || (min > 0 && u < static_cast<std::uint64_t>(min)))
      fail_at(path, "expected an integer" + range + ", got " + j.dump());
    return static_cast<std::int64_t>(u);
  }
  if (!j.is_number_integer())
    fail_at(path, "expected an integer" + range + ", got " + json_type_name(j) +
                      (j.is_number() ? " " + j.dump() : ""));
  auto v = j.get<std::int64_t>();
  if (v < min || v > max) fail_at(path, "expected an integer" + range + ", got " + j.dump());
  return v;
}

}  // namespace cf
