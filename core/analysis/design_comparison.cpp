#include "analysis/design_comparison.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>


namespace cf {

namespace {

using Figure = std::optional<double>;

// Two figures of the same analysis on the same input are bit-identical; a tolerance this small
// only absorbs the order in which sums were taken.
bool same(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b)); }

// Over the compute fabrics of a report: `pick` of each that has the figure, combined by `fold`.
Figure over_fabrics(const DesignReport& r, const std::function<Figure(const FabricReport&)>& pick,
                    const std::function<double(double, double)>& fold) {
  Figure out;
  for (const FabricReport& f : r.network.fabrics)
    if (Figure v = pick(f)) out = out ? fold(*out, *v) : *v;
  return out;
}
double plus(double a, double b) { return a + b; }
double larger(double a, double b) { return std::max(a, b); }
double smaller(double a, double b) { return std::min(a, b); }

class RowBuilder {
 public:
  explicit RowBuilder(const std::vector<ComparedDesign>& designs) : designs_(designs) {}

  void group(std::string name) { group_ = std::move(name); }

  void number(std::string key, std::string label, ComparisonUnit unit, Better better, std::string source,
              const std::function<Figure(const ComparedDesign&, std::string& note)>& figure) {
    ComparisonRow row = start(std::move(key), std::move(label), unit, better, std::move(source));
    for (const ComparedDesign& d : designs_) {
      std::string note;
      row.values.push_back(figure(d, note));
      row.notes.push_back(std::move(note));
    }
    rows_.push_back(std::move(row));
  }

  void text(std::string key, std::string label, std::string source,
            const std::function<std::string(const ComparedDesign&, std::string& note)>& figure) {
    ComparisonRow row = start(std::move(key), std::move(label), ComparisonUnit::Text, Better::Neither,
                              std::move(source));
    for (const ComparedDesign& d : designs_) {
      std::string note;
      row.texts.push_back(figure(d, note));
      row.notes.push_back(std::move(note));
    }
    rows_.push_back(std::move(row));
  }

  std::vector<ComparisonRow> finish() {
    for (ComparisonRow& row : rows_) differences(row);
    return std::move(rows_);
  }

 private:
  ComparisonRow start(std::string key, std::string label, ComparisonUnit unit, Better better, std::string source) {
    ComparisonRow row;
    row.group = group_;
    row.key = std::move(key);
    row.label = std::move(label);
    row.unit = unit;
    row.better = better;
    row.source = std::move(source);
    return row;
  }

  static void differences(ComparisonRow& row) {
    if (row.unit == ComparisonUnit::Text) {
      for (const std::string& t : row.texts) row.differs |= t != row.texts.front();
      return;
    }
    const Figure base = row.values.front();
    for (const Figure& v : row.values) {
      if (!v || !base) {
        row.differs |= v.has_value() != base.has_value();
        row.delta.emplace_back();
        row.relative.emplace_back();
        continue;
      }
      const bool equal = same(*v, *base);
      row.differs |= !equal;
      row.delta.push_back(equal ? 0.0 : *v - *base);
      if (equal)
        row.relative.push_back(0.0);
      else if (*base != 0)
        row.relative.push_back((*v - *base) / std::abs(*base));
      else
        row.relative.emplace_back();
    }
  }

  const std::vector<ComparedDesign>& designs_;
  std::string group_;
  std::vector<ComparisonRow> rows_;
};

