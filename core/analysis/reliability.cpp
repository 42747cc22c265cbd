#include "analysis/reliability.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "analysis/reliability_defaults.h"

namespace cf {

namespace rd = reliability_defaults;

double young_interval_s(double checkpoint_write_s, double mtbf_s) {
  // Young, "A first order approximation to the optimum checkpoint interval", CACM 17(9), 1974.
  return std::sqrt(2 * checkpoint_write_s * mtbf_s);
}

double daly_interval_s(double checkpoint_write_s, double mtbf_s) {
  // Daly, "A higher order estimate of the optimum checkpoint interval...", FGCS 22(3), 2006.
  if (checkpoint_write_s >= 2 * mtbf_s) return mtbf_s;
  return std::sqrt(2 * checkpoint_write_s * mtbf_s) - checkpoint_write_s;
}

double checkpoint_goodput(double interval_s, double checkpoint_write_s, double mtbf_s,
                          double restart_s) {
  // First-order model of Young 1974 / Daly 2006: T_w = T_s (1 + δ/τ) + (T_w/M)(R + (τ + δ)/2).
  if (interval_s <= 0 || mtbf_s <= 0) return 0;
  double useful = (1 - (restart_s + (interval_s + checkpoint_write_s) / 2) / mtbf_s) /
                  (1 + checkpoint_write_s / interval_s);
  return std::clamp(useful, 0.0, 1.0);
}

namespace {

struct Counts {
  double gpus = 0, hosts = 0, nics = 0;
  int switches = 0, optics = 0;
  double storage_write_bytes_per_s = 0;
  int storage_with_write = 0, storage_without_write = 0;
};

// The NIC cards of a server, as the BOM lists them.
int nic_card_count(const ServerSpec& s, const Catalog& c) {
  int cards = 0;
  for (const auto& [nic_id, n] : nic_cards(s, c)) cards += n;
  return cards;
}

Counts count_components(const Design& d, const Catalog& c, const DesignDevices& devices) {
  Counts n;
  std::map<const ServerSpec*, int> cards_of;  // per server model, worked out once
  for (const DeviceEntry& entry : devices.all()) {
    if (const ServerSpec* s = entry.server; s && s->gpus > 0) {
      n.gpus += s->gpus;
      n.hosts += std::max(1, s->compute_nodes);  // an NVL72 holds 18 hosts
      auto [cards, fresh] = cards_of.try_emplace(s, 0);
      if (fresh) cards->second = nic_card_count(*s, c);
      n.nics += cards->second;
    }
    if (entry.network_switch) ++n.switches;
    if (const StorageSpec* st = c.storage(entry.device->catalog_id)) {
      if (st->write_bytes_per_s) {
        n.storage_write_bytes_per_s += *st->write_bytes_per_s;
        ++n.storage_with_write;
      } else {
        ++n.storage_without_write;
      }
    }
  }
  for (std::size_t l = 0; l < d.links.size(); ++l) {
    const MediumSpec* m = devices.medium(l);
    if (m && m->type == "transceiver") n.optics += 2;  // a module at each end
  }
  return n;
}

void add_component(ReliabilityReport& r, std::string name, double count, double each,
                   std::string basis) {
  ComponentFailures f{std::move(name), count, each, count * each, std::move(basis)};
  r.failures_per_day += f.failures_per_day;
  r.by_component.push_back(std::move(f));
}

}  // namespace

ReliabilityReport analyze_reliability(const Design& d, const Catalog& c) {
  return analyze_reliability(d, c, DesignDevices(d, c));
}

ReliabilityReport analyze_reliability(const Design& d, const Catalog& c,
                                      const DesignDevices& devices) {
  ReliabilityReport r;
  Counts n = count_components(d, c, devices);
  r.switches = n.switches;
  r.optics = n.optics;

  // Per-component rates from Llama 3 (arXiv 2407.21783, Table 5), see reliability_defaults.h.
  add_component(r, "gpu", n.gpus, rd::kGpuFailuresPerDay,
                "Llama 3 Table 5: GPU, HBM3, SRAM, GSP, SDC, thermal = 268 / (54 d x 16,384 GPUs)");
  add_component(
      r, "software", n.gpus, rd::kSoftwareFailuresPerGpuDay,
      "Llama 3 Table 5: software bug, NCCL watchdog, dependency = 63 / (54 d x 16,384 GPUs)");
  add_component(r, "network", n.gpus, rd::kNetworkFailuresPerGpuDay,
                "Llama 3 Table 5: network switch/cable = 35 / (54 d x 16,384 GPUs), per GPU");
  add_component(
      r, "host", n.hosts, rd::kHostFailuresPerDay,
      "Llama 3 Table 5: host maintenance, SSD, PSU, chassis, IO board, CPU, memory = 46 / "
      "(54 d x 2,048 hosts)");
  add_component(r, "nic", n.nics, rd::kNicFailuresPerDay,
                "Llama 3 Table 5: NIC = 7 / (54 d x 20,480 NICs: 10 per Grand Teton host)");

  // MTBF = 24 h / interruptions per day.
  r.mtbf_hours =
      r.failures_per_day > 0 ? 24 / r.failures_per_day : std::numeric_limits<double>::infinity();

  // Checkpoint size: the user's, else 14 bytes per parameter (docs/methods.md).
  const Assumptions& a = d.assumptions;
  if (a.checkpoint_bytes) {
    r.checkpoint_bytes = *a.checkpoint_bytes;
    r.checkpoint_basis = "assumption";
  } else if (!d.scenarios.empty() && d.scenarios.front().parameters) {
    r.checkpoint_bytes = *d.scenarios.front().parameters * rd::kCheckpointBytesPerParameter;
    r.checkpoint_basis = "scenario parameters x 14 bytes";
  } else {
    r.checkpoint_basis = "unknown";
    r.notes.push_back(
        "checkpoint size unknown: set assumptions.checkpoint_bytes or the first scenario's "
        "parameters");
  }

  // Storage write bandwidth: the user's, else the sum over the design's storage systems.
  if (a.storage_write_bytes_per_s) {
    r.storage_write_bytes_per_s = *a.storage_write_bytes_per_s;
    r.storage_basis = "assumption";
  } else if (n.storage_with_write > 0) {
    r.storage_write_bytes_per_s = n.storage_write_bytes_per_s;
    r.storage_basis = "storage systems";
    if (n.storage_without_write > 0)
      r.notes.push_back(std::to_string(n.storage_without_write) +
                        " storage system(s) without a published write bandwidth left out");
  } else {
    r.storage_basis = "unknown";
    r.notes.push_back(
        "storage write bandwidth unknown: add storage with a write figure or set "
        "assumptions.storage_write_bytes_per_s");
  }

  r.restart_is_default = !a.restart_s;
  r.restart_s = a.restart_s ? *a.restart_s : rd::kRestartS;

  if (r.checkpoint_bytes && r.storage_write_bytes_per_s && *r.storage_write_bytes_per_s > 0)
    r.checkpoint_write_s = *r.checkpoint_bytes / *r.storage_write_bytes_per_s;

  if (r.checkpoint_write_s && r.failures_per_day > 0) {
    double mtbf_s = r.mtbf_hours * 3600;
    double delta = *r.checkpoint_write_s;
    r.checkpoint_interval_young_s = young_interval_s(delta, mtbf_s);
    r.checkpoint_interval_s = daly_interval_s(delta, mtbf_s);
    r.lost_per_interruption_s = r.restart_s + (*r.checkpoint_interval_s + delta) / 2;
    r.goodput = checkpoint_goodput(*r.checkpoint_interval_s, delta, mtbf_s, r.restart_s);
  } else if (r.failures_per_day <= 0) {
    r.notes.push_back("no GPU servers: no failure rate, no checkpoint interval");
  }
  return r;
}

Json ReliabilityReport::to_json() const {
  auto opt = [](std::optional<double> v) { return v ? Json(*v) : Json(nullptr); };
  Json components = Json::array();
  for (const auto& f : by_component)
    components.push_back({{"component", f.component},
                          {"count", f.count},
                          {"failures_per_day_each", f.failures_per_day_each},
                          {"failures_per_day", f.failures_per_day},
                          {"basis", f.basis}});
  return Json{{"failures_per_day", failures_per_day},
              {"mtbf_hours", std::isfinite(mtbf_hours) ? Json(mtbf_hours) : Json(nullptr)},
              {"checkpoint_interval_s", opt(checkpoint_interval_s)},
              {"goodput", opt(goodput)},
              {"checkpoint_interval_young_s", opt(checkpoint_interval_young_s)},
              {"checkpoint_bytes", opt(checkpoint_bytes)},
              {"checkpoint_basis", checkpoint_basis},
              {"storage_write_bytes_per_s", opt(storage_write_bytes_per_s)},
              {"storage_basis", storage_basis},
              {"checkpoint_write_s", opt(checkpoint_write_s)},
              {"lost_per_interruption_s", opt(lost_per_interruption_s)},
              {"restart_s", restart_s},
              {"restart_is_default", restart_is_default},
              {"switches", switches},
              {"optics", optics},
              {"by_component", components},
              {"notes", notes}};
}

}  // namespace cf
