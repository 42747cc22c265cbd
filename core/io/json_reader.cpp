#include "io/json_reader.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include "io/json_syntax_error.h"

namespace cf {

namespace {

std::string format_number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
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
    throw json_syntax_error(text, e.byte, e.what());
  } catch (const Json::out_of_range& e) {  // a number beyond a double; nlohmann names no place
    std::string what = e.what();
    throw LoadError("", "syntax error: " + what.substr(what.find("] ") + 2));
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

std::string json_type_name(JsonValue j) {
  switch (j.type()) {
    case JsonValue::Type::Null: return "null";
    case JsonValue::Type::Object: return "an object";
    case JsonValue::Type::Array: return "an array";
    case JsonValue::Type::String: return "a string";
    case JsonValue::Type::Boolean: return "a boolean";
    case JsonValue::Type::Integer:
    case JsonValue::Type::Unsigned: return "an integer";
    case JsonValue::Type::Float: return "a number";
  }
  return "an unsupported value";
}

void require_object(JsonValue j, const JsonPath& path) {
  if (!j.is_object()) fail_at(path, "expected an object, got " + json_type_name(j));
}

void require_array(JsonValue j, const JsonPath& path) {
  if (!j.is_array()) fail_at(path, "expected an array, got " + json_type_name(j));
}

std::string read_string(JsonValue j, const JsonPath& path) {
  if (!j.is_string()) fail_at(path, "expected a string, got " + json_type_name(j));
  return std::string(j.string());
}

bool read_bool(JsonValue j, const JsonPath& path) {
  if (!j.is_boolean()) fail_at(path, "expected true or false, got " + json_type_name(j));
  return j.boolean();
}

double read_number(JsonValue j, const JsonPath& path, double min, double max) {
  if (!j.is_number()) fail_at(path, "expected a number, got " + json_type_name(j));
  double v = j.number();
  if (!std::isfinite(v) || v < min || v > max)
    fail_at(path, "expected a number from " + format_number(min) + " to " + format_number(max) +
                      ", got " + j.dump());
  return v;
}

std::int64_t read_integer(JsonValue j, const JsonPath& path, std::int64_t min, std::int64_t max) {
  std::string expected = "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
  JsonValue::Type type = j.type();
  if (type == JsonValue::Type::Integer) {
    std::int64_t v = j.integer();
    if (v >= min && v <= max) return v;
  }
  // Type::Unsigned (above INT64_MAX) is beyond every range a reader asks for.
  if (type == JsonValue::Type::Integer || type == JsonValue::Type::Unsigned)
    fail_at(path, expected + ", got " + j.dump());
  fail_at(path, expected + ", got " + json_type_name(j) + (j.is_number() ? " " + j.dump() : ""));
}

}  // namespace cf
