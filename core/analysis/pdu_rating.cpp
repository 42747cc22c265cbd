#include "analysis/pdu_rating.h"

#include <cmath>

namespace cf {

double pdu_rating_w(const PduSpec& pdu) {
  double va = pdu.voltage_v * pdu.current_a * (pdu.phases == 3 ? std::sqrt(3.0) : 1.0);
  return va * kContinuousLoadFactor;
}

}  // namespace cf
