#pragma once
// Lookup of design objects by id and of links by port. Built from a Design in one pass; rebuild it
// after structural changes (the edits do).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "design/design.h"

namespace cf {

enum class ObjectType { Row, Rack, Device, PowerFeed, CoolingUnit, Fabric, Link, Scenario };

struct ObjectLocation {
  ObjectType type;
  std::size_t index = 0;      // in its list (devices: in the rack)
  std::size_t rack_index = 0; // devices only
  std::string json_path;      // e.g. /racks/3/devices/2
};

class DesignIndex {
 public:
  explicit DesignIndex(const Design& design);

  const ObjectLocation* find(std::string_view id) const;
  std::optional<std::size_t> rack(std::string_view id) const;
  const ObjectLocation* device(std::string_view id) const;
  std::optional<std::size_t> row(std::string_view id) const;

  // Ids that occur more than once, with the path of each later occurrence.
  const std::vector<std::pair<std::string, std::string>>& duplicates() const { return duplicates_; }

 private:
  std::optional<std::size_t> index_of(std::string_view id, ObjectType type) const;
  void put(const std::string& id, ObjectLocation loc);

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, ObjectLocation, Hash, std::equal_to<>> objects_;
  std::vector<std::pair<std::string, std::string>> duplicates_;
};

std::string to_string(ObjectType type);

}  // namespace cf
