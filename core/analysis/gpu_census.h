#pragma once
// Which GPUs a design holds: each GPU model of its GPU servers with its count (the start page's
// "1,016 x H100 SXM5 80GB").

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

struct GpuCount {
  std::string gpu_id;
  std::string vendor, model;  // from the catalog; empty when the GPU id is not in it
  int gpus = 0;
};

// The GPU models of the design's GPU servers, most numerous first (equal counts by id). Counts
// the same servers as summarize(): the counts add up to DesignSummary::gpus.
std::vector<GpuCount> gpu_census(const Design& design, const Catalog& catalog);

}  // namespace cf
