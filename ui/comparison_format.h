#pragma once
// How the Compare view writes the figures of a DesignComparison: one display unit per row (so
// the columns of a row read alike), the value in it, and the difference against the baseline.
// Only converts and formats; every figure comes from the core's comparison.

#include <QString>
#include <optional>

#include "analysis/design_comparison.h"

namespace cf::ui {

// The unit a row is shown in, chosen from its largest figure (Tb/s or Gb/s, kW, million USD …).
struct DisplayUnit {
  QString label;       // "Tb/s", "kW", "%", "" for plain counts
  double divisor = 1;  // SI value / divisor = shown value
  int decimals = 0;
};

DisplayUnit display_unit(const ComparisonRow& row);

// The figure in `unit`, or the dash for no figure.
QString format_value(const std::optional<double>& value, const DisplayUnit& unit);

// The difference of design `i` against the baseline: "▲ +33.3 %" (relative) or, when the
// baseline is 0, the absolute change in `unit` ("▲ +1"); "=" when equal; empty for the baseline
// itself and when a figure is missing.
QString format_difference(const ComparisonRow& row, std::size_t i, const DisplayUnit& unit);

}  // namespace cf::ui
