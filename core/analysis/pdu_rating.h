#pragma once
// Usable power of a PDU from its voltage, current and phases (docs/methods.md, "PDU rating").

#include "catalog/catalog_types.h"

namespace cf {

inline constexpr double kContinuousLoadFactor = 0.8;  // NEC 210.20(A): 80 % continuous loading

// Usable power of a circuit: √3 × V_LL × I × 0.8 for three-phase, V × I × 0.8 for
// single-phase; unity power factor. A PDU and a feed are both rated this way.
double circuit_rating_w(double voltage_v, double current_a, int phases);
double pdu_rating_w(const PduSpec& pdu);

// Current in each phase conductor carrying `w`: three-phase balanced P / (√3 × V_LL),
// single-phase P / V.
double phase_current_a(double voltage_v, int phases, double w);

}  // namespace cf
