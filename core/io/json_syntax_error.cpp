#include "io/json_syntax_error.h"

#include <algorithm>
#include <string>

namespace cf {

std::pair<int, int> line_column(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  std::string_view before = text.substr(0, byte);
  auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  auto last_newline = before.rfind('\n');
  auto column = static_cast<int>(last_newline == std::string_view::npos ? byte + 1 : byte - last_newline);
  return {line, column};
}

LoadError json_syntax_error(std::string_view text, std::size_t byte, const std::string& what) {
  auto [line, column] = line_column(text, byte > 0 ? byte - 1 : 0);
  // nlohmann's words without "[json.exception.parse_error.101] parse error at line X, column Y: ".
  std::string message = what;
  if (message.starts_with("[json.exception.")) message = message.substr(message.find("] ") + 2);
  if (message.starts_with("parse error")) message = message.substr(message.find(": ") + 2);
  return LoadError("", "syntax error: " + message.substr(0, message.find_first_of('\n')), line, column);
}

}  // namespace cf
