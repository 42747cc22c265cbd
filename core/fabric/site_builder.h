#pragma once
// Lays a generated cluster out on the floor: rows of racks, devices stacked in U order, PDUs on
// A/B feeds, cooling units, and links with lengths and media from positions. The generators say
// *what* to build; this says *where*.

#include <map>
#include <unordered_map>
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
  // Mounts a network device (spine, core, appliance) in the network rows: racks filled by U and
  // by the cooling budget, rows of at most kMaxRacksPerRow racks.
  Device& mount_in_network_rows(const std::string& id, const std::string& catalog_id);
  // Sets the rows' y: compute rows on both sides of the network rows, so that the longest
  // leaf-to-spine run is about half the hall. Call before cable().
  void arrange_rows();
  std::size_t rack_of(const std::string& device_id) const { return rack_of_device_.at(device_id); }
  // Adds an empty rack at the next position of `row`; returns its index in design.racks.
  std::size_t add_rack(const std::string& row_id, const std::string& id,
                       const std::string& catalog_id);
  // Mounts a device at the lowest free U of the rack (front); throws GenerateError when it does
  // not fit. Returns the device (valid until the next mount).
  Device& mount(std::size_t rack, const std::string& id, const std::string& catalog_id);
  // Whether a device of `catalog_id` still fits in the rack by U.
  bool fits(std::size_t rack, const std::string& catalog_id) const;

  // Records a link between two ports; cable() gives it its length and medium once every rack
  // stands where it will stay.
  void connect(const std::string& device_a, const std::string& port_a,
               const std::string& device_b, const std::string& port_b, double speed_bps,
               const std::string& fabric_id);
  // Turns the recorded links into design links: length from the racks' positions, medium from
  // the catalog. Throws GenerateError when no medium reaches.
  void cable();

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
  std::unordered_map<std::string, std::size_t> rack_of_device_;
  std::vector<std::string> network_rows_;
  std::size_t network_rack_ = 0;
  double network_rack_w_ = 0;
  int network_racks_ = 0;
  struct PendingLink {
    std::string a, port_a, b, port_b;
    double speed_bps;
    std::string fabric;
  };
  std::vector<PendingLink> pending_;
};

}  // namespace cf
