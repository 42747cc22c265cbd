#pragma once
// Bill of materials: every physical item a design uses — devices, sub-items, racks, cooling, and
// every cable, optic and fibre run by type and length bucket — with quantity, unit and extended
// price and power. Unknown prices stay unknown (never zero) and estimates are flagged.

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/json_reader.h"

namespace cf {

struct BomLine {
  std::string category;  // Racks, Servers, GPUs, NICs, Switches, Storage, PDUs, Cooling, Cables & optics
  std::string catalog_id, vendor, model;
  std::string included_in;  // sub-items (GPUs, NICs): the catalog id of the system they ship in
  std::string length;       // cables and fibre runs: the length bucket, e.g. "3 m" or "<= 10 m"
  long long quantity = 0;
  std::optional<double> unit_price_usd;
  bool price_estimate = false;
  std::optional<double> unit_power_w;  // nameplate maximum per unit
  std::string source;
  std::string price_source;  // where the price was read, when the catalog names it (estimates do)

  // Extended figures; sub-items are priced in their parent, so they add nothing.
  std::optional<double> extended_price_usd() const;
  std::optional<double> extended_power_w() const;
};

struct Bom {
  std::vector<BomLine> lines;
  double total_price_usd = 0;   // of the lines with a known price
  bool total_has_estimates = false;
  int lines_without_price = 0;  // top-level lines whose price is unknown
  double total_power_w = 0;     // nameplate of the rack-mounted devices: analyze's it_max_w
};

Bom build_bom(const Design& design, const Catalog& catalog);

std::string bom_to_csv(const Bom& bom);
std::string bom_to_markdown(const Bom& bom, const std::string& title);
Json bom_to_json(const Bom& bom);

}  // namespace cf
