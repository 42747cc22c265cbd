#pragma once
// Component specifications as loaded from the catalog, in SI units (see units.h).
// An optional<> that is empty means "the vendor publishes no figure": analyses report it as a
// Problem instead of assuming zero.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "io/json_reader.h"

namespace cf {

enum class ItemKind { Gpu, Server, Switch, Nic, Medium, Rack, Pdu, Cooling, Storage };

enum class Precision { Fp64, Tf32, Bf16, Fp16, Fp8, Fp4 };

enum class PortRole { Compute, Storage, Inband, Oob, Fabric };

// Everything every entry has.
struct CatalogItem {
  ItemKind kind = ItemKind::Gpu;
  std::string id, vendor, model, source, confidence, notes;
  std::optional<double> price_usd;
  bool price_estimate = false;
  std::string price_source;
  std::string file;  // where it was loaded from (for messages)
};

struct Breakout {
  int lanes = 1;
  double speed_bps = 0;
};

struct PortGroup {
  std::string name;
  PortRole role = PortRole::Compute;
  int count = 0;
  double speed_bps = 0;
  std::string connector;
  std::string nic_id;
  std::vector<Breakout> breakouts;
};

// Anything that takes rack space.
struct Mountable : CatalogItem {
  int rack_units = 0;
  bool full_depth = true;
  std::optional<double> depth_m, weight_kg;
  // Power draw; each figure may be unpublished. `power_estimate` marks planning figures.
  std::optional<double> max_power_w, typical_power_w, idle_power_w;
  bool power_estimate = false;
  std::string power_basis;
  std::vector<PortGroup> ports;
};

struct GpuSpec : CatalogItem {
  double memory_bytes = 0;
  double memory_bandwidth_bytes_per_s = 0;
  double tdp_w = 0;
  std::map<Precision, double> dense_flops;  // FLOP/s by precision
  std::string scale_up_technology;
  double scale_up_bandwidth_bps = 0;  // per direction, per GPU
  int scale_up_links = 0;
};

struct ServerSpec : Mountable {
  std::string gpu_id;
  int gpus = 0;
  std::string cooling;  // air, liquid, hybrid
  std::string role = "compute";
  std::string cpu;
  std::optional<double> airflow_cfm, system_memory_bytes;
  int scale_up_domain_gpus = 0;
  bool rack_scale = false;
  int compute_nodes = 1;  // hosts inside the system (18 compute trays in an NVL72), each with its
                          // share of the compute ports: the nodes of a rail-optimized fabric
};

struct SwitchSpec : Mountable {
  std::string protocol;  // infiniband, ethernet
  bool chassis = false;
};

struct NicSpec : CatalogItem {
  int ports = 1;
  double speed_bps = 0;
  std::string connector, host_interface;
  std::vector<std::string> protocols;
  std::optional<double> power_w;
  bool power_estimate = false;
};

struct MediumSpec : CatalogItem {
  std::string type;  // dac, acc, aoc, transceiver
  double speed_bps = 0;
  double reach_m = 0;
  std::string connector, fiber;
  std::optional<double> power_w;  // per end (per module for transceivers)
  bool power_estimate = false;
  std::vector<double> lengths_m;
  int breakout_ends = 1;
};

struct RackSpec : CatalogItem {
  int rack_units = 0;
  double width_m = 0, depth_m = 0;
  std::optional<double> max_load_kg;
};

struct PduSpec : Mountable {
  int phases = 1;
  double voltage_v = 0;
  double current_a = 0;
  std::string outlets;
};

struct CoolingSpec : Mountable {
  std::string type;       // crah, inrow, rdhx_passive, rdhx_active, cdu_in_rack, cdu_facility
  std::string placement;  // floor, row, door, rack
  double capacity_w = 0;
};

struct StorageSpec : Mountable {
  std::optional<double> capacity_bytes, read_bytes_per_s, write_bytes_per_s;
};

}  // namespace cf
