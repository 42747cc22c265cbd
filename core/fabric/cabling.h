#pragma once
// Cable lengths from rack positions, and the medium picked for a length (docs/methods.md,
// "Cabling").

#include <optional>
#include <string>

#include "catalog/catalog.h"

namespace cf {

struct RackPlace {
  double x_m = 0, y_m = 0;
};

inline constexpr double kInRackLength_m = 1.5;   // patch inside one rack
inline constexpr double kVerticalRun_m = 1.5;    // from a device up to the overhead tray, each end
inline constexpr double kCableSlack = 0.10;      // 10 % service loop and routing slack

// Length of a link between devices in racks at `a` and `b` (the same rack when `same_rack`),
// rounded up to 0.1 m: (|dx| + |dy| + 2 × vertical run) × (1 + slack) between racks.
double link_length_m(const RackPlace& a, const RackPlace& b, bool same_rack);

// The medium for a link of `speed_bps` and `length_m`: passive/active copper within its reach,
// else multimode optics, else single-mode; within a class the slowest sufficient speed, then the
// shortest sufficient reach, then the id. Splitter cables are not chosen. nullopt when nothing
// in the catalog reaches.
const MediumSpec* pick_medium(const Catalog& catalog, double speed_bps, double length_m);

}  // namespace cf
