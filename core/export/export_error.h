#pragma once
// One error type for every export (file formats and diagrams): the output it was writing and why.
// An export that fails leaves no partial file behind under the requested name.

#include <stdexcept>
#include <string>

namespace cf {

class ExportError : public std::runtime_error {
 public:
  // A reason that already names the output (a file system error passed on) is not prefixed twice.
  ExportError(const std::string& output, const std::string& reason)
      : std::runtime_error(reason.rfind(output + ": ", 0) == 0 ? reason : output + ": " + reason) {}
};

}  // namespace cf
