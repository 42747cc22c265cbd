#pragma once
// One error type for every export (file formats and diagrams): the output it was writing and why.
// An export that fails leaves no partial file behind under the requested name.

#include <stdexcept>
#include <string>

namespace cf {

class ExportError : public std::runtime_error {
 public:
  ExportError(const std::string& output, const std::string& reason)
      : std::runtime_error(output + ": " + reason) {}
};

}  // namespace cf
