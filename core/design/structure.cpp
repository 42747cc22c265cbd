#include "design/structure.h"

#include "io/load_error.h"

namespace cf {

namespace {

// Paths are made only for the message: a large design has hundreds of thousands of references.
template <class Path>
void require_ref(const DesignIndex& index, const std::string& id, ObjectType type,
                 const Path& path) {
  const ObjectLocation* loc = index.find(id);
  if (!loc) fail_at(path(), "refers to unknown " + to_string(type) + " \"" + id + "\"");
  if (loc->type != type)
    fail_at(path(), "refers to \"" + id + "\", which is a " + to_string(loc->type) + ", not a " +
                        to_string(type));
}

auto path_of(const char* list, std::size_t i, const char* rest) {
  return [=] { return "/" + std::string(list) + "/" + std::to_string(i) + rest; };
}

}  // namespace

void check_structure(const Design& d, const DesignIndex& index) {
  if (!index.duplicates().empty()) {
    const auto& [id, path] = index.duplicates().front();
    fail_at(path + "/id", "duplicate id \"" + id + "\" (ids must be unique in a design)");
  }
  for (std::size_t r = 0; r < d.racks.size(); ++r) {
    const Rack& rack = d.racks[r];
    require_ref(index, rack.row_id, ObjectType::Row, path_of("racks", r, "/row"));
    for (std::size_t i = 0; i < rack.devices.size(); ++i) {
      const Device& dev = rack.devices[i];
      if (!dev.feed_id.empty())
        require_ref(index, dev.feed_id, ObjectType::PowerFeed, [&] {
          return "/racks/" + std::to_string(r) + "/devices/" + std::to_string(i) + "/feed";
        });
    }
  }
  for (std::size_t i = 0; i < d.cooling_units.size(); ++i) {
    const CoolingUnit& c = d.cooling_units[i];
    if (c.row_id.empty() && c.rack_id.empty())
      fail_at(path_of("cooling_units", i, "")(),
              "a cooling unit needs a \"row\" (floor or in-row unit) or a \"rack\" (door)");
    if (!c.row_id.empty())
      require_ref(index, c.row_id, ObjectType::Row, path_of("cooling_units", i, "/row"));
    if (!c.rack_id.empty())
      require_ref(index, c.rack_id, ObjectType::Rack, path_of("cooling_units", i, "/rack"));
  }
  for (std::size_t i = 0; i < d.links.size(); ++i) {
    const Link& l = d.links[i];
    require_ref(index, l.a.device_id, ObjectType::Device, path_of("links", i, "/a/device"));
    require_ref(index, l.b.device_id, ObjectType::Device, path_of("links", i, "/b/device"));
    if (l.a == l.b) fail_at(path_of("links", i, "/b")(), "a link cannot connect a port to itself");
    if (!l.fabric_id.empty())
      require_ref(index, l.fabric_id, ObjectType::Fabric, path_of("links", i, "/fabric"));
  }
}

}  // namespace cf
