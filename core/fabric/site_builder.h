#pragma once
// Lays a generated cluster out on the floor: rows of racks, devices stacked in U order, PDUs on
// A/B feeds, cooling units, and links with lengths and media from positions. The generators say
// *what* to build; this says *where*.

#include <map>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "fabric/cabling.h"

namespace cf {

enum class CoolingChoice { Air, RearDoor, Liquid };

// Power a rack may draw under each cooling choice (docs/methods.md, "Rack density by cooling").
double rack_budget_w(CoolingChoice cooling, const Catalog& catalog);

class SiteBuilder {
 public:
  SiteBuilder(Design& design, const Catalog& catalog, CoolingChoice cooling);

  static constexpr double kRowPitch_m = 3.0;  // row to row: rack depth, hot and cold aisles
  static constexpr int kMaxRacksPerRow = 32;  // longer rows are split (aisle length ~20 m)

  // Starts a new row and returns its id.
  std::string add_row(const std::string& id, const std::string& name);
  int racks_in_row(const std::string& row_id) const { return next_position_.at(row_id); }
  // Sets the rows' y: compute rows on both sides of the network rows, so that the longest
  // leaf-to-spine run is about half the hall. Call before connect().
  void arrange_rows(const std::vector<std::string>& network_rows);
  // Adds an empty rack at the next position of `row`; returns its index in design.racks.
  std::size_t add_rack(const std::string& row_id, const std::string& id,
                       const std::string& catalog_id);
  // Mounts a device at the lowest free U of the rack (front); throws GenerateError when it does
  // not fit. Returns the device (valid until the next mount).
  Device& mount(std::size_t rack, const std::string& id, const std::string& catalog_id);
  // Whether a device of `catalog_id` still fits in the rack by U.
  bool fits(std::size_t rack, const std::string& catalog_id) const;

  // Connects two ports; the length comes from the racks, the medium from the catalog.
  void connect(const std::string& device_a, const std::string& port_a,
               const std::string& device_b, const std::string& port_b, double speed_bps,
               const std::string& fabric_id);

  // After all devices are placed: PDUs on A and B feeds sized so either side carries the rack,
  // and the cooling units for the chosen cooling.
  void finish_power_and_cooling();

 private:
  RackPlace place_of(std::size_t rack) const;
  int top_used_u(const Rack& rack) const;
  double rack_max_w(const Rack& rack) const;

  Design& d_;
  const Catalog& c_;
  CoolingChoice cooling_;
  std::map<std::string, int> next_position_;  // row id -> next free slot
  std::map<std::string, std::size_t> rack_of_device_;
  int link_counter_ = 0;
};

}  // namespace cf
