#include "io/format.h"
#include "analysis/power.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "analysis/pdu_rating.h"

namespace cf {

std::optional<double> device_load_w(const Mountable& spec, const Catalog& c, double utilization) {
  if (spec.kind == ItemKind::Pdu) return 0.0;
  if (spec.typical_power_w && spec.kind != ItemKind::Server) return spec.typical_power_w;
  if (!spec.max_power_w) return std::nullopt;
  if (spec.kind == ItemKind::Server) {
    const auto& s = static_cast<const ServerSpec&>(spec);
    const GpuSpec* gpu = c.gpu(s.gpu_id);
    if (spec.typical_power_w && utilization >= 1.0) return spec.typical_power_w;
    // The GPUs draw utilization × TDP below the nameplate; the rest of the system stays at its
    // share of the nameplate (conservative).
    if (gpu && s.gpus > 0)
      return *spec.max_power_w - s.gpus * gpu->tdp_w * (1.0 - utilization);
  }
  return spec.max_power_w;
}

std::string to_string(PowerCategory category) {
  switch (category) {
    case PowerCategory::Compute: return "GPU servers";
    case PowerCategory::Management: return "Other servers";
    case PowerCategory::Switch: return "Switches and optics";
    case PowerCategory::Storage: return "Storage";
    case PowerCategory::Cooling: return "In-rack cooling";
    case PowerCategory::Other: break;
  }
  return "Other";
}

PowerCategory power_category(const Mountable& spec) {
  switch (spec.kind) {
    case ItemKind::Server: {
      const auto& s = static_cast<const ServerSpec&>(spec);
      if (s.role == "storage") return PowerCategory::Storage;
      if (s.role == "management" || s.gpus == 0) return PowerCategory::Management;
      return PowerCategory::Compute;
    }
    case ItemKind::Switch: return PowerCategory::Switch;
    case ItemKind::Storage: return PowerCategory::Storage;
    case ItemKind::Cooling: return PowerCategory::Cooling;
    default: break;
  }
  return PowerCategory::Other;
}

PowerReport analyze_power(const Design& d, const Catalog& c) {
  return analyze_power(d, c, DesignDevices(d, c));
}

PowerReport analyze_power(const Design& d, const Catalog& c, const DesignDevices& devices) {
  PowerReport r;
  for (int i = 0; i < kPowerCategories; ++i) r.categories.push_back({static_cast<PowerCategory>(i), 0, 0, 0});
  r.gpu_utilization = d.assumptions.gpu_utilization.value_or(kDefaultGpuUtilization);
  std::unordered_map<std::string, const PowerFeed*> feeds;
  for (const auto& f : d.power_feeds) feeds[f.id] = &f;
  std::map<std::string, FeedLoad> feed_load;
  for (const auto& f : d.power_feeds) feed_load[f.id] = {f.id, circuit_rating_w(f.voltage_v, f.current_a, f.phases), 0, 0, 0};
  std::map<std::string, double> row_w;
  double liquid_w = 0;
  // Modules in switch ports draw power on top of a switch's typical (passive-cable) figure; its
  // maximum already includes them. Server-side modules are inside the server's nameplate.
  std::vector<double> optics_w(devices.all().size(), 0.0);  // per device
  for (std::size_t l = 0; l < d.links.size(); ++l)
    if (const MediumSpec* m = devices.medium(l); m && m->power_w && m->type == "transceiver")
      for (const PortRef* end : {&d.links[l].a, &d.links[l].b})
        if (int dev = devices.find(end->device_id); dev >= 0) optics_w[dev] += *m->power_w;

  for (std::size_t ri = 0; ri < d.racks.size(); ++ri) {
    const Rack& rack = d.racks[ri];
    RackPowerReport rp{rack.id, rack.row_id, 0, 0, 0, 0};
    struct Outlet {
      const PduSpec* pdu;
      const PowerFeed* feed;
      std::size_t index;
    };
    std::vector<Outlet> outlets;
    for (std::size_t i = 0; i < rack.devices.size(); ++i) {
      const Device& dev = rack.devices[i];
      const DeviceEntry& entry = devices.at(ri, i);
      const Mountable* spec = entry.spec;
      if (!spec) continue;
      if (const PduSpec* pdu = c.pdu(dev.catalog_id)) {
        auto f = feeds.find(dev.feed_id);
        outlets.push_back({pdu, f == feeds.end() ? nullptr : f->second, i});
        if (f != feeds.end())
          (f->second->side == FeedSide::A ? rp.side_a_capacity_w : rp.side_b_capacity_w) +=
              pdu_rating_w(*pdu);
        continue;
      }
      auto load = device_load_w(*spec, c, r.gpu_utilization);
      if (!load || !spec->max_power_w) {
        ++r.devices_without_power;
        continue;
      }
      if (spec->kind == ItemKind::Switch && spec->typical_power_w)
        load = std::min(*spec->max_power_w, *load + optics_w[devices.find(dev.id)]);
      rp.it_w += *load;
      rp.it_max_w += *spec->max_power_w;
      CategoryPower& cat = r.categories[static_cast<std::size_t>(power_category(*spec))];
      cat.it_w += *load;
      cat.it_max_w += *spec->max_power_w;
      ++cat.devices;
      if (spec->idle_power_w)
        r.it_idle_w += *spec->idle_power_w;
      else
        ++r.devices_without_idle;
      if (const ServerSpec* s = entry.server; s && s->cooling == "liquid") liquid_w += *load;
    }
    std::string path = "/racks/" + std::to_string(ri);
    // 2N: each side alone must carry the rack at nameplate maximum (docs/methods.md).
    if (rp.it_max_w > 0 && outlets.empty())
      r.problems.push_back({Severity::Warning, "rack-without-pdu",
                            rack.id + " draws up to " + format_kw(rp.it_max_w) + " but has no PDU", path,
                            rack.id});
    if (!outlets.empty() && rp.it_max_w > rp.side_a_capacity_w + rp.side_b_capacity_w)
      r.problems.push_back({Severity::Error, "rack-over-pdu-rating",
                            rack.id + " draws up to " + format_kw(rp.it_max_w) + ", more than its PDUs' " +
                                format_kw(rp.side_a_capacity_w + rp.side_b_capacity_w),
                            path, rack.id});
    else
      for (auto [side, capacity] : {std::pair{"A", rp.side_a_capacity_w}, {"B", rp.side_b_capacity_w}})
        if (!outlets.empty() && rp.it_max_w > capacity)
          r.problems.push_back(
              {Severity::Warning, "feed-failover",
               rack.id + ": if the other feed fails, side " + side + " (" + format_kw(capacity) +
                   " of PDUs) cannot carry the rack's " + format_kw(rp.it_max_w) + " alone",
               path, rack.id});
    // Feed loads: normal, shared by every PDU by its rating; failover, by one side's PDUs.
    double total_rating = rp.side_a_capacity_w + rp.side_b_capacity_w;
    for (const auto& o : outlets) {
      if (!o.feed) continue;
      double rating = pdu_rating_w(*o.pdu);
      double side_rating = o.feed->side == FeedSide::A ? rp.side_a_capacity_w : rp.side_b_capacity_w;
      FeedLoad& fl = feed_load[o.feed->id];
      fl.normal_w += total_rating > 0 ? rp.it_max_w * rating / total_rating : 0;
      fl.failover_w += side_rating > 0 ? rp.it_max_w * rating / side_rating : 0;
    }
    row_w[rack.row_id] += rp.it_w;
    r.it_w += rp.it_w;
    r.it_max_w += rp.it_max_w;
    if (rp.it_max_w > r.max_rack_w) {
      r.max_rack_w = rp.it_max_w;
      r.max_rack_id = rack.id;
    }
    r.racks.push_back(std::move(rp));
  }
  for (auto& [id, fl] : feed_load) {
    const PowerFeed& f = *feeds.at(id);
    fl.failover_phase_a = phase_current_a(f.voltage_v, f.phases, fl.failover_w);
    (f.side == FeedSide::A ? r.side_a_normal_w : r.side_b_normal_w) += fl.normal_w;
    (f.side == FeedSide::A ? r.side_a_failover_w : r.side_b_failover_w) += fl.failover_w;
    if (fl.failover_w > fl.capacity_w)
      r.problems.push_back({Severity::Error, "feed-over-capacity",
                            "feed " + id + " would carry " + format_kw(fl.failover_w) + " (" +
                                std::to_string(static_cast<int>(std::lround(fl.failover_phase_a))) +
                                " A per phase) when the other side fails, over its " +
                                format_kw(fl.capacity_w),
                            "", id});
    r.feeds.push_back(fl);
  }
  for (const auto& row : d.rows) r.rows.emplace_back(row.id, row_w[row.id]);
  // PUE: the air and liquid shares of the load, each at its typical facility overhead, unless
  // the design states its own.
  r.liquid_fraction = r.it_w > 0 ? liquid_w / r.it_w : 0;
  r.pue_from_assumptions = d.assumptions.pue.has_value();
  r.pue = d.assumptions.pue.value_or(1.0 + (1 - r.liquid_fraction) * (kAirPue - 1) +
                                     r.liquid_fraction * (kLiquidPue - 1));
  r.facility_w = r.it_w * r.pue;
  return r;
}

Json PowerReport::to_json() const {
  Json racks_json = Json::array();
  for (const auto& rp : racks)
    racks_json.push_back({{"id", rp.id},
                          {"row", rp.row_id},
                          {"it_w", rp.it_w},
                          {"max_w", rp.it_max_w},
                          {"pdu_capacity_a_w", rp.side_a_capacity_w},
                          {"pdu_capacity_b_w", rp.side_b_capacity_w}});
  Json feeds_json = Json::array();
  for (const auto& f : feeds)
    feeds_json.push_back({{"id", f.id},
                          {"capacity_w", f.capacity_w},
                          {"normal_w", f.normal_w},
                          {"failover_w", f.failover_w},
                          {"failover_phase_current_a", f.failover_phase_a}});
  Json rows_json = Json::array();
  for (const auto& [id, w] : rows) rows_json.push_back({{"id", id}, {"it_w", w}});
  return Json{{"it_w", it_w},
              {"it_max_w", it_max_w},
              {"facility_w", facility_w},
              {"pue", pue},
              {"pue_from_assumptions", pue_from_assumptions},
              {"liquid_fraction", liquid_fraction},
              {"gpu_utilization", gpu_utilization},
              {"it_idle_w", it_idle_w},
              {"devices_without_idle", devices_without_idle},
              {"sides",
               {{"a", {{"normal_w", side_a_normal_w}, {"failover_w", side_a_failover_w}}},
                {"b", {{"normal_w", side_b_normal_w}, {"failover_w", side_b_failover_w}}}}},
              {"max_rack_w", max_rack_w},
              {"max_rack_id", max_rack_id},
              {"devices_without_power", devices_without_power},
              {"racks", racks_json},
              {"rows", rows_json},
              {"feeds", feeds_json}};
}

}  // namespace cf
