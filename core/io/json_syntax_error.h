#pragma once
// A JSON syntax error as a LoadError with line and column, in nlohmann's words.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "io/load_error.h"

namespace cf {

// Line and column (1-based) of a byte offset in text.
std::pair<int, int> line_column(std::string_view text, std::size_t byte);

// nlohmann reports a syntax error as a parse_error and a number beyond a double as an
// out_of_range; both carry their place as `byte` (1-based, just past the offending character).
LoadError json_syntax_error(std::string_view text, std::size_t byte, const std::string& what);

}  // namespace cf
