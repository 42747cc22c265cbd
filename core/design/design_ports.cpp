#include "design/design_ports.h"

#include <algorithm>

namespace cf {

DesignPorts::DesignPorts(const Design& d, const Catalog& c) : devices_(d, c) {
  ends_.resize(2 * d.links.size());
  for (std::size_t l = 0; l < d.links.size(); ++l) {
    const PortRef* refs[2] = {&d.links[l].a, &d.links[l].b};
    for (int side = 0; side < 2; ++side) {
      LinkEnd& end = ends_[2 * l + side];
      end.device = devices_.find(refs[side]->device_id);
      if (end.device < 0) continue;
      const DeviceEntry& dev = devices_.all()[end.device];
      if (!dev.spec) continue;
      end.port = resolve_port(*dev.spec, *dev.device, refs[side]->port);
      if (end.port) end.physical_port = physical_port(dev, *end.port->group, end.port->index);
    }
  }
}

int DesignPorts::physical_port(const DeviceEntry& device, const PortGroup& group, int index) {
  int n = device.first_port;
  for (const auto& g : device.spec->ports) {
    if (&g == &group) break;
    n += std::max(0, g.count);
  }
  return n + index - 1;
}

}  // namespace cf
