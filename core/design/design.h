#pragma once
// The design document: site, rows, racks with mounted devices, power feeds, cooling units,
// fabrics, links between ports, and training scenarios. Plain data in SI units; every object has
// a stable id, unique across the whole design. `extra` keeps keys this version does not know, so
// a round trip through an older ClusterForge loses nothing.

#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_types.h"
#include "io/json_reader.h"

namespace cf {

enum class Face { Front, Rear };
enum class FeedSide { A, B };
enum class FabricKind { Compute, Storage, Inband, Oob, ScaleUp };

// Physical ports `prefix`first..last of a device configured as `lanes` lanes each
// (written "p1-p32": 2 in the file; ports then are named p1/1, p1/2 ...).
struct BreakoutRule {
  std::string prefix;
  int first = 0, last = 0;
  int lanes = 1;
  bool operator==(const BreakoutRule&) const = default;
};

struct Site {
  std::string name;
  double rack_pitch_m = 0.6;  // distance between neighbouring row positions
  double voltage_v = 415;     // facility distribution voltage (line-to-line)
  Json extra;
  bool operator==(const Site&) const = default;
};

struct Row {
  std::string id, name;
  double x_m = 0, y_m = 0;  // origin of position 0; positions run along +x
  Json extra;
  bool operator==(const Row&) const = default;
};

// A device mounted in a rack. `u` is the lowest U it occupies (1-based); 0 for a zero-U device
// (a vertical PDU). Full-depth devices occupy both faces.
struct Device {
  std::string id, name, catalog_id;
  int u = 1;
  Face face = Face::Front;
  std::string feed_id;  // PDUs: the power feed they hang on
  std::vector<BreakoutRule> breakouts;  // ports configured as split into lanes
  Json extra;
  bool operator==(const Device&) const = default;
};

struct Rack {
  std::string id, name, catalog_id, row_id;
  int position = 0;  // slot index along the row
  std::optional<double> power_limit_w;  // the site's budget for this rack, when it has one
  std::vector<Device> devices;
  Json extra;
  bool operator==(const Rack&) const = default;
};

struct PowerFeed {
  std::string id, name;
  FeedSide side = FeedSide::A;
  double voltage_v = 415;
  int phases = 3;
  double current_a = 0;
  Json extra;
  bool operator==(const PowerFeed&) const = default;
};

// A cooling unit outside the racks: on the floor, in a row slot, or on a rack's rear door.
struct CoolingUnit {
  std::string id, name, catalog_id;
  std::string row_id;  // floor and in-row units
  int position = 0;    // in-row units: row slot
  std::string rack_id; // rear-door units
  Json extra;
  bool operator==(const CoolingUnit&) const = default;
};

// What a fabric was designed to be (written by the generator or the user); the network analysis
// reports where the wiring departs from it.
struct FabricIntent {
  int tiers = 0;                 // switch tiers: 1, 2 or 3
  int planes = 1;                // independent copies of the fabric (each NIC port its own plane)
  bool rail_optimized = false;   // rail i of every server goes to leaf group i
  std::optional<double> leaf_oversubscription, spine_oversubscription;  // downlink:uplink, e.g. 1
  bool operator==(const FabricIntent&) const = default;
};

struct Fabric {
  std::string id, name;
  FabricKind kind = FabricKind::Compute;
  std::optional<FabricIntent> intent;
  Json extra;
  bool operator==(const Fabric&) const = default;
};

struct PortRef {
  std::string device_id, port;
  bool operator==(const PortRef&) const = default;
};

struct Link {
  std::string id;
  PortRef a, b;
  std::string medium_id;
  double length_m = 0;
  std::string fabric_id;
  Json extra;
  bool operator==(const Link&) const = default;
};

struct Scenario {
  std::string id, name, model;
  double tokens = 0;
  Precision precision = Precision::Bf16;
  std::optional<double> parameters;  // model parameters, when the model is not in the catalog
  Json extra;
  bool operator==(const Scenario&) const = default;
};

// The user's overrides of the analyses' defaults; an empty optional takes the documented default
// (docs/methods.md). Units in the names.
struct Assumptions {
  std::optional<double> gpu_utilization;          // 0-1: share of GPU TDP drawn while training
  std::optional<double> pue;                      // facility / IT power, instead of the derived one
  std::optional<double> energy_usd_per_kwh;
  std::optional<double> years;                    // TCO horizon
  std::optional<double> integration_factor;       // installation and integration, share of CapEx
  std::optional<double> cloud_usd_per_gpu_hour;   // rental price to compare with
  std::optional<double> checkpoint_bytes;         // instead of the one derived from the model
  std::optional<double> storage_write_bytes_per_s;  // instead of the design's storage systems
  std::optional<double> restart_s;                // time to resume after an interruption
  Json extra;
  bool operator==(const Assumptions&) const = default;
};

struct Design {
  static constexpr int kFormatVersion = 2;

  std::string name, description;
  Site site;
  std::vector<Row> rows;
  std::vector<Rack> racks;
  std::vector<PowerFeed> power_feeds;
  std::vector<CoolingUnit> cooling_units;
  std::vector<Fabric> fabrics;
  std::vector<Link> links;
  std::vector<Scenario> scenarios;
  Assumptions assumptions;
  Json extra;

  bool operator==(const Design&) const = default;
};

std::string to_string(Face face);
std::string to_string(FabricKind kind);

}  // namespace cf
