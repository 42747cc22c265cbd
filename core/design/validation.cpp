#include "io/format.h"
#include "design/validation.h"

#include <cstdio>
#include <map>

#include "design/placement.h"
#include "design/ports.h"

namespace cf {

std::string to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "?";
}

bool has_errors(const std::vector<Problem>& problems) {
  for (const auto& p : problems)
    if (p.severity == Severity::Error) return true;
  return false;
}

namespace {

// The links that use each physical port, in file order: a list per port threaded through one
// vector (most ports have one link, a few none or several).
class PortUsage {
 public:
  struct Use {
    int link, lane, next;
  };
  explicit PortUsage(int physical_ports) : first_(static_cast<std::size_t>(physical_ports), -1) {}

  bool used(int port) const { return first_[port] >= 0; }
  // Calls f(use) for each earlier use of `port`, then records this one.
  template <class F>
  void add(int port, int link, int lane, F&& f) {
    int* next = &first_[port];
    while (*next >= 0) {
      f(uses_[*next]);
      next = &uses_[*next].next;
    }
    *next = static_cast<int>(uses_.size());
    uses_.push_back({link, lane, -1});
  }

 private:
  std::vector<int> first_;  // per physical port: its first use, -1 when unused
  std::vector<Use> uses_;
};

struct Validator {
  const Design& d;
  const Catalog& c;
  const DesignPorts& ports;
  std::vector<Problem> out;
  std::map<std::string, int> missing_power;  // catalog id -> devices without a power figure

  void add(Severity s, std::string code, std::string message, std::string path, std::string id) {
    out.push_back({s, std::move(code), std::move(message), std::move(path), std::move(id)});
  }

  void unknown_catalog(const std::string& catalog_id, const std::string& what,
                       const std::string& path, const std::string& id) {
    const CatalogItem* item = c.item(catalog_id);
    add(Severity::Error, "unknown-catalog-id",
        item ? id + ": \"" + catalog_id + "\" is a " + to_string(item->kind) + ", not " + what
             : id + ": unknown catalog id \"" + catalog_id + "\"",
        path, id);
  }

  void racks() {
    std::map<std::pair<std::string, int>, std::string> slots;
    for (std::size_t r = 0; r < d.racks.size(); ++r) {
      const Rack& rack = d.racks[r];
      std::string path = "/racks/" + std::to_string(r);
      const RackSpec* rack_spec = c.rack(rack.catalog_id);
      if (!rack_spec) unknown_catalog(rack.catalog_id, "a rack", path + "/catalog", rack.id);
      auto [slot, fresh] = slots.try_emplace({rack.row_id, rack.position}, rack.id);
      if (!fresh)
        add(Severity::Error, "rack-position-conflict",
            rack.id + " and " + slot->second + " both stand at position " +
                std::to_string(rack.position) + " of row " + rack.row_id,
            path + "/position", rack.id);
      devices(r, rack_spec, path);
    }
  }

  void devices(std::size_t r, const RackSpec* rack_spec, const std::string& rack_path) {
    const Rack& rack = d.racks[r];
    double power_w = 0, weight_kg = 0;
    for (std::size_t i = 0; i < rack.devices.size(); ++i) {
      const Device& dev = rack.devices[i];
      const Mountable* spec = ports.devices().at(r, i).spec;
      auto path = [&] { return rack_path + "/devices/" + std::to_string(i); };
      if (!spec) {
        unknown_catalog(dev.catalog_id, "something that mounts in a rack", path() + "/catalog",
                        dev.id);
        continue;
      }
      if (spec->max_power_w)
        power_w += *spec->max_power_w;
      else if (spec->kind != ItemKind::Pdu)
        ++missing_power[spec->id];
      if (spec->weight_kg) weight_kg += *spec->weight_kg;
      if (auto bad = check_breakouts(*spec, dev))
        add(Severity::Error, "bad-breakout", dev.id + ": " + *bad, path() + "/breakout", dev.id);
      if (!rack_spec) continue;
      int top = dev.u + spec->rack_units - 1;
      if (spec->rack_units > 0 && (dev.u < 1 || top > rack_spec->rack_units))
        add(Severity::Error, "beyond-rack",
            dev.id + " (" + std::to_string(spec->rack_units) + "U at U" + std::to_string(dev.u) +
                ") reaches beyond " + rack.id + " (U1 to U" +
                std::to_string(rack_spec->rack_units) + ")",
            path() + "/u", dev.id);
      Occupancy mine = occupancy(dev, *spec);
      for (std::size_t j = 0; j < i; ++j) {
        const Device& other = rack.devices[j];
        const Mountable* other_spec = ports.devices().at(r, j).spec;
        if (other_spec && overlaps(mine, occupancy(other, *other_spec)))
          add(Severity::Error, "overlapping-u",
              dev.id + " (U" + std::to_string(mine.first) + "-U" + std::to_string(mine.last) +
                  ") overlaps " + other.id + " in " + rack.id,
              path() + "/u", dev.id);
      }
    }
    if (rack.power_limit_w && power_w > *rack.power_limit_w)
      add(Severity::Error, "rack-over-power",
          rack.id + " draws up to " + format_kw(power_w) + " (nameplate maximum), over its limit of " +
              format_kw(*rack.power_limit_w),
          rack_path, rack.id);
    if (rack_spec && rack_spec->max_load_kg && weight_kg > *rack_spec->max_load_kg)
      add(Severity::Error, "rack-over-weight",
          rack.id + " holds " + std::to_string(static_cast<int>(weight_kg)) +
              " kg of equipment, over its rated load of " +
              std::to_string(static_cast<int>(*rack_spec->max_load_kg)) + " kg",
          rack_path, rack.id);
  }

