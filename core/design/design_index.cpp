#include "design/design_index.h"

namespace cf {

std::string to_string(ObjectType type) {
  switch (type) {
    case ObjectType::Row: return "row";
    case ObjectType::Rack: return "rack";
    case ObjectType::Device: return "device";
    case ObjectType::PowerFeed: return "power feed";
    case ObjectType::CoolingUnit: return "cooling unit";
    case ObjectType::Fabric: return "fabric";
    case ObjectType::Link: return "link";
    case ObjectType::Scenario: return "scenario";
  }
  return "object";
}

DesignIndex::DesignIndex(const Design& d) {
  std::size_t devices = 0;
  for (const auto& r : d.racks) devices += r.devices.size();
  objects_.reserve(d.rows.size() + d.racks.size() + devices + d.links.size() + 64);

  auto add_list = [&](const auto& list, ObjectType type, const char* key) {
    for (std::size_t i = 0; i < list.size(); ++i)
      put(list[i].id, {type, i, 0, "/" + std::string(key) + "/" + std::to_string(i)});
  };
  add_list(d.rows, ObjectType::Row, "rows");
  add_list(d.racks, ObjectType::Rack, "racks");
  for (std::size_t r = 0; r < d.racks.size(); ++r) {
    const auto& devs = d.racks[r].devices;
    for (std::size_t i = 0; i < devs.size(); ++i)
      put(devs[i].id, {ObjectType::Device, i, r,
                       "/racks/" + std::to_string(r) + "/devices/" + std::to_string(i)});
  }
  add_list(d.power_feeds, ObjectType::PowerFeed, "power_feeds");
  add_list(d.cooling_units, ObjectType::CoolingUnit, "cooling_units");
  add_list(d.fabrics, ObjectType::Fabric, "fabrics");
  add_list(d.links, ObjectType::Link, "links");
  add_list(d.scenarios, ObjectType::Scenario, "scenarios");
}

void DesignIndex::put(const std::string& id, ObjectLocation loc) {
  auto [it, inserted] = objects_.try_emplace(id, loc);
  if (!inserted) duplicates_.emplace_back(id, loc.json_path);
}

const ObjectLocation* DesignIndex::find(std::string_view id) const {
  auto it = objects_.find(id);
  return it == objects_.end() ? nullptr : &it->second;
}

std::optional<std::size_t> DesignIndex::index_of(std::string_view id, ObjectType type) const {
  const auto* loc = find(id);
  if (!loc || loc->type != type) return std::nullopt;
  return loc->index;
}

std::optional<std::size_t> DesignIndex::rack(std::string_view id) const {
  return index_of(id, ObjectType::Rack);
}

std::optional<std::size_t> DesignIndex::row(std::string_view id) const {
  return index_of(id, ObjectType::Row);
}

const ObjectLocation* DesignIndex::device(std::string_view id) const {
  const auto* loc = find(id);
  return loc && loc->type == ObjectType::Device ? loc : nullptr;
}

}  // namespace cf
