#pragma once
// How each design object maps to JSON (keys, ranges, units): one table per type, shared by the
// file reader/writer and the SetProperty edit.

#include "design/design.h"
#include "io/field_table.h"

namespace cf {

const FieldTable<Site>& site_fields();
const FieldTable<Row>& row_fields();
const FieldTable<Device>& device_fields();
const FieldTable<Rack>& rack_fields_of_design();
const FieldTable<PowerFeed>& power_feed_fields();
const FieldTable<CoolingUnit>& cooling_unit_fields();
const FieldTable<FabricIntent>& fabric_intent_fields();
const FieldTable<Fabric>& fabric_fields();
const FieldTable<Link>& link_fields();
const FieldTable<Scenario>& scenario_fields();
const FieldTable<Assumptions>& assumption_fields();
const FieldTable<Design>& design_fields();

// Largest values a design may hold; anything beyond is refused as absurd.
namespace limits {
inline constexpr int kMaxRackUnits = 60;
inline constexpr int kMaxRowPosition = 10000;
inline constexpr double kMaxCoordinate_m = 100000;
inline constexpr double kMaxLinkLength_m = 100000;
inline constexpr double kMaxTokens = 1e18;
}  // namespace limits

}  // namespace cf
