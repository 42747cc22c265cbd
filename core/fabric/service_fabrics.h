#pragma once
// The networks beside the compute fabric, sized from the servers' other ports: storage and
// in-band management as plain non-blocking Clos fabrics, out-of-band management as 1G access
// switches with 100G uplinks (docs/methods.md, "Service fabrics").

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "fabric/site_builder.h"

namespace cf {

// The devices of one scalable unit and the network rack in its row.
struct UnitDevices {
  std::size_t net_rack = 0;
  std::vector<std::string> devices;
};

struct ServiceFabricInputs {
  const Catalog& catalog;
  Design& design;
  SiteBuilder& site;
  const ServerSpec& server;
  const std::vector<std::string>& servers;
  const std::vector<UnitDevices>& units;
  std::vector<std::string>& network_devices;  // devices in the network rows (grows)
  std::vector<std::string>& notes;
};

// A Clos over every server port of `role`; skipped with a note when the servers have no such
// ports or the catalog has no Ethernet switch that carries them.
void add_data_fabric(ServiceFabricInputs& in, PortRole role, FabricKind kind, const std::string& id,
                     const std::string& name);

// Access switches for every out-of-band port (server BMCs, switch management ports), in each
// unit's network rack and in the network rows, uplinked to out-of-band spines.
void add_oob_fabric(ServiceFabricInputs& in);

}  // namespace cf
