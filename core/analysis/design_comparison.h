#pragma once
// Two or more designs side by side: the headline figures of their reports (scale, network, power
// and cooling, cost, reliability and, when given, a training projection of the same request on
// each), each with its unit, which direction is better and its difference from the first design
// (the baseline); and the inventory that explains the differences — the catalog models and counts
// of their bills of materials. Only reads figures the reports computed; a figure a report does not
// have stays empty, never zero.

#include <optional>
#include <string>
#include <vector>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "io/bom.h"
#include "training/training_report.h"

namespace cf {

// One design to compare. `design` and `report` are required; `training` is optional (the same
// TrainingRequest projected on each design); `bom` is the design's bill of materials when the
// caller keeps one (built here otherwise: about 150 ms at 100,000 GPUs). The pointers must
// outlive compare_designs().
struct ComparedDesign {
  std::string name;
  const Design* design = nullptr;
  const DesignReport* report = nullptr;
  const TrainingReport* training = nullptr;
  const Bom* bom = nullptr;
};

// Units of the figures, in SI base units as stored; the views convert when formatting.
enum class ComparisonUnit {
  Text,           // a name (GPU model, best plan): `texts`, no `values`
  Count,
  BitsPerSecond,
  Watts,
  Usd,
  UsdPerGpuHour,
  PerDay,
  Hours,
  Seconds,
  Fraction,       // 0-1 (goodput, MFU)
  Ratio,          // x:1 (oversubscription)
  TokensPerSecond,
};

enum class Better { Higher, Lower, Neither };

struct ComparisonRow {
  std::string group;  // Scale, Network, Power & cooling, Cost, Reliability, Training
  std::string key;    // stable: "gpus", "bisection_bps" …
  std::string label;  // "GPUs", "Bisection bandwidth" …
  ComparisonUnit unit = ComparisonUnit::Count;
  Better better = Better::Neither;
  std::string source;  // where the figure comes from (a tooltip)
  // One entry per design, in input order. Numeric rows fill `values` (empty: no figure); text
  // rows fill `texts` (empty string: no figure).
  std::vector<std::optional<double>> values;
  std::vector<std::string> texts;
  std::vector<std::string> notes;  // why a figure is missing, or what it refers to (a rack id)
  // Against the baseline (index 0; its own entries are 0): value − baseline, and that over
  // |baseline| (empty when either figure is missing, or the baseline is 0 and the value is not).
  std::vector<std::optional<double>> delta, relative;
  // Some design's figure differs from the baseline's (a figure against no figure counts).
  bool differs = false;

  // +1: design i is better than the baseline, −1 worse, 0 equal, unknown or no better direction.
  int verdict(std::size_t i) const;
};

// One catalog model of the bills of materials and how many of it each design uses.
struct InventoryRow {
  std::string category;  // the BOM category: Servers, GPUs, NICs, Switches, Cables & optics …
  std::string catalog_id, model;
  std::vector<long long> quantities;  // per design, 0 when the design has none
  std::vector<long long> delta;       // quantity − the baseline's
  bool differs = false;
};

struct DesignComparison {
  std::vector<std::string> names;
  std::vector<ComparisonRow> rows;        // grouped, in the order of the groups above
  std::vector<InventoryRow> inventory;    // in BOM category order, then first appearance
  std::vector<std::string> group_names() const;
  const ComparisonRow* row(const std::string& key) const;
};

// Throws std::invalid_argument when a design or report is missing.
DesignComparison compare_designs(const std::vector<ComparedDesign>& designs, const Catalog& catalog);

// The GPU models of a design's servers ("H100 SXM5 80GB"; several joined with " + "); empty
// when it has no GPU server.
std::string gpu_models(const Design& design, const Catalog& catalog);

}  // namespace cf
