#include "design/design_devices.h"

#include <algorithm>
#include <unordered_map>

namespace cf {

namespace {

int port_count(const Mountable* spec) {
  int n = 0;
  if (spec)
    for (const auto& g : spec->ports) n += std::max(0, g.count);
  return n;
}

// A design names few catalog entries many times: each id is looked up in the catalog once.
template <class Lookup>
auto memoized(Lookup lookup) {
  using Value = decltype(lookup(std::string_view()));
  return [lookup, values = std::unordered_map<std::string_view, Value>()](
             std::string_view id) mutable -> const Value& {
    auto it = values.find(id);
    if (it == values.end()) it = values.emplace(id, lookup(id)).first;
    return it->second;
  };
}

struct Specs {
  const Mountable* spec;
  const ServerSpec* server;
  const SwitchSpec* network_switch;
};

}  // namespace

DesignDevices::DesignDevices(const Design& d, const Catalog& c) {
  auto specs_of = memoized([&](std::string_view id) {
    return Specs{c.mountable(id), c.server(id), c.network_switch(id)};
  });
  std::size_t devices = 0;
  for (const auto& rack : d.racks) devices += rack.devices.size();
  devices_.reserve(devices);
  by_id_ = IdTable<int>(devices);
  rack_first_.reserve(d.racks.size());
  for (std::size_t r = 0; r < d.racks.size(); ++r) {
    rack_first_.push_back(devices_.size());
    const auto& list = d.racks[r].devices;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Specs& s = specs_of(list[i].catalog_id);
      by_id_.try_emplace(list[i].id, static_cast<int>(devices_.size()));
      devices_.push_back({&list[i], static_cast<int>(r), static_cast<int>(i), s.spec, s.server,
                          s.network_switch, physical_ports_});
      physical_ports_ += port_count(s.spec);
    }
  }
  auto medium_of = memoized([&](std::string_view id) { return c.medium(id); });
  media_.reserve(d.links.size());
  for (const Link& link : d.links) media_.push_back(medium_of(link.medium_id));
}

int DesignDevices::find(std::string_view id) const {
  const int* device = by_id_.find(id);
  return device ? *device : -1;
}

}  // namespace cf
