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

std::string ObjectLocation::json_path() const {
  auto in = [&](const char* list) { return "/" + std::string(list) + "/" + std::to_string(index); };
  switch (type) {
    case ObjectType::Row: return in("rows");
    case ObjectType::Rack: return in("racks");
    case ObjectType::Device:
      return "/racks/" + std::to_string(rack_index) + "/devices/" + std::to_string(index);
    case ObjectType::PowerFeed: return in("power_feeds");
    case ObjectType::CoolingUnit: return in("cooling_units");
    case ObjectType::Fabric: return in("fabrics");
    case ObjectType::Link: return in("links");
    case ObjectType::Scenario: return in("scenarios");
  }
  return "";
}

namespace {

std::size_t object_count(const Design& d) {
  std::size_t n = d.rows.size() + d.racks.size() + d.power_feeds.size() + d.cooling_units.size() +
                  d.fabrics.size() + d.links.size() + d.scenarios.size();
  for (const auto& r : d.racks) n += r.devices.size();
  return n;
}

}  // namespace

DesignIndex::DesignIndex(const Design& d) : objects_(object_count(d)) {

  auto add_list = [&](const auto& list, ObjectType type) {
    for (std::size_t i = 0; i < list.size(); ++i) put(list[i].id, {type, i, 0});
  };
  add_list(d.rows, ObjectType::Row);
  add_list(d.racks, ObjectType::Rack);
  for (std::size_t r = 0; r < d.racks.size(); ++r) {
    const auto& devs = d.racks[r].devices;
    for (std::size_t i = 0; i < devs.size(); ++i) put(devs[i].id, {ObjectType::Device, i, r});
  }
  add_list(d.power_feeds, ObjectType::PowerFeed);
  add_list(d.cooling_units, ObjectType::CoolingUnit);
  add_list(d.fabrics, ObjectType::Fabric);
  add_list(d.links, ObjectType::Link);
  add_list(d.scenarios, ObjectType::Scenario);
}

void DesignIndex::put(std::string_view id, ObjectLocation loc) {
  if (!objects_.try_emplace(id, loc).second)
    duplicates_.emplace_back(std::string(id), loc.json_path());
}

const ObjectLocation* DesignIndex::find(std::string_view id) const {
  return objects_.find(id);
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
