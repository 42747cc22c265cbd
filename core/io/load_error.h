#pragma once
// One clear error for bad input: the file, the JSON path and, for syntax errors, line:column.

#include <stdexcept>
#include <string>

#include "io/json_path.h"

namespace cf {

class LoadError : public std::runtime_error {
 public:
  LoadError(std::string json_path, std::string message, int line = 0, int column = 0);

  const std::string& file() const { return file_; }
  const std::string& json_path() const { return json_path_; }
  const std::string& message() const { return message_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // Returns a copy attributed to `file` (loaders learn the file name only at the top level).
  LoadError in_file(const std::string& file) const;
  // Returns a copy whose path is prefixed (errors raised inside a nested reader).
  LoadError under(const std::string& prefix) const;

 private:
  static std::string format(const std::string& file, const std::string& json_path,
                            const std::string& message, int line, int column);
  std::string file_, json_path_, message_;
  int line_ = 0, column_ = 0;
};

[[noreturn]] void fail_at(const std::string& json_path, const std::string& message);
[[noreturn]] void fail_at(const JsonPath& json_path, const std::string& message);

}  // namespace cf
