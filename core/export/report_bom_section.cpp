// The bill of materials and what it costs over the TCO horizon (build_bom, analyze_cost).

#include "export/report_sections.h"
#include "io/format.h"

namespace cf::report {

namespace {

std::string price_text(const std::optional<double>& usd) { return usd ? format_usd(*usd) : kUnknownText; }

// "NVIDIA DGX H100 (nvidia-dgx-h100)"; a fibre run with its length bucket.
std::string item_name(const BomLine& l) {
  std::string name = l.vendor.empty() ? l.model : l.vendor + " " + l.model;
  if (name.empty()) name = l.catalog_id;
  if (!l.length.empty()) name += ", " + l.length;
  if (!l.catalog_id.empty() && name.find(l.catalog_id) == std::string::npos) name += " (" + l.catalog_id + ")";
  return name;
}

std::string lines_text(long long n) { return format_count(static_cast<double>(n)) + (n == 1 ? " line" : " lines"); }

ReportTable category_table(const Bom& bom, const CostReport& cost) {
  ReportTable t = table("By category", {"Category", "Lines", "Quantity", "Hardware price", "Note"}, {1, 2, 3});
  // One row per category, in the BOM's category order.
  for (std::size_t i = 0; i < bom.lines.size();) {
    const std::string& category = bom.lines[i].category;
    long long lines = 0, quantity = 0;
    bool included = true;
    for (; i < bom.lines.size() && bom.lines[i].category == category; ++i) {
      ++lines;
      quantity += bom.lines[i].quantity;
      included = included && !bom.lines[i].included_in.empty();
    }
    std::string price = "in the systems", note;
    for (const CategoryCost& c : cost.hardware_by_category) {
      if (c.category != category) continue;
      price = c.lines_without_price == lines ? std::string(kUnknownText) : format_usd(c.usd);
      if (c.has_estimates) note = "includes estimates";
      if (c.lines_without_price > 0)
        note += (note.empty() ? "" : "; ") + lines_text(c.lines_without_price) + " without a price left out";
    }
    if (included) note = "ships inside the systems above, priced with them";
    t.rows.push_back({category, format_count(static_cast<double>(lines)), format_count(static_cast<double>(quantity)),
                      price, note});
  }
  return t;
}

ReportTable item_table(const Bom& bom) {
  ReportTable t = table("Items", {"Category", "Item (catalog id)", "Quantity", "Unit price", "Extended price",
                                  "Unit power", "Note"},
                        {2, 3, 4, 5});
  for (const BomLine& l : bom.lines) {
    std::string note;
    if (!l.included_in.empty()) note = "ships in " + l.included_in;
    if (l.price_estimate && l.unit_price_usd) note += (note.empty() ? "" : "; ") + std::string("estimated price");
    if (!l.unit_price_usd && l.included_in.empty()) note += (note.empty() ? "" : "; ") + std::string("price unknown");
    t.rows.push_back({l.category, item_name(l), format_count(static_cast<double>(l.quantity)),
                      price_text(l.unit_price_usd),
                      l.included_in.empty() ? price_text(l.extended_price_usd()) : "\u2014",
                      l.unit_power_w ? format_fixed(*l.unit_power_w, 0) + " W" : kUnknownText, note});
  }
  return t;
}

}  // namespace

ReportSection bom_section(const Bom& bom, const CostReport& cost) {
  ReportSection s;
  s.id = "bom";
  s.title = "Bill of materials and cost";
  s.paragraphs.push_back(
      "Every item the design uses, at catalog prices (docs/methods.md, \"Bill of materials counting\"). Unknown "
      "prices are left out of the totals, never counted as zero; estimated prices are flagged.");
  auto fact = [&](std::string label, std::string value) { s.facts.emplace_back(std::move(label), std::move(value)); };
  fact("Hardware (known prices)", format_usd(bom.total_price_usd) +
                                      (bom.total_has_estimates ? " (includes estimated prices)" : ""));
  fact("Lines without a price", format_count(bom.lines_without_price));
  fact("Nameplate power of the items", format_kw(bom.total_power_w));
  fact("Integration", format_usd(cost.integration_usd) + " (" + format_percent(cost.integration_factor, 0) +
                          " of hardware)");
  fact("CapEx", format_usd(cost.capex_usd));
  fact("Energy", format_count(cost.energy_kwh_per_year) + " kWh per year at $" +
                     format_fixed(cost.energy_usd_per_kwh, 4) + "/kWh: " + format_usd(cost.energy_usd_per_year) +
                     " per year");
  fact("TCO", format_usd(cost.tco_usd) + " over " + format_fixed(cost.years, 0) +
                  " years (CapEx + energy; maintenance not modelled)");
  fact("Cost per GPU-hour", cost.gpu_hours > 0 ? "$" + format_fixed(cost.usd_per_gpu_hour, 2) + " over " +
                                                     format_count(cost.gpu_hours) + " available GPU-hours"
                                               : kUnknownText);
  if (cost.gpu_hours > 0)
    fact("Same GPU-hours rented", format_usd(cost.cloud_usd) + " at $" + format_fixed(cost.cloud_usd_per_gpu_hour, 2) +
                                      " per GPU-hour: owning is " + format_usd(std::abs(cost.cloud_minus_tco_usd)) +
                                      (cost.cloud_minus_tco_usd >= 0 ? " cheaper" : " dearer"));
  s.charts.push_back("cost");
  s.tables.push_back(category_table(bom, cost));
  s.tables.push_back(item_table(bom));
  return s;
}

}  // namespace cf::report
