#pragma once
// The devices of a design with their catalog entries, found by id, and each link's medium: looked
// up once and shared by validation and the analyses, which would otherwise each look them up in
// the catalog again per device and per link. Refers to the design and the catalog: make a new one
// after any change to either.

#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/id_table.h"

namespace cf {

struct DeviceEntry {
  const Device* device = nullptr;
  int rack = 0, index = 0;             // Design::racks[rack].devices[index]
  const Mountable* spec = nullptr;     // nullptr: the catalog id is nothing that mounts in a rack
  const ServerSpec* server = nullptr;  // set when the catalog id is a server
  const SwitchSpec* network_switch = nullptr;  // set when it is a switch
  int first_port = 0;  // number of its first physical port, counting the ports of every device
                       // before it in catalog order (see DesignPorts)
};

class DesignDevices {
 public:
  DesignDevices(const Design& design, const Catalog& catalog);
  DesignDevices(Design&&, const Catalog&) = delete;  // it would outlive what it refers to

  // Every device, in file order (rack by rack).
  const std::vector<DeviceEntry>& all() const { return devices_; }
  const DeviceEntry& at(std::size_t rack, std::size_t index) const {
    return devices_[rack_first_[rack] + index];
  }
  // The device with this id (the first of duplicates), -1 when there is none.
  int find(std::string_view id) const;

  // The medium of Design::links[link], nullptr when its id is not a cable or optic.
  const MediumSpec* medium(std::size_t link) const { return media_[link]; }

  // Physical ports of all devices with a catalog entry.
  int physical_ports() const { return physical_ports_; }

 private:
  std::vector<DeviceEntry> devices_;
  std::vector<std::size_t> rack_first_;  // per rack: index of its first device
  IdTable<int> by_id_;
  std::vector<const MediumSpec*> media_;
  int physical_ports_ = 0;
};

}  // namespace cf
