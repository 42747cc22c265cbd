#pragma once
// Reading JSON values strictly: typed values with ranges, every failure a LoadError naming the
// JSON path. Works on any JsonValue (a parsed file or a value built in code).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "io/json_path.h"
#include "io/json_value.h"
#include "io/load_error.h"

namespace cf {

// JSON Pointer (RFC 6901) of a child, as text (for code that walks nlohmann values itself).
std::string child_path(const std::string& parent, std::string_view key);
std::string child_path(const std::string& parent, std::size_t index);

// Parses small texts into an nlohmann value (tests, command output); a syntax error becomes a
// LoadError with line and column. Files the user opens go through JsonDocument instead.
Json parse_json_text(std::string_view text);
Json read_json_file(const std::filesystem::path& path);

void require_object(JsonValue j, const JsonPath& path);
void require_array(JsonValue j, const JsonPath& path);
std::string read_string(JsonValue j, const JsonPath& path);
bool read_bool(JsonValue j, const JsonPath& path);
// Finite numbers within [min, max]; integers must be written as integers.
double read_number(JsonValue j, const JsonPath& path, double min, double max);
std::int64_t read_integer(JsonValue j, const JsonPath& path, std::int64_t min, std::int64_t max);

// A short human name of a JSON value's type ("a string", "an array" ...).
std::string json_type_name(JsonValue j);

}  // namespace cf
