#include "fabric/cabling.h"

#include <cmath>
#include <tuple>

namespace cf {

double link_length_m(const RackPlace& a, const RackPlace& b, bool same_rack) {
  if (same_rack) return kInRackLength_m;
  double raw = (std::abs(a.x_m - b.x_m) + std::abs(a.y_m - b.y_m) + 2 * kVerticalRun_m) *
               (1 + kCableSlack);
  return std::ceil(raw * 10 - 1e-9) / 10;
}

namespace {

// 0 copper, 1 multimode, 2 single-mode; 3 unusable.
int medium_class(const MediumSpec& m) {
  if (m.type == "dac" || m.type == "acc") return 0;  // twinax, or twisted pair for 1G RJ45
  if (m.fiber == "mmf") return 1;
  if (m.fiber == "smf") return 2;
  return 3;
}

}  // namespace

const MediumSpec* pick_medium(const Catalog& catalog, double speed_bps, double length_m) {
  const MediumSpec* best = nullptr;
  auto key = [](const MediumSpec& m) {
    // Transceivers before AOCs within multimode: the usual structured-cabling choice.
    return std::make_tuple(medium_class(m), m.speed_bps, m.type == "aoc", m.reach_m, m.id);
  };
  for (const auto& [id, m] : catalog.media()) {
    if (m.breakout_ends > 1 || medium_class(m) == 3) continue;
    if (m.speed_bps < speed_bps || m.reach_m < length_m) continue;
    if (!best || key(m) < key(*best)) best = &m;
  }
  return best;
}

}  // namespace cf
