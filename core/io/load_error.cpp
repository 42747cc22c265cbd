#include "io/load_error.h"

namespace cf {

LoadError::LoadError(std::string json_path, std::string message, int line, int column)
    : std::runtime_error(format("", json_path, message, line, column)),
      json_path_(std::move(json_path)),
      message_(std::move(message)),
      line_(line),
      column_(column) {}

LoadError LoadError::in_file(const std::string& file) const {
  LoadError copy = *this;
  copy.file_ = file;
  static_cast<std::runtime_error&>(copy) =
      std::runtime_error(format(file, json_path_, message_, line_, column_));
  return copy;
}

LoadError LoadError::under(const std::string& prefix) const {
  LoadError copy(prefix + json_path_, message_, line_, column_);
  return file_.empty() ? copy : copy.in_file(file_);
}

std::string LoadError::format(const std::string& file, const std::string& json_path,
                              const std::string& message, int line, int column) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  if (!json_path.empty()) out += (out.empty() ? "" : ": ") + std::string("at ") + json_path;
  return out + (out.empty() ? "" : ": ") + message;
}

void fail_at(const std::string& json_path, const std::string& message) {
  throw LoadError(json_path, message);
}

void fail_at(const JsonPath& json_path, const std::string& message) {
  throw LoadError(json_path.str(), message);
}

}  // namespace cf
