#pragma once
// Usable power of a PDU from its voltage, current and phases (docs/methods.md, "PDU rating").

#include "catalog/catalog_types.h"

namespace cf {

inline constexpr double kContinuousLoadFactor = 0.8;  // NEC 210.20(A): 80 % continuous loading

// √3 × V_LL × I × 0.8 for three-phase, V × I × 0.8 for single-phase; unity power factor.
double pdu_rating_w(const PduSpec& pdu);

}  // namespace cf
