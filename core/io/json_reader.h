#pragma once
// Reading JSON documents strictly: syntax errors with line:column, typed values with ranges,
// every failure a LoadError naming the JSON path.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "io/load_error.h"

namespace cf {

// Ordered so that unknown keys keep their order on a round trip.
using Json = nlohmann::ordered_json;

// JSON Pointer (RFC 6901) of a child.
std::string child_path(const std::string& parent, std::string_view key);
std::string child_path(const std::string& parent, std::size_t index);

// Parses text; a syntax error becomes a LoadError with line and column.
Json parse_json_text(std::string_view text);
// Reads and parses a file; errors carry the file name.
Json read_json_file(const std::filesystem::path& path);

const Json& require_object(const Json& j, const std::string& path);
const Json& require_array(const Json& j, const std::string& path);
std::string read_string(const Json& j, const std::string& path);
bool read_bool(const Json& j, const std::string& path);
// Finite numbers within [min, max]; integers must be written as integers.
double read_number(const Json& j, const std::string& path, double min, double max);
std::int64_t read_integer(const Json& j, const std::string& path, std::int64_t min,
                          std::int64_t max);

// A short human name of a JSON value's type ("a string", "an array" ...).
std::string json_type_name(const Json& j);

}  // namespace cf
