#pragma once
// Every analysis of a design in one report: the summary, the network of each compute fabric, the
// scale-up domains and all Problems (validation and network). What `analyze` prints and what the
// GUI shows.

#include <string>
#include <vector>

#include "analysis/cooling.h"
#include "analysis/cost.h"
#include "analysis/network_report.h"
#include "analysis/power.h"
#include "analysis/reliability.h"
#include "analysis/scale_up.h"
#include "analysis/summary.h"
#include "design/problem.h"

namespace cf {

struct DesignReport {
  DesignSummary summary;
  PowerReport power;
  CoolingReport cooling;
  CostReport cost;
  ReliabilityReport reliability;
  NetworkReport network;
  std::vector<ScaleUpDomains> scale_up;
  // Everything check_design() reports, from the analyses above (the GUI's Problems list).
  std::vector<Problem> problems;

  // Stable keys (docs/cli.md): the summary's keys, power, cooling, cost, reliability, then
  // "network": {fabrics, scale_up, problems}.
  Json to_json() const;
  std::string to_text() const;
};

DesignReport analyze_design(const Design& design, const Catalog& catalog);

// Validation Problems, then the power, cooling and network analyses' Problems.
std::vector<Problem> check_design(const Design& design, const Catalog& catalog);

}  // namespace cf