std::vector<ComparisonRow> metric_rows(const std::vector<ComparedDesign>& designs, const Catalog& catalog) {
  using U = ComparisonUnit;
  using D = const ComparedDesign&;
  RowBuilder b(designs);
  auto count = [](int n) { return Figure(static_cast<double>(n)); };

  b.group("Scale");
  b.number("gpus", "GPUs", U::Count, Better::Neither, "summary: GPUs of the mounted servers (catalog)",
           [&](D d, std::string&) { return count(d.report->summary.gpus); });
  b.text("gpu_model", "GPU model", "catalog: the GPU of each mounted server model",
         [&](D d, std::string&) { return gpu_models(*d.design, catalog); });
  b.number("servers", "GPU servers", U::Count, Better::Neither, "summary: servers with GPUs",
           [&](D d, std::string&) { return count(d.report->summary.servers); });
  b.number("racks", "Racks", U::Count, Better::Neither, "summary: racks in the design",
           [&](D d, std::string&) { return count(d.report->summary.racks); });

  b.group("Network");
  const std::string no_fabric = "no compute fabric analysed";
  b.number("bisection_bps", "Bisection bandwidth", U::BitsPerSecond, Better::Higher,
           "network analysis: minimum max-flow over the candidate bisections, summed over the compute fabrics",
           [&](D d, std::string& note) {
             Figure v = over_fabrics(*d.report, [](const FabricReport& f) { return Figure(f.bisection_bps); }, plus);
             if (!v) note = no_fabric;
             return v;
           });
  b.number("gpu_link_bps", "GPU link rate", U::BitsPerSecond, Better::Higher,
           "network analysis: per-GPU scale-out link rate (the slowest compute fabric's median)",
           [&](D d, std::string& note) {
             Figure v = over_fabrics(*d.report, [](const FabricReport& f) { return Figure(f.gpu_link_bps); }, smaller);
             if (!v) note = no_fabric;
             return v;
           });
  b.number("oversubscription_leaf", "Leaf oversubscription", U::Ratio, Better::Lower,
           "network analysis: downlink:uplink bandwidth of the worst leaf switch",
           [&](D d, std::string& note) {
             Figure v = over_fabrics(*d.report, [](const FabricReport& f) { return f.oversubscription_leaf; }, larger);
             if (!v) note = "no leaf uplinks (a single-tier fabric) or no compute fabric";
             return v;
           });
  b.number("oversubscription_spine", "Spine oversubscription", U::Ratio, Better::Lower,
           "network analysis: downlink:uplink bandwidth of the worst spine switch",
           [&](D d, std::string& note) {
             Figure v = over_fabrics(*d.report, [](const FabricReport& f) { return f.oversubscription_spine; }, larger);
             if (!v) note = "no spine uplinks (fewer than three tiers) or no compute fabric";
             return v;
           });
  b.number("tiers", "Switch tiers", U::Count, Better::Neither,
           "network analysis: switch tiers found from the wiring (the deepest compute fabric)",
           [&](D d, std::string& note) {
             Figure v = over_fabrics(*d.report, [](const FabricReport& f) { return Figure(f.tiers); }, larger);
             if (!v) note = no_fabric;
             return v;
           });
  b.number("switches", "Switches", U::Count, Better::Neither, "summary: switches of every fabric",
           [&](D d, std::string&) { return count(d.report->summary.switches); });

  b.group("Power & cooling");
  auto without_power = [](D d, std::string& note) {
    if (d.report->power.devices_without_power > 0)
      note = std::to_string(d.report->power.devices_without_power) + " devices without a power figure are left out";
  };
  b.number("it_w", "IT power at load", U::Watts, Better::Lower,
           "power analysis: every device at the configured GPU utilization (catalog power figures)",
           [&](D d, std::string& note) { return without_power(d, note), Figure(d.report->power.it_w); });
  b.number("it_max_w", "IT power, nameplate", U::Watts, Better::Lower,
           "power analysis: sum of the devices' catalog maximum power",
           [&](D d, std::string& note) { return without_power(d, note), Figure(d.report->power.it_max_w); });
  b.number("facility_w", "Facility power", U::Watts, Better::Lower, "power analysis: IT power at load x PUE",
           [&](D d, std::string&) { return Figure(d.report->power.facility_w); });
  b.number("max_rack_w", "Densest rack", U::Watts, Better::Lower,
           "power analysis: the highest rack IT power at load",
           [&](D d, std::string& note) {
             if (d.report->power.racks.empty()) return note = "no racks", Figure();
             note = d.report->power.max_rack_id;
             return Figure(d.report->power.max_rack_w);
           });
  b.number("racks_over_cooling", "Racks over cooling capacity", U::Count, Better::Lower,
           "cooling analysis: racks whose heat exceeds the cooling that reaches them",
           [&](D d, std::string&) { return count(d.report->cooling.racks_over_capacity); });

  b.group("Cost");
  b.number("capex_usd", "CapEx", U::Usd, Better::Lower,
           "cost analysis: bill of materials at catalog prices plus integration",
           [&](D d, std::string& note) {
             const CostReport& c = d.report->cost;
             if (c.items_without_price > 0)
               note = std::to_string(c.items_without_price) + " BOM lines without a price are left out";
             if (c.capex_has_estimates) note += std::string(note.empty() ? "" : "; ") + "includes price estimates";
             return Figure(c.capex_usd);
           });
  b.number("tco_usd", "TCO", U::Usd, Better::Lower, "cost analysis: CapEx + years x energy cost",
           [&](D d, std::string& note) {
             note = "over " + std::to_string(static_cast<int>(d.report->cost.years)) + " years";
             return Figure(d.report->cost.tco_usd);
           });
  b.number("usd_per_gpu_hour", "Cost per GPU-hour", U::UsdPerGpuHour, Better::Lower,
           "cost analysis: TCO / (GPUs x years x 8760 h)",
           [&](D d, std::string& note) {
             if (d.report->cost.gpu_hours <= 0) return note = "no GPUs", Figure();
             return Figure(d.report->cost.usd_per_gpu_hour);
           });
  b.number("cloud_minus_tco_usd", "Saving against cloud rental", U::Usd, Better::Higher,
           "cost analysis: the same GPU-hours rented from a cloud minus the TCO",
           [&](D d, std::string& note) {
             if (d.report->cost.gpu_hours <= 0) return note = "no GPUs", Figure();
             return Figure(d.report->cost.cloud_minus_tco_usd);
           });

  b.group("Reliability");
  b.number("failures_per_day", "Interruptions per day", U::PerDay, Better::Lower,
           "reliability analysis: per-component failure rates x counts",
           [&](D d, std::string&) { return Figure(d.report->reliability.failures_per_day); });
  b.number("mtbf_hours", "MTBF", U::Hours, Better::Higher, "reliability analysis: 24 h / interruptions per day",
           [&](D d, std::string& note) {
             const double m = d.report->reliability.mtbf_hours;
             if (!std::isfinite(m)) return note = "nothing in the design can fail", Figure();
             return Figure(m);
           });
  b.number("goodput", "Goodput", U::Fraction, Better::Higher,
           "reliability analysis: useful share of time with Daly's checkpoint interval",
           [&](D d, std::string& note) {
             const ReliabilityReport& r = d.report->reliability;
             if (!r.goodput && !r.notes.empty()) note = r.notes.front();
             return r.goodput;
           });

  const bool any_training = std::any_of(designs.begin(), designs.end(), [](D d) { return d.training; });
  if (any_training) {
    b.group("Training");
    // The best plan's figure, or why there is none.
    auto best = [](D d, std::string& note) -> const Projection* {
      if (!d.training) return note = "not projected", nullptr;
      if (!d.training->best()) note = d.training->infeasible_reason.empty() ? "no plan fits" : d.training->infeasible_reason;
      return d.training->best();
    };
    b.text("best_plan", "Best plan", "training projection: the fastest plan of the search",
           [&](D d, std::string& note) {
             const Projection* p = best(d, note);
             return p ? describe(p->plan) + " (" + std::to_string(p->plan.gpus()) + " GPUs)" : std::string();
           });
    b.number("step_time_s", "Step time", U::Seconds, Better::Lower, "training projection: best plan",
             [&](D d, std::string& note) {
               const Projection* p = best(d, note);
               return p ? Figure(p->step_time_s) : Figure();
             });
    b.number("tokens_per_s", "Throughput", U::TokensPerSecond, Better::Higher, "training projection: best plan",
             [&](D d, std::string& note) {
               const Projection* p = best(d, note);
               return p ? Figure(p->tokens_per_s) : Figure();
             });
    b.number("mfu", "MFU", U::Fraction, Better::Higher,
             "training projection: model FLOPs against the dense peak at the precision",
             [&](D d, std::string& note) {
               const Projection* p = best(d, note);
               return p ? Figure(p->mfu) : Figure();
             });
    b.number("time_to_train_s", "Time to train", U::Seconds, Better::Lower,
             "training projection: tokens / throughput, over the goodput",
             [&](D d, std::string& note) {
               if (!best(d, note)) return Figure();
               if (!d.training->time_to_train_s) note = "no token count or goodput unknown";
               return d.training->time_to_train_s;
             });
  }
  return b.finish();
}

