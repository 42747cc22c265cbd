#pragma once
// The rules a single object must satisfy where it stands: a device in its rack (catalog kind, U
// range, no overlap, breakout), a rack in its row slot, a link between two free ports. Edits refuse
// what breaks them; validation reports the same rules as Problems for files that break them.

#include <optional>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/ports.h"

namespace cf {

// U range [first, last] a device occupies, and on which faces.
struct Occupancy {
  int first = 0, last = -1;  // empty when last < first (zero-U devices)
  bool front = false, rear = false;
};

Occupancy occupancy(const Device& device, const Mountable& spec);
bool overlaps(const Occupancy& a, const Occupancy& b);

// Why `device` cannot be mounted in `rack` as it is (other devices with id `ignore_id` are not
// considered), or nullopt when it fits.
std::optional<std::string> check_mount(const Rack& rack, const Device& device, const Catalog& c,
                                       std::string_view ignore_id = {});

// Why `rack` cannot stand at its row position (racks or in-row units with id `ignore_id` aside).
std::optional<std::string> check_rack_slot(const Design& d, const Rack& rack, const Catalog& c,
                                           std::string_view ignore_id = {});

// Why `link` cannot exist in `d` (the link with id `ignore_id` aside).
std::optional<std::string> check_link(const Design& d, const Link& link, const Catalog& c,
                                      std::string_view ignore_id = {});

// A device by id (nullptr when absent).
const Device* find_device(const Design& d, std::string_view id);

}  // namespace cf
