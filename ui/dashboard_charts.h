#pragma once
// The dashboard's charts, each built from core reports alone (no widget, no document), so the
// report exports of a later issue can render the very same QChart into a QGraphicsScene. Every
// chart is titled with its unit; the caller owns the returned chart.

#include <QString>

#include "analysis/cost.h"
#include "analysis/power.h"
#include "design/design.h"
#include "training/scaling_curve.h"
#include "training/training_report.h"

class QChart;

namespace cf::ui {

// IT power at the training load by category (pie, kW, role colours). The slices add up to
// power.it_w; the facility figure through the PUE is in the title.
QChart* power_category_chart(const PowerReport& power);

// IT power of the racks at the training load (horizontal bars, kW, most loaded on top), the `top`
// most loaded when there are more (the title says so). A bar's colour is its load against the rack's own power limit on the
// load scale: red over the limit, grey where the rack has no limit.
QChart* rack_power_chart(const PowerReport& power, const Design& design, int top = 20);

// Cost over the TCO horizon (horizontal bars): hardware by BOM category, integration, and energy
// over the years; TCO, CapEx and OpEx in the title. $ thousands or millions by size.
QChart* cost_chart(const CostReport& cost);

// The best plan's step time by component (stacked bar, s); null when no plan fits.
QChart* step_time_chart(const TrainingReport& report);

// Throughput (tokens/s, left axis) and time to train (days, right axis) against the GPUs given
// to the job (log2 axis), throughput in thousands or millions of tokens/s by size (the axis and
// the series name say which). Points without a plan are left out.
QChart* scaling_chart(const ScalingCurve& curve);

// A chart that says why it has nothing to show (no design, no projection yet, ...).
QChart* empty_chart(const QString& title, const QString& why);

// The words of each step-time component, in the order of StepBreakdown.
QString step_component_name(int index);
inline constexpr int kStepComponents = 9;
double step_component_s(const StepBreakdown& b, int index);

}  // namespace cf::ui