  void cooling_units() {
    for (std::size_t i = 0; i < d.cooling_units.size(); ++i) {
      const CoolingUnit& u = d.cooling_units[i];
      if (!c.cooling(u.catalog_id))
        unknown_catalog(u.catalog_id, "a cooling unit",
                        "/cooling_units/" + std::to_string(i) + "/catalog", u.id);
    }
  }

  void links() {
    PortUsage usage(ports.devices().physical_ports());
    for (std::size_t i = 0; i < d.links.size(); ++i) {
      const Link& link = d.links[i];
      auto path = [&] { return "/links/" + std::to_string(i); };
      const MediumSpec* medium = ports.devices().medium(i);
      if (!medium) unknown_catalog(link.medium_id, "a cable or optic", path() + "/medium", link.id);
      else if (link.length_m > medium->reach_m)
        add(Severity::Error, "cable-over-reach",
            link.id + ": " + std::to_string(link.length_m).substr(0, 6) + " m is longer than the " +
                std::to_string(medium->reach_m).substr(0, 6) + " m reach of " + medium->model,
            path() + "/length_m", link.id);

      const PortRef* refs[2] = {&link.a, &link.b};
      for (int e = 0; e < 2; ++e) {
        const LinkEnd& end = ports.end(i, e);
        // An unknown device is refused on load (check_structure); an unknown catalog id is
        // reported with the device.
        if (end.device < 0) continue;
        const DeviceEntry& dev = ports.devices().all()[end.device];
        if (!dev.spec) continue;
        auto end_path = [&] { return path() + (e == 0 ? "/a" : "/b"); };
        if (!end.port) {
          std::string why;
          resolve_port(*dev.spec, *dev.device, refs[e]->port, &why);
          add(Severity::Error, "unknown-port", link.id + ": " + dev.device->id + ": " + why,
              end_path() + "/port", link.id);
          continue;
        }
        usage.add(end.physical_port, static_cast<int>(i), end.port->lane,
                  [&](const PortUsage::Use& other) {
                    if (other.lane == end.port->lane || other.lane == 0 || end.port->lane == 0)
                      add(Severity::Error, "port-in-use",
                          link.id + ": " + refs[e]->device_id + " " + refs[e]->port +
                              " is also used by link " + d.links[other.link].id,
                          end_path() + "/port", link.id);
                  });
      }
      const std::optional<ResolvedPort>& a = ports.end(i, 0).port;
      const std::optional<ResolvedPort>& b = ports.end(i, 1).port;
      if (a && b && a->speed_bps != b->speed_bps)
        add(Severity::Warning, "port-speed-mismatch",
            link.id + " joins a " + gbps(a->speed_bps) + " port to a " + gbps(b->speed_bps) +
                " port; it runs at the slower speed",
            path(), link.id);
      if (medium)
        for (const auto* end : {&a, &b})
          if (*end && (*end)->speed_bps > medium->speed_bps) {
            add(Severity::Warning, "port-speed-mismatch",
                link.id + ": " + medium->model + " carries " + gbps(medium->speed_bps) +
                    ", less than the " + gbps((*end)->speed_bps) + " port",
                path() + "/medium", link.id);
            break;
          }
    }
    unconnected_server_ports(usage);
  }

  static std::string gbps(double bps) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g Gb/s", bps / 1e9);
    return buf;
  }

  void unconnected_server_ports(const PortUsage& usage) {
    for (const DeviceEntry& dev : ports.devices().all()) {
      if (!dev.server || dev.server->gpus == 0) continue;
      std::vector<std::string> open;
      for (const auto& g : dev.server->ports) {
        if (g.role != PortRole::Compute) continue;
        // Links name ports by group name, so a group shadowed by an earlier one of the same
        // name is never used.
        const PortGroup* named = find_port_group(*dev.server, g.name);
        for (int p = 1; p <= g.count; ++p)
          if (p > named->count || !usage.used(DesignPorts::physical_port(dev, *named, p)))
            open.push_back(g.name + std::to_string(p));
      }
      if (open.empty()) continue;
      std::string list;
      for (std::size_t k = 0; k < open.size() && k < 4; ++k) list += (k ? ", " : "") + open[k];
      if (open.size() > 4) list += ", ...";
      add(Severity::Warning, "unconnected-server-nic",
          dev.device->id + ": " + std::to_string(open.size()) + " compute port" +
              (open.size() > 1 ? "s" : "") + " not connected (" + list + ")",
          "/racks/" + std::to_string(dev.rack) + "/devices/" + std::to_string(dev.index),
          dev.device->id);
    }
  }

  void missing_specs() {
    for (const auto& [id, count] : missing_power)
      add(Severity::Warning, "missing-spec",
          std::to_string(count) + " device" + (count > 1 ? "s" : "") + " of type " + id +
              ": the catalog has no maximum power figure, so power totals leave them out",
          "", id);
  }
};

}  // namespace

std::vector<Problem> validate(const Design& design, const Catalog& catalog) {
  return validate(design, catalog, DesignPorts(design, catalog));
}

std::vector<Problem> validate(const Design& design, const Catalog& catalog,
                              const DesignPorts& ports) {
  Validator v{design, catalog, ports, {}, {}};
  v.racks();
  v.cooling_units();
  v.links();
  v.missing_specs();
  return std::move(v.out);
}

}  // namespace cf
