#pragma once
// The headline figures of a design: what it holds and its IT power at nameplate maximum.

#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/json_reader.h"

namespace cf {

struct RackPower {
  std::string id;
  double max_w = 0;  // sum of the nameplate maximum of its devices
};

struct DesignSummary {
  std::string name;
  int gpus = 0;
  int servers = 0;   // servers with GPUs
  int switches = 0;
  int storage = 0;
  int racks = 0;
  int links = 0;
  double it_max_w = 0;          // sum of device nameplate maxima (docs/methods.md)
  double max_rack_w = 0;
  std::string max_rack_id;  // the densest rack (the first of equals)
  int devices_without_power = 0;  // left out of the sums; validation names them
  std::vector<RackPower> rack_power;

  // Stable keys, documented in docs/cli.md.
  Json to_json() const;
  // A few lines for people (the CLI's and the GUI's summary).
  std::string to_text() const;
};

DesignSummary summarize(const Design& design, const Catalog& catalog);

}  // namespace cf
