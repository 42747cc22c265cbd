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

LoadError json_syntax_error(std::string_view text, const nlohmann::json::parse_error& e) {
  // e.byte is 1-based and points just past the offending character.
  std::size_t byte = e.byte > 0 ? e.byte - 1 : 0;
  auto [line, column] = line_column(text, byte);
  // nlohmann's message without its "[json.exception...] parse error at line X, column Y: " prefix.
  std::string what = e.what();
  auto pos = what.find(": ");
  std::string message = pos == std::string::npos ? what : what.substr(pos + 2);
  return LoadError("", "syntax error: " + message.substr(0, message.find_first_of('\n')), line, column);
}

}  // namespace cf
