#pragma once
// Lookup of design objects by id. Built from a Design in one pass; it refers to the design's ids,
// so rebuild it after any change to the design (the edits do).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "design/design.h"
#include "design/id_table.h"

namespace cf {

enum class ObjectType { Row, Rack, Device, PowerFeed, CoolingUnit, Fabric, Link, Scenario };

struct ObjectLocation {
  ObjectType type;
  std::size_t index = 0;      // in its list (devices: in the rack)
  std::size_t rack_index = 0; // devices only

  // Where the object is in the design file, e.g. /racks/3/devices/2 (made on demand: few are
  // ever asked for, and a large design has hundreds of thousands of objects).
  std::string json_path() const;
};

class DesignIndex {
 public:
  explicit DesignIndex(const Design& design);
  DesignIndex(Design&&) = delete;  // it would outlive the ids it refers to

  const ObjectLocation* find(std::string_view id) const;
  std::optional<std::size_t> rack(std::string_view id) const;
  const ObjectLocation* device(std::string_view id) const;
  std::optional<std::size_t> row(std::string_view id) const;

  // Ids that occur more than once, with the path of each later occurrence.
  const std::vector<std::pair<std::string, std::string>>& duplicates() const { return duplicates_; }

 private:
  std::optional<std::size_t> index_of(std::string_view id, ObjectType type) const;
  void put(std::string_view id, ObjectLocation loc);

  IdTable<ObjectLocation> objects_;  // keys view the design's ids
  std::vector<std::pair<std::string, std::string>> duplicates_;
};

std::string to_string(ObjectType type);

}  // namespace cf
