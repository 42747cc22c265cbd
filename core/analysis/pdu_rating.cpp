#include "analysis/pdu_rating.h"

#include <cmath>

namespace cf {

namespace {
double line_factor(int phases) { return phases == 3 ? std::sqrt(3.0) : 1.0; }
}  // namespace

double circuit_rating_w(double voltage_v, double current_a, int phases) {
  return voltage_v * current_a * line_factor(phases) * kContinuousLoadFactor;
}

double pdu_rating_w(const PduSpec& pdu) {
  return circuit_rating_w(pdu.voltage_v, pdu.current_a, pdu.phases);
}

double phase_current_a(double voltage_v, int phases, double w) {
  return w / (voltage_v * line_factor(phases));
}

}  // namespace cf
