#include "fabric/site_builder.h"

#include <algorithm>
#include <cmath>

#include "analysis/pdu_rating.h"
#include "design/row_slot.h"
#include "fabric/clos_plan.h"
#include "fabric/naming.h"

namespace cf {

namespace {

constexpr const char* kPduId = "raritan-px3-5878i2r";
constexpr double kAirRackBudget_w = 40000;  // ~40 kW with good containment (docs/methods.md)

const CoolingSpec* cooling_of_type(const Catalog& c, const std::string& type) {
  const CoolingSpec* best = nullptr;
  for (const auto& [id, spec] : c.cooling_units())
    if (spec.type == type && (!best || spec.capacity_w > best->capacity_w)) best = &spec;
  return best;
}

}  // namespace

double rack_budget_w(CoolingChoice cooling, const Catalog& catalog) {
  switch (cooling) {
    case CoolingChoice::Air: return kAirRackBudget_w;
    case CoolingChoice::RearDoor: {
      const CoolingSpec* door = cooling_of_type(catalog, "rdhx_active");
      return door ? door->capacity_w : kAirRackBudget_w;
    }
    case CoolingChoice::Liquid: {
      const CoolingSpec* cdu = cooling_of_type(catalog, "cdu_in_rack");
      return cdu ? cdu->capacity_w : kAirRackBudget_w;
    }
  }
  return kAirRackBudget_w;
}

SiteBuilder::SiteBuilder(Design& design, const Catalog& catalog, CoolingChoice cooling)
    : d_(design), c_(catalog), cooling_(cooling) {}

std::string SiteBuilder::add_row(const std::string& id, const std::string& name) {
  Row row;
  row.id = id;
  row.name = name;
  d_.rows.push_back(row);
  next_position_[id] = 0;
  return id;
}

Device& SiteBuilder::mount_in_network_rows(const std::string& id, const std::string& catalog_id) {
  const Mountable* m = c_.mountable(catalog_id);
  double w = m && m->max_power_w ? *m->max_power_w : 0;
  // Switches are air-cooled: with liquid-cooled servers, network racks keep the air budget.
  const double budget = rack_budget_w(cooling_ == CoolingChoice::Liquid ? CoolingChoice::Air : cooling_, c_);
  if (network_rows_.empty() || !fits(network_rack_, catalog_id) || network_rack_w_ + w > budget) {
    if (network_rows_.empty() || racks_in_row(network_rows_.back()) >= kMaxRacksPerRow) {
      std::string n = padded(static_cast<int>(network_rows_.size()) + 1, 2);
      network_rows_.push_back(add_row("row-net-" + n, "N" + n));
    }
    network_rack_ = add_rack(network_rows_.back(), "net-" + padded(++network_racks_, 3),
                             "rack-48u-600x1200");
    network_rack_w_ = 0;
  }
  network_rack_w_ += w;
  return mount(network_rack_, id, catalog_id);
}

void SiteBuilder::arrange_rows() {
  const std::vector<std::string>& network_rows = network_rows_;
  std::vector<Row*> compute, network;
  for (auto& row : d_.rows)
    (std::find(network_rows.begin(), network_rows.end(), row.id) != network_rows.end() ? network
                                                                                       : compute)
        .push_back(&row);
  std::vector<Row*> order(compute.begin(), compute.begin() + compute.size() / 2);
  order.insert(order.end(), network.begin(), network.end());
  order.insert(order.end(), compute.begin() + compute.size() / 2, compute.end());
  for (std::size_t i = 0; i < order.size(); ++i) order[i]->y_m = static_cast<double>(i) * kRowPitch_m;
}

std::size_t SiteBuilder::add_rack(const std::string& row_id, const std::string& id,
                                  const std::string& catalog_id) {
  Rack rack;
  rack.id = id;
  rack.name = id;
  rack.catalog_id = catalog_id;
  rack.row_id = row_id;
  rack.position = next_position_[row_id]++;
  d_.racks.push_back(std::move(rack));
  return d_.racks.size() - 1;
}

int SiteBuilder::top_used_u(const Rack& rack) const {
  int top = 0;
  for (const auto& dev : rack.devices)
    if (const Mountable* m = c_.mountable(dev.catalog_id); m && m->rack_units > 0)
      top = std::max(top, dev.u + m->rack_units - 1);
  return top;
}

bool SiteBuilder::fits(std::size_t rack, const std::string& catalog_id) const {
  const Mountable* m = c_.mountable(catalog_id);
  const RackSpec* r = c_.rack(d_.racks[rack].catalog_id);
  return m && r && top_used_u(d_.racks[rack]) + m->rack_units <= r->rack_units;
}

Device& SiteBuilder::mount(std::size_t rack, const std::string& id, const std::string& catalog_id) {
  if (!fits(rack, catalog_id))
    throw GenerateError(catalog_id + " does not fit in rack " + d_.racks[rack].id);
  Device dev;
  dev.id = id;
  dev.name = id;
  dev.catalog_id = catalog_id;
  dev.u = top_used_u(d_.racks[rack]) + 1;
  d_.racks[rack].devices.push_back(std::move(dev));
  rack_of_device_[id] = rack;
  return d_.racks[rack].devices.back();
}

RackPlace SiteBuilder::place_of(std::size_t rack) const {
  const Rack& r = d_.racks[rack];
  for (const auto& row : d_.rows)
    if (row.id == r.row_id) {
      const SlotOrigin o = slot_origin(d_.site, row, r.position);
      return {o.x_m, o.y_m};
    }
  return {};
}

void SiteBuilder::connect(const std::string& device_a, const std::string& port_a,
                          const std::string& device_b, const std::string& port_b, double speed_bps,
                          const std::string& fabric_id) {
  pending_.push_back({device_a, port_a, device_b, port_b, speed_bps, fabric_id});
}

void SiteBuilder::cable() {
  d_.links.reserve(d_.links.size() + pending_.size());
  for (auto& p : pending_) {
    std::size_t ra = rack_of_device_.at(p.a), rb = rack_of_device_.at(p.b);
    double length = link_length_m(place_of(ra), place_of(rb), ra == rb);
    const MediumSpec* medium = pick_medium(c_, p.speed_bps, length);
    if (!medium)
      throw GenerateError("no cable or optic in the catalog carries " +
                          std::to_string(static_cast<int>(p.speed_bps / 1e9)) + " Gb/s over " +
                          std::to_string(static_cast<int>(std::ceil(length))) + " m");
    Link link;
    link.id = "l" + std::to_string(d_.links.size() + 1);
    link.a = {std::move(p.a), std::move(p.port_a)};
    link.b = {std::move(p.b), std::move(p.port_b)};
    link.medium_id = medium->id;
    link.length_m = length;
    link.fabric_id = std::move(p.fabric);
    d_.links.push_back(std::move(link));
  }
  pending_.clear();
}

double SiteBuilder::rack_max_w(const Rack& rack) const {
  double w = 0;
  for (const auto& dev : rack.devices)
    if (const Mountable* m = c_.mountable(dev.catalog_id); m && m->max_power_w &&
                                                           m->kind != ItemKind::Pdu)
      w += *m->max_power_w;
  return w;
}

void SiteBuilder::finish_power_and_cooling() {
  const PduSpec* pdu = c_.pdu(kPduId);
  if (!pdu) throw GenerateError("the catalog has no PDU \"" + std::string(kPduId) + "\"");
  const double pdu_w = pdu_rating_w(*pdu);
  std::map<std::string, double> row_heat, row_liquid_heat;
  int feed_counter = 0;
  for (auto& rack : d_.racks) {
    double w = rack_max_w(rack);
    row_heat[rack.row_id] += w;
    for (const auto& dev : rack.devices)
      if (const ServerSpec* s = c_.server(dev.catalog_id); s && s->cooling == "liquid" && s->max_power_w)
        row_liquid_heat[rack.row_id] += *s->max_power_w;
    // 2N: either side alone carries the rack at nameplate maximum.
    int per_side = std::max(1, static_cast<int>(std::ceil(w / pdu_w - 1e-9)));
    for (int side = 0; side < 2; ++side) {
      for (int k = 0; k < per_side; ++k) {
        PowerFeed feed;
        feed.id = "feed-" + std::to_string(++feed_counter);
        feed.name = rack.id + (side == 0 ? " A" : " B") + std::to_string(k + 1);
        feed.side = side == 0 ? FeedSide::A : FeedSide::B;
        feed.voltage_v = pdu->voltage_v;
        feed.phases = pdu->phases;
        feed.current_a = pdu->current_a;
        Device dev;
        dev.id = rack.id + "-pdu-" + (side == 0 ? "a" : "b") + std::to_string(k + 1);
        dev.catalog_id = pdu->id;
        dev.u = 0;
        dev.face = Face::Rear;
        dev.feed_id = feed.id;
        rack.devices.push_back(std::move(dev));
        d_.power_feeds.push_back(std::move(feed));
      }
    }
  }
  int unit_counter = 0;
  auto add_unit = [&](const CoolingSpec& spec, const std::string& row, int position,
                      const std::string& rack) {
    CoolingUnit unit;
    unit.id = "cooling-" + std::to_string(++unit_counter);
    unit.catalog_id = spec.id;
    unit.row_id = row;
    unit.position = position;
    unit.rack_id = rack;
    d_.cooling_units.push_back(std::move(unit));
  };
  if (cooling_ == CoolingChoice::RearDoor) {
    const CoolingSpec* door = cooling_of_type(c_, "rdhx_active");
    if (!door) throw GenerateError("the catalog has no active rear-door heat exchanger");
    for (const auto& rack : d_.racks) add_unit(*door, "", 0, rack.id);
    return;
  }
  const CoolingSpec* air = cooling_of_type(c_, "inrow");
  const CoolingSpec* liquid = cooling_of_type(c_, "cdu_facility");
  auto place = [&](const CoolingSpec* unit, const std::string& row, double heat) {
    if (heat <= 0) return;
    if (!unit) throw GenerateError("the catalog has no cooling unit for the chosen cooling");
    int count = static_cast<int>(std::ceil(heat / unit->capacity_w - 1e-9));
    // In-row units take the row positions after the racks; facility CDUs stand on the floor.
    for (int k = 0; k < count; ++k)
      add_unit(*unit, row, unit->placement == "row" ? next_position_[row]++ : 0, "");
  };
  for (const auto& row : d_.rows) {
    // Cold plates go to CDUs only when liquid cooling was chosen; every other watt (switches,
    // air-cooled and hybrid systems) goes to in-row air units.
    double to_liquid = cooling_ == CoolingChoice::Liquid ? row_liquid_heat[row.id] : 0;
    place(liquid, row.id, to_liquid);
    place(air, row.id, row_heat[row.id] - to_liquid);
  }
}

}  // namespace cf
