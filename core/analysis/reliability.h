#pragma once
// Reliability and goodput of a design: interruptions per day from per-component failure rates,
// checkpoint size and write time, the optimal checkpoint interval (Young 1974, Daly 2006) and the
// useful fraction of time left for training. Formulas: docs/methods.md, "Reliability and goodput".

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "design/design_devices.h"
#include "io/json_reader.h"

namespace cf {

// One class of component: how many the design has and what they contribute.
struct ComponentFailures {
  std::string component;  // gpu, software, network, host, nic
  double count = 0;       // components of this class in the design
  double failures_per_day_each = 0;
  double failures_per_day = 0;  // count × failures_per_day_each
  std::string basis;            // where the rate comes from
};

struct ReliabilityReport {
  double failures_per_day = 0;
  double mtbf_hours = 0;  // 24 / failures_per_day; +infinity when nothing can fail
  std::optional<double> checkpoint_bytes;
  std::optional<double> storage_write_bytes_per_s;
  std::optional<double> checkpoint_write_s;  // δ
  std::optional<double> checkpoint_interval_young_s;
  std::optional<double> checkpoint_interval_s;    // Daly 2006, the one reported
  std::optional<double> lost_per_interruption_s;  // restart + (τ + δ)/2
  std::optional<double> goodput;                  // useful fraction of wall-clock time, 0-1
  double restart_s = 0;
  bool restart_is_default = true;  // the planning estimate, not a user figure
  std::string checkpoint_basis;    // assumption, scenario parameters, or unknown
  std::string storage_basis;       // assumption, storage systems, or unknown
  int switches = 0;                // for information: switches and optic modules in the design
  int optics = 0;                  // (their failures are in the per-GPU network rate)
  std::vector<ComponentFailures> by_component;
  std::vector<std::string> notes;  // why a figure is unknown

  // Stable keys failures_per_day, mtbf_hours, checkpoint_interval_s, goodput (null when unknown),
  // plus the extras documented in docs/cli.md.
  Json to_json() const;
};

ReliabilityReport analyze_reliability(const Design& design, const Catalog& catalog);
// The same, with the design's devices already looked up (analyze_design shares them).
ReliabilityReport analyze_reliability(const Design& design, const Catalog& catalog,
                                      const DesignDevices& devices);

// Young 1974: τ = sqrt(2 δ M).
double young_interval_s(double checkpoint_write_s, double mtbf_s);
// Daly 2006 (first order): τ = sqrt(2 δ M) − δ for δ < 2M, else M.
double daly_interval_s(double checkpoint_write_s, double mtbf_s);
// First-order useful fraction: (1 − (R + (τ + δ)/2)/M) / (1 + δ/τ), clamped to [0, 1].
double checkpoint_goodput(double interval_s, double checkpoint_write_s, double mtbf_s,
                          double restart_s);

}  // namespace cf
