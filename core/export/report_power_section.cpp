// Power and cooling: totals, by category, per feed and per rack (analyze_power, analyze_cooling).

#include <algorithm>
#include <unordered_map>

#include "catalog/units.h"
#include "export/report_sections.h"
#include "io/format.h"

namespace cf::report {

namespace {

std::string kw(double w) { return format_fixed(w / 1000.0, 1); }

ReportTable category_table(const PowerReport& p) {
  ReportTable t = table("IT power by category", {"Category", "Devices", "Load (kW)", "Maximum (kW)"}, {1, 2, 3});
  int devices = 0;
  for (const CategoryPower& c : p.categories) {
    devices += c.devices;
    if (c.devices > 0) t.rows.push_back({to_string(c.category), format_count(c.devices), kw(c.it_w), kw(c.it_max_w)});
  }
  t.rows.push_back({"Total", format_count(devices), kw(p.it_w), kw(p.it_max_w)});
  return t;
}

ReportTable feed_table(const PowerReport& p, const ReportOptions& options) {
  ReportTable t = table("Power feeds: both sides up, and the other side down (2N)",
                        {"Feed", "Capacity (kW)", "Normal (kW)", "Other side down (kW)", "Per phase then (A)",
                         "Share of capacity"},
                        {1, 2, 3, 4, 5});
  // The feeds nearest their capacity with the other side down first: the ones a review checks.
  auto share = [](const FeedLoad& f) { return f.capacity_w > 0 ? f.failover_w / f.capacity_w : 0.0; };
  std::vector<const FeedLoad*> feeds;
  for (const FeedLoad& f : p.feeds) feeds.push_back(&f);
  std::stable_sort(feeds.begin(), feeds.end(), [&](auto* a, auto* b) { return share(*a) > share(*b); });
  const std::size_t shown = std::min(feeds.size(), static_cast<std::size_t>(std::max(0, options.max_table_rows)));
  for (std::size_t i = 0; i < shown; ++i) {
    const FeedLoad& f = *feeds[i];
    t.rows.push_back({f.id, kw(f.capacity_w), kw(f.normal_w), kw(f.failover_w), format_fixed(f.failover_phase_a, 1),
                      f.capacity_w > 0 ? format_percent(share(f), 0) : kUnknownText});
  }
  t.note = capped_note(shown, feeds.size(), "feeds", "the most loaded");
  return t;
}

ReportTable rack_table(const PowerReport& p, const CoolingReport& cooling, const ReportOptions& options) {
  ReportTable t = table("Racks",
                        {"Rack", "Row", "Load (kW)", "Maximum (kW)", "PDU side A (kW)", "PDU side B (kW)",
                         "Cooling reaching (kW)", "Over cooling", "Recommended cooling"},
                        {2, 3, 4, 5, 6});
  std::unordered_map<std::string, const RackCooling*> cooling_of;
  for (const RackCooling& rc : cooling.racks) cooling_of[rc.id] = &rc;
  std::vector<const RackPowerReport*> racks;
  for (const RackPowerReport& r : p.racks) racks.push_back(&r);
  // The most loaded first: the racks a review looks at.
  std::stable_sort(racks.begin(), racks.end(), [](auto* a, auto* b) { return a->it_w > b->it_w; });
  const std::size_t shown = std::min(racks.size(), static_cast<std::size_t>(std::max(0, options.max_table_rows)));
  for (std::size_t i = 0; i < shown; ++i) {
    const RackPowerReport& r = *racks[i];
    const auto it = cooling_of.find(r.id);
    const RackCooling* rc = it == cooling_of.end() ? nullptr : it->second;
    t.rows.push_back({r.id, r.row_id, kw(r.it_w), kw(r.it_max_w), kw(r.side_a_capacity_w), kw(r.side_b_capacity_w),
                      rc ? kw(rc->air_capacity_w + rc->liquid_capacity_w) : kUnknownText,
                      rc ? (rc->over_capacity ? "yes" : "no") : kUnknownText, rc ? rc->recommended : kUnknownText});
  }
  t.note = capped_note(shown, racks.size(), "racks", "the most loaded");
  return t;
}

}  // namespace

ReportSection power_section(const DesignReport& r, const ReportOptions& options) {
  ReportSection s;
  s.id = "power";
  s.title = "Power and cooling";
  const PowerReport& p = r.power;
  const CoolingReport& c = r.cooling;
  s.paragraphs.push_back("Power at the training load: GPUs at " + format_percent(p.gpu_utilization, 0) +
                         " of their TDP, other devices at their typical draw; every watt drawn becomes heat "
                         "(docs/methods.md, \"Power\" and \"Cooling\").");
  auto fact = [&](std::string label, std::string value) { s.facts.emplace_back(std::move(label), std::move(value)); };
  fact("IT power (load)", format_kw(p.it_w));
  fact("IT power (max)", format_kw(p.it_max_w) + " (nameplate)");
  fact("IT power (idle)", format_kw(p.it_idle_w) +
                              (p.devices_without_idle > 0
                                   ? " (" + format_count(p.devices_without_idle) + " devices without an idle figure left out)"
                                   : ""));
  fact("PUE", format_fixed(p.pue, 2) + (p.pue_from_assumptions
                                            ? " (the design's assumption)"
                                            : " (from the liquid-cooled share of the load, " +
                                                  format_percent(p.liquid_fraction, 0) + ")"));
  fact("Facility power", format_kw(p.facility_w));
  fact("Densest rack", p.max_rack_id.empty() ? kUnknownText : format_kw(p.max_rack_w) + " (" + p.max_rack_id + ")");
  if (!p.feeds.empty()) {
    fact("Side A", format_kw(p.side_a_normal_w) + " normal, " + format_kw(p.side_a_failover_w) + " with side B down");
    fact("Side B", format_kw(p.side_b_normal_w) + " normal, " + format_kw(p.side_b_failover_w) + " with side A down");
  }
  if (p.devices_without_power > 0)
    fact("Devices without a power figure", format_count(p.devices_without_power) + " (left out of the sums)");
  fact("Heat", format_kw(c.heat_w) + " (" + format_count(c.heat_w * units::kWattsToBtuPerHour) + " BTU/h), " +
                   format_percent(c.liquid_fraction, 0) + " into liquid");
  fact("Airflow", format_count(c.airflow_cfm) + " CFM (air-cooled gear at a " + format_fixed(kAirDeltaT_F, 0) +
                      " \u00b0F rise)");
  fact("Cooling capacity", format_kw(c.capacity_w) + " reaching the racks");
  fact("Racks over cooling capacity", format_count(c.racks_over_capacity));
  s.charts = {"power-by-category", "rack-power"};
  s.tables.push_back(category_table(p));
  if (!p.feeds.empty()) s.tables.push_back(feed_table(p, options));
  s.tables.push_back(rack_table(p, c, options));
  return s;
}

}  // namespace cf::report
