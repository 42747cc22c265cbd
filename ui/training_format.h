#pragma once
// Text for the training figures of the scenario panel and the dashboard: durations, plans,
// throughput. Formatting only; the figures come from the core's TrainingReport.

#include <QString>

#include "training/plan.h"

namespace cf::ui {

// Seconds as "0.842 s", "12.5 min", "3.2 h" or "41.7 days".
QString format_duration(double seconds);
// "tp 8 · pp 4 · dp 32 · cp 1 · ep 1 · mbs 1 · vpp 2 · recompute full · ZeRO 1 · sp"
QString format_plan(const ParallelPlan& plan);
// A count with thousands separators of the C locale ("1,234,567"), rounded to a whole number.
QString format_count(double value);

}  // namespace cf::ui