std::vector<InventoryRow> inventory_rows(const std::vector<ComparedDesign>& designs, const Catalog& catalog) {
  // BOM lines of one model (length buckets, several parents of a sub-item) add up.
  static const std::vector<std::string> order{"Racks", "Servers", "GPUs", "NICs", "Switches", "Storage",
                                              "PDUs", "Cooling", "Cables & optics"};
  auto rank = [](const std::string& category) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), category) - order.begin());
  };
  std::vector<InventoryRow> rows;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (std::size_t i = 0; i < designs.size(); ++i) {
    const Bom built = designs[i].bom ? Bom{} : build_bom(*designs[i].design, catalog);
    for (const BomLine& line : (designs[i].bom ? *designs[i].bom : built).lines) {
      auto key = std::make_pair(line.category, line.catalog_id);
      auto [it, added] = index.emplace(key, rows.size());
      if (added) {
        InventoryRow row;
        row.category = line.category;
        row.catalog_id = line.catalog_id;
        row.model = line.vendor.empty() ? line.model : line.vendor + " " + line.model;
        row.quantities.assign(designs.size(), 0);
        rows.push_back(std::move(row));
      }
      rows[it->second].quantities[i] += line.quantity;
    }
  }
  for (InventoryRow& row : rows)
    for (long long q : row.quantities) {
      row.delta.push_back(q - row.quantities.front());
      row.differs |= q != row.quantities.front();
    }
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const InventoryRow& a, const InventoryRow& b) { return rank(a.category) < rank(b.category); });
  return rows;
}

}  // namespace

