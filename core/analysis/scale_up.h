#pragma once
// Scale-up domains (NVLink, Infinity Fabric, Gaudi RoCE mesh): the GPUs that share one
// high-bandwidth fabric inside a server or a rack-scale system, from the catalog.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/json_reader.h"

namespace cf {

struct ScaleUpDomains {
  std::string server_id;    // the system that forms the domain
  std::string technology;   // e.g. "NVLink 4"
  int gpus = 0;             // GPUs of this server model in the design
  int gpus_per_domain = 0;
  int domains = 0;          // how many such domains the design holds
  double bandwidth_bps_per_gpu = 0;  // per direction (catalog, halved from bidirectional)

  Json to_json() const;
};

// One entry per server model with GPUs, in catalog-id order.
std::vector<ScaleUpDomains> analyze_scale_up(const Design& design, const Catalog& catalog);

}  // namespace cf
