#pragma once
// Every link end of a design resolved to the port it names, once, for validation and the network
// analysis, which would otherwise each parse every port name again. Physical ports are numbered
// across the design, so per-port bookkeeping is a vector indexed by that number rather than a map
// keyed by device id and port name. Refers to the design and the catalog: make a new one after any
// change to either.

#include <optional>
#include <vector>

#include "design/design_devices.h"
#include "design/ports.h"

namespace cf {

struct LinkEnd {
  int device = -1;                   // index into DesignDevices::all(); -1: no such device
  std::optional<ResolvedPort> port;  // empty: no device, no catalog entry, or no such port
  int physical_port = -1;            // design-wide number of the port's physical port, or -1
};

class DesignPorts {
 public:
  DesignPorts(const Design& design, const Catalog& catalog);
  DesignPorts(Design&&, const Catalog&) = delete;  // it would outlive what it refers to

  const DesignDevices& devices() const { return devices_; }

  // End `side` (0: a, 1: b) of Design::links[link].
  const LinkEnd& end(std::size_t link, int side) const { return ends_[2 * link + side]; }

  // Physical ports are numbered from 0 to DesignDevices::physical_ports(), device after device,
  // each device's in catalog order. The number of physical port `index` (1-based, within the
  // group's count) of `group`, one of the port groups of the device's catalog entry:
  static int physical_port(const DeviceEntry& device, const PortGroup& group, int index);

 private:
  DesignDevices devices_;
  std::vector<LinkEnd> ends_;  // two per link
};

}  // namespace cf