int ComparisonRow::verdict(std::size_t i) const {
  if (better == Better::Neither || i >= delta.size() || !delta[i] || *delta[i] == 0) return 0;
  return (*delta[i] > 0) == (better == Better::Higher) ? 1 : -1;
}

std::vector<std::string> DesignComparison::group_names() const {
  std::vector<std::string> out;
  for (const ComparisonRow& r : rows)
    if (out.empty() || out.back() != r.group) out.push_back(r.group);
  return out;
}

const ComparisonRow* DesignComparison::row(const std::string& key) const {
  for (const ComparisonRow& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

std::string gpu_models(const Design& design, const Catalog& catalog) {
  std::vector<std::string> models;
  std::set<std::string> seen;
  for (const Rack& rack : design.racks)
    for (const Device& dev : rack.devices) {
      const ServerSpec* server = catalog.server(dev.catalog_id);
      if (!server || server->gpus <= 0 || !seen.insert(server->gpu_id).second) continue;
      const GpuSpec* gpu = catalog.gpu(server->gpu_id);
      models.push_back(gpu ? gpu->model : server->gpu_id);
    }
  std::string out;
  for (const std::string& m : models) out += (out.empty() ? "" : " + ") + m;
  return out;
}

DesignComparison compare_designs(const std::vector<ComparedDesign>& designs, const Catalog& catalog) {
  if (designs.empty()) throw std::invalid_argument("nothing to compare");
  for (const ComparedDesign& d : designs)
    if (!d.design || !d.report) throw std::invalid_argument("design \"" + d.name + "\" has no design or report");
  DesignComparison out;
  for (const ComparedDesign& d : designs) out.names.push_back(d.name);
  out.rows = metric_rows(designs, catalog);
  out.inventory = inventory_rows(designs, catalog);
  return out;
}

}  // namespace cf
