#pragma once
// Generates a whole cluster design from intent: servers in racks, a rail-optimized Clos compute
// fabric per plane, the fabric manager, PDUs and cooling. The result is an ordinary Design; the
// analyses measure it like any hand-made one.

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "fabric/clos_plan.h"
#include "fabric/site_builder.h"

namespace cf {

struct ClusterRequest {
  std::optional<int> gpus, servers;  // exactly one
  std::string server_id, switch_id;
  int tiers = 0;                     // 2, 3, or 0 for auto
  double leaf_oversubscription = 1;  // downlink:uplink
  double spine_oversubscription = 1;
  int planes = 1;
  int servers_per_rack = 0;          // 0: as many as U, weight and the cooling budget allow
  CoolingChoice cooling = CoolingChoice::Air;
  bool service_fabrics = true;       // storage, in-band and out-of-band networks too
  bool leaves_at_row_end = false;    // a unit's leaf rack at the end of its racks, not the middle
  std::string name;
};

struct GeneratedCluster {
  Design design;
  std::vector<ClosPlan> planes;
  int servers_per_rack = 0;
  std::vector<std::string> notes;  // decisions worth telling the user
};

// Throws GenerateError with a clear reason when the request cannot be built.
GeneratedCluster generate_cluster(const ClusterRequest& request, const Catalog& catalog);

}  // namespace cf
