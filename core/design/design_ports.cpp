#include "design/design_ports.h"

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

DesignPorts::DesignPorts(const Design& d, const Catalog& c) {
  auto specs_of = memoized([&](std::string_view id) {
    return Specs{c.mountable(id), c.server(id), c.network_switch(id)};
  });
  std::size_t devices = 0;
  for (const auto& rack : d.racks) devices += rack.devices.size();
  devices_.reserve(devices);
  device_by_id_ = IdTable<int>(devices);
  rack_first_.reserve(d.racks.size());
  for (std::size_t r = 0; r < d.racks.size(); ++r) {
    rack_first_.push_back(devices_.size());
    const auto& list = d.racks[r].devices;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const Specs& s = specs_of(list[i].catalog_id);
      device_by_id_.try_emplace(list[i].id, static_cast<int>(devices_.size()));
      devices_.push_back({&list[i], static_cast<int>(r), static_cast<int>(i), s.spec, s.server,
                          s.network_switch, physical_ports_});
      physical_ports_ += port_count(s.spec);
    }
  }

  auto medium_of = memoized([&](std::string_view id) { return c.medium(id); });
  ends_.resize(2 * d.links.size());
  media_.reserve(d.links.size());
  for (std::size_t l = 0; l < d.links.size(); ++l) {
    const Link& link = d.links[l];
    media_.push_back(medium_of(link.medium_id));
    const PortRef* refs[2] = {&link.a, &link.b};
    for (int side = 0; side < 2; ++side) {
      LinkEnd& end = ends_[2 * l + side];
      end.device = find_device(refs[side]->device_id);
      if (end.device < 0) continue;
      const DeviceEntry& dev = devices_[end.device];
      if (!dev.spec) continue;
      end.port = resolve_port(*dev.spec, *dev.device, refs[side]->port);
      if (end.port) end.physical_port = physical_port(dev, *end.port->group, end.port->index);
    }
  }
}

int DesignPorts::find_device(std::string_view id) const {
  const int* device = device_by_id_.find(id);
  return device ? *device : -1;
}

int DesignPorts::physical_port(const DeviceEntry& device, const PortGroup& group,
                               int index) const {
  int n = device.first_port;
  for (const auto& g : device.spec->ports) {
    if (&g == &group) break;
    n += std::max(0, g.count);
  }
  return n + index - 1;
}

}  // namespace cf
