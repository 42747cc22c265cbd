#pragma once
// The devices of a design with their catalog entries, and every link end resolved to the port it
// names: made once and shared by validation and the analyses, which would otherwise each look up
// every device's catalog entry and parse every port name again, per link end. Physical ports are
// numbered across the design, so per-port bookkeeping is a vector indexed by that number rather
// than a map keyed by device id and port name. Refers to the design and the catalog: make a new
// one after any change to either.

#include <optional>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/id_table.h"
#include "design/ports.h"

namespace cf {

struct DeviceEntry {
  const Device* device = nullptr;
  int rack = 0, index = 0;             // Design::racks[rack].devices[index]
  const Mountable* spec = nullptr;     // nullptr: the catalog id is nothing that mounts in a rack
  const ServerSpec* server = nullptr;  // set when the catalog id is a server
  const SwitchSpec* network_switch = nullptr;  // set when it is a switch
  int first_port = 0;                  // number of its first physical port
};

struct LinkEnd {
  int device = -1;                   // index into DesignPorts::devices(); -1: no such device
  std::optional<ResolvedPort> port;  // empty: no device, no catalog entry, or no such port
  int physical_port = -1;            // design-wide number of the port's physical port, or -1
};

class DesignPorts {
 public:
  DesignPorts(const Design& design, const Catalog& catalog);
  DesignPorts(Design&&, const Catalog&) = delete;  // it would outlive what it refers to

  // Every device, in file order (rack by rack).
  const std::vector<DeviceEntry>& devices() const { return devices_; }
  const DeviceEntry& device(std::size_t rack, std::size_t index) const {
    return devices_[rack_first_[rack] + index];
  }
  // The device with this id (the first of duplicates), -1 when there is none.
  int find_device(std::string_view id) const;

  // End `side` (0: a, 1: b) of Design::links[link].
  const LinkEnd& end(std::size_t link, int side) const { return ends_[2 * link + side]; }
  // The link's medium, nullptr when its id is not a cable or optic of the catalog.
  const MediumSpec* medium(std::size_t link) const { return media_[link]; }

  // Physical ports of all devices with a catalog entry; numbers run from 0 to this.
  int physical_ports() const { return physical_ports_; }
  // The number of physical port `index` (1-based, within the group's count) of `group`, one of
  // the port groups of the device's catalog entry.
  int physical_port(const DeviceEntry& device, const PortGroup& group, int index) const;

 private:
  std::vector<DeviceEntry> devices_;
  std::vector<std::size_t> rack_first_;  // per rack: index of its first device
  IdTable<int> device_by_id_;
  std::vector<LinkEnd> ends_;            // two per link
  std::vector<const MediumSpec*> media_;
  int physical_ports_ = 0;
};

}  // namespace cf
