#pragma once
// A Problem: something wrong with a design that the user should see and fix.

#include <string>
#include <vector>

namespace cf {

enum class Severity { Error, Warning, Info };

struct Problem {
  Severity severity = Severity::Error;
  std::string code;       // stable, e.g. "overlapping-u" (docs/file-formats.md lists them)
  std::string message;
  std::string path;       // JSON path of the culprit, e.g. /racks/3/devices/2
  std::string object_id;  // id of the culprit, for selecting it

  bool operator==(const Problem&) const = default;
};

std::string to_string(Severity s);
bool has_errors(const std::vector<Problem>& problems);

}  // namespace cf
