// Assumptions and sources: what the analyses assumed (the design's value or the documented
// default, and which defaults are estimates), the failure rates, and where every component and
// model figure comes from.

#include <algorithm>
#include <set>

#include "analysis/cost_defaults.h"
#include "analysis/power.h"
#include "analysis/reliability_defaults.h"
#include "export/report_sections.h"
#include "io/format.h"

namespace cf::report {

namespace {

const char* kDesigns = "the design's assumption";

// One row: the assumption, the value the analyses used, where it comes from, and whether that
// source is an estimate.
struct Row {
  std::string name, value, basis, estimate;
};

std::vector<Row> assumption_rows(const Design& d, const DesignReport& r) {
  const Assumptions& a = d.assumptions;
  const PowerReport& p = r.power;
  const CostReport& c = r.cost;
  const ReliabilityReport& rel = r.reliability;
  auto given = [](bool set, std::string basis, std::string estimate) {
    return set ? std::pair<std::string, std::string>{kDesigns, "\u2014"} : std::pair{std::move(basis), std::move(estimate)};
  };
  std::vector<Row> rows;
  auto add = [&](std::string name, std::string value, std::pair<std::string, std::string> basis) {
    rows.push_back({std::move(name), std::move(value), std::move(basis.first), std::move(basis.second)});
  };
  add("GPU power while training", format_percent(p.gpu_utilization, 0) + " of TDP",
      given(a.gpu_utilization.has_value(), "default: GPUs at TDP, the provisioning assumption", "no"));
  add("PUE", format_fixed(p.pue, 2),
      given(a.pue.has_value(),
            "derived: air-cooled load at " + format_fixed(kAirPue, 2) + " (Uptime Institute survey average, 2024), "
            "liquid-cooled load at " + format_fixed(kLiquidPue, 2) + " (" + format_percent(p.liquid_fraction, 0) +
            " of the load)",
            p.liquid_fraction > 0 ? "liquid PUE is an estimate" : "no"));
  add("Energy price", "$" + format_fixed(c.energy_usd_per_kwh, 4) + " per kWh",
      given(a.energy_usd_per_kwh.has_value(), "default: US industrial average, 2023 (EIA)", "no"));
  add("TCO horizon", format_fixed(c.years, 0) + " years",
      given(a.years.has_value(), "default: five-year AI server depreciation (theCUBE Research)", "no"));
  add("Integration", format_percent(c.integration_factor, 0) + " of hardware",
      given(a.integration_factor.has_value(), "default: none assumed (no public figure)", "left out"));
  add("Cloud price to compare", "$" + format_fixed(c.cloud_usd_per_gpu_hour, 2) + " per GPU-hour",
      given(a.cloud_usd_per_gpu_hour.has_value(), "default: on-demand H100 price in a 2026 market survey",
            "market price, changes"));
  add("Checkpoint size", rel.checkpoint_bytes ? format_gb(*rel.checkpoint_bytes) : kUnknownText,
      given(a.checkpoint_bytes.has_value(),
            "design: " + rel.checkpoint_basis + "; training projections: model parameters \u00d7 " +
                format_fixed(reliability_defaults::kCheckpointBytesPerParameter, 0) + " bytes",
            rel.checkpoint_bytes ? "no" : "\u2014"));
  add("Storage write bandwidth",
      rel.storage_write_bytes_per_s ? format_fixed(*rel.storage_write_bytes_per_s / 1e9, 1) + " GB/s" : kUnknownText,
      given(a.storage_write_bytes_per_s.has_value(), rel.storage_basis, rel.storage_write_bytes_per_s ? "no" : "\u2014"));
  add("Restart after an interruption", format_duration(rel.restart_s),
      given(!rel.restart_is_default, "default: planning estimate (no published figure)", "yes"));
  return rows;
}

ReportTable failure_table(const ReliabilityReport& rel) {
  ReportTable t = table("Failure rates", {"Component", "Count", "Per component per day", "Per day", "Basis"},
                        {1, 2, 3});
  for (const ComponentFailures& f : rel.by_component) {
    char each[32];
    std::snprintf(each, sizeof each, "%.3g", f.failures_per_day_each);
    t.rows.push_back({f.component, format_count(f.count), each, format_fixed(f.failures_per_day, 3), f.basis});
  }
  t.rows.push_back({"Total", "", "", format_fixed(rel.failures_per_day, 3), ""});
  return t;
}

ReportTable component_sources(const Catalog& catalog, const Bom& bom) {
  ReportTable t = table("Catalog sources of the components used",
                        {"Catalog id", "Item", "Confidence", "Specification source", "Price"}, {});
  const std::vector<std::string>& overridden = catalog.overridden();
  std::set<std::string> seen;
  for (const BomLine& l : bom.lines) {
    if (l.catalog_id.empty() || !seen.insert(l.catalog_id).second) continue;  // fibre runs: no catalog entry
    const CatalogItem* item = catalog.item(l.catalog_id);
    if (!item) {  // not every kind is reachable through Catalog::item(): the BOM line carries its source
      t.rows.push_back({l.catalog_id, l.vendor + " " + l.model, kUnknownText, l.source.empty() ? kUnknownText : l.source,
                        l.unit_price_usd ? format_usd(*l.unit_price_usd) + (l.price_estimate ? ", estimate" : "")
                                         : std::string("unknown")});
      continue;
    }
    std::string price = item->price_usd ? format_usd(*item->price_usd) : std::string("unknown");
    if (item->price_usd && item->price_estimate) price += ", estimate";
    if (!item->price_source.empty()) price += " (" + item->price_source + ")";
    std::string id = item->id;
    if (std::find(overridden.begin(), overridden.end(), id) != overridden.end()) id += " (user catalog)";
    t.rows.push_back({id, item->vendor + " " + item->model, item->confidence.empty() ? kUnknownText : item->confidence,
                      item->source.empty() ? kUnknownText : item->source, price});
  }
  return t;
}

}  // namespace

ReportSection assumptions_section(const Design& d, const Catalog& catalog, const DesignReport& r, const Bom& bom,
                                  const std::vector<ScenarioProjection>& scenarios) {
  ReportSection s;
  s.id = "assumptions";
  s.title = "Assumptions and sources";
  s.paragraphs.push_back(
      "Every formula and default is explained, with its citation, in docs/methods.md; catalog conventions in "
      "docs/catalog.md. A design's assumptions override the defaults (docs/file-formats.md, \"assumptions\").");
  ReportTable assumed = table("Assumptions", {"Assumption", "Value used", "Basis", "Estimate"}, {});
  for (Row& row : assumption_rows(d, r))
    assumed.rows.push_back({std::move(row.name), std::move(row.value), std::move(row.basis), std::move(row.estimate)});
  s.tables.push_back(std::move(assumed));
  for (const std::string& n : r.reliability.notes) s.paragraphs.push_back(sentence("Reliability: " + n));
  s.tables.push_back(failure_table(r.reliability));
  s.tables.push_back(component_sources(catalog, bom));
  if (!scenarios.empty()) {
    ReportTable models = table("Training models", {"Scenario", "Model", "Source"}, {});
    for (const ScenarioProjection& sp : scenarios)
      models.rows.push_back({sp.scenario_name, sp.model_id, sp.model_source.empty() ? kUnknownText : sp.model_source});
    s.tables.push_back(std::move(models));
  }
  return s;
}

}  // namespace cf::report
