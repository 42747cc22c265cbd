#pragma once
// Where a row slot begins on the floor: the row's origin plus position × rack pitch along +x
// (docs/methods.md, "Cabling"). Cable lengths, the floor plan's footprints and drop targets all
// start from this one point.

#include "design/design.h"

namespace cf {

struct SlotOrigin {
  double x_m = 0, y_m = 0;
};

inline SlotOrigin slot_origin(const Site& site, const Row& row, int position) {
  return {row.x_m + position * site.rack_pitch_m, row.y_m};
}

}  // namespace cf
