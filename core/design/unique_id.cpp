#include "design/unique_id.h"

#include "design/design_index.h"

namespace cf {

std::string unique_id(const Design& design, std::string_view stem) {
  const DesignIndex index(design);
  const std::string prefix = std::string(stem) + "-";
  for (int n = 1;; ++n) {
    std::string id = prefix + std::to_string(n);
    if (!index.find(id)) return id;
  }
}

}  // namespace cf
