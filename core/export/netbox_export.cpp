#include "export/netbox_export.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <unordered_map>
#include <vector>

#include "design/ports.h"
#include "design/role_palette.h"
#include "io/csv.h"
#include "export/export_error.h"
#include "export/netbox_choices.h"
#include "io/format.h"

namespace cf {

namespace {

constexpr const char* kCableTermination = "dcim.interface";  // CABLE_TERMINATION_MODELS
constexpr std::size_t kDescriptionChars = 200;  // NetBox's description fields (max_length)
constexpr std::size_t kModelChars = 100;        // DeviceType.model

// At most `bytes` bytes of UTF-8 text, not cutting a character in two.
std::string clip(std::string s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

// A decimal without trailing zeros ("1.5", "130.45", "8").
std::string decimal(double v) {
  std::string s = format_fixed(v, 2);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A YAML double-quoted scalar (YAML 1.2, 7.3.1): `\` and `"` escaped, control characters as \n,
// \t or dropped.
std::string yaml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
      out += c;
    }
  }
  return out + '"';
}

// NetBox names must be unique (devices per site, racks per site): a design object's name when it
// has one no other object shares, otherwise its id (unique in the design); "name (id)" when even
// that collides with another's name.
std::vector<std::string> unique_names(const std::vector<std::pair<std::string, std::string>>& name_id) {
  std::unordered_map<std::string, int> count;
  for (const auto& [name, id] : name_id) ++count[name.empty() ? id : name];
  std::vector<std::string> out;
  for (const auto& [name, id] : name_id) out.push_back(!name.empty() && count[name] == 1 ? name : id);
  std::unordered_map<std::string, int> taken;
  for (const std::string& n : out) ++taken[n];
  for (std::size_t i = 0; i < out.size(); ++i)
    if (taken[out[i]] > 1 && out[i] != name_id[i].second) out[i] += " (" + name_id[i].second + ")";
  return out;
}

struct ExportDevice {
  std::string name;  // in NetBox
  const Device* device = nullptr;            // racked devices
  const CoolingUnit* cooling_unit = nullptr; // cooling units outside the racks
  const Mountable* spec = nullptr;
  DeviceRole role = DeviceRole::Other;
  std::string rack;  // NetBox rack name, or empty
  std::string description;
};

struct Builder {
  Builder(const Design& d, const Catalog& c, const NetBoxOptions& o) : design(d), catalog(c), options(o) {}

  const Design& design;
  const Catalog& catalog;
  NetBoxOptions options;

  std::string site_name;
  std::vector<std::string> rack_names;  // by design rack
  std::vector<ExportDevice> devices;
  std::unordered_map<std::string, std::size_t> device_of_id;  // design id -> devices index
  std::vector<std::string> left_out;  // what README.txt lists as not exported
  // Device types: catalog id -> NetBox model name (unique per manufacturer).
  std::map<std::string, std::string> model_of;

  std::string status() const { return options.built ? "active" : "planned"; }

  void collect() {
    site_name = !design.site.name.empty() ? design.site.name : !design.name.empty() ? design.name : "Site";
    std::vector<std::pair<std::string, std::string>> racks;
    for (const Rack& r : design.racks) racks.emplace_back(r.name, r.id);
    rack_names = unique_names(racks);
    std::unordered_map<std::string, std::string> rack_name_of;
    for (std::size_t i = 0; i < design.racks.size(); ++i) rack_name_of[design.racks[i].id] = rack_names[i];
    std::unordered_map<std::string, std::string> row_name_of;
    for (const Row& row : design.rows) row_name_of[row.id] = row.name.empty() ? row.id : row.name;

    std::vector<std::pair<std::string, std::string>> names;
    int unknown = 0;
    for (const Rack& rack : design.racks) {
      for (const Device& d : rack.devices) {
        const Mountable* spec = catalog.mountable(d.catalog_id);
        if (!spec) {
          ++unknown;
          continue;
        }
        ExportDevice e;
        e.device = &d;
        e.spec = spec;
        e.role = device_role(catalog, d.catalog_id);
        e.rack = rack_name_of[rack.id];
        e.description = "ClusterForge " + d.id + ", catalog " + d.catalog_id;
        names.emplace_back(d.name, d.id);
        devices.push_back(std::move(e));
      }
    }
    for (const CoolingUnit& u : design.cooling_units) {
      const CoolingSpec* spec = catalog.cooling(u.catalog_id);
      if (!spec) {
        ++unknown;
        continue;
      }
      ExportDevice e;
      e.cooling_unit = &u;
      e.spec = spec;
      e.role = DeviceRole::Cooling;
      if (!u.rack_id.empty()) e.rack = rack_name_of[u.rack_id];
      e.description = "ClusterForge " + u.id + ", catalog " + u.catalog_id;
      if (!u.row_id.empty()) e.description += ", row " + row_name_of[u.row_id] + " slot " + std::to_string(u.position + 1);
      names.emplace_back(u.name, u.id);
      devices.push_back(std::move(e));
    }
    if (unknown > 0)
      left_out.push_back(std::to_string(unknown) + " devices whose catalog entry is unknown (no device type).");
    const std::vector<std::string> unique = unique_names(names);
    for (std::size_t i = 0; i < devices.size(); ++i) {
      devices[i].name = unique[i];
      device_of_id[devices[i].device ? devices[i].device->id : devices[i].cooling_unit->id] = i;
    }

    // Device type models, unique per manufacturer.
    std::set<std::pair<std::string, std::string>> seen;
    for (const ExportDevice& e : devices) {
      if (model_of.count(e.spec->id)) continue;
      std::string model = clip(e.spec->model.empty() ? e.spec->id : e.spec->model, kModelChars);
      if (!seen.insert({e.spec->vendor, model}).second)
        model = clip(model, kModelChars - e.spec->id.size() - 3) + " [" + e.spec->id + "]";
      model_of[e.spec->id] = model;
    }
  }

  std::string sites() const {
    std::string out = csv_record({"name", "slug", "status", "description"});
    out += csv_record({site_name, netbox_slug(site_name), status(),
                       design.name.empty() ? "ClusterForge design" : "ClusterForge design " + design.name});
    return out;
  }

  std::string manufacturers() const {
    std::set<std::string> vendors;
    for (const ExportDevice& e : devices) vendors.insert(e.spec->vendor);
    std::string out = csv_record({"name", "slug"});
    for (const std::string& v : vendors) out += csv_record({v, netbox_slug(v)});
    return out;
  }

  std::string device_roles() const {
    std::set<DeviceRole> roles;
    for (const ExportDevice& e : devices) roles.insert(e.role);
    std::string out = csv_record({"name", "slug", "color", "description"});
    for (DeviceRole r : roles)
      out += csv_record({std::string(device_role_name(r)), std::string(device_role_slug(r)),
                         role_rgb(r).hex().substr(1), "ClusterForge role colour (Okabe-Ito palette)"});
    return out;
  }

  std::string device_types() const {
    std::string out;
    for (const auto& [id, model] : model_of) {
      const Mountable* spec = catalog.mountable(id);
      if (!spec) spec = catalog.cooling(id);
      out += "---\n";
      out += "manufacturer: " + yaml_string(spec->vendor) + "\n";
      out += "model: " + yaml_string(model) + "\n";
      out += "slug: " + yaml_string(netbox_slug(id)) + "\n";
      out += "u_height: " + std::to_string(std::max(0, spec->rack_units)) + "\n";
      out += std::string("is_full_depth: ") + (spec->full_depth ? "true" : "false") + "\n";
      if (spec->weight_kg) {
        out += "weight: " + decimal(*spec->weight_kg) + "\n";
        out += "weight_unit: kg\n";
      }
      std::string comments = "ClusterForge catalog entry " + id + ".";
      if (!spec->source.empty()) comments += " Source: " + spec->source;
      out += "comments: " + yaml_string(comments) + "\n";
    }
    return out;
  }

  std::string racks() const {
    std::unordered_map<std::string, std::string> row_name_of;
    for (const Row& row : design.rows) row_name_of[row.id] = row.name.empty() ? row.id : row.name;
    std::string out = csv_record({"site", "name", "status", "width", "u_height", "outer_width", "outer_depth",
                                  "outer_unit", "description"});
    for (std::size_t i = 0; i < design.racks.size(); ++i) {
      const Rack& r = design.racks[i];
      const RackSpec* spec = catalog.rack(r.catalog_id);
      std::string description = "ClusterForge " + r.id;
      if (!r.row_id.empty())
        description += ", row " + row_name_of[r.row_id] + " position " + std::to_string(r.position + 1);
      description += spec ? ", catalog " + r.catalog_id : ", catalog entry unknown";
      description += "; rail width 19 in assumed (the catalog does not record it)";
      const bool sized = spec && spec->width_m > 0 && spec->depth_m > 0;
      out += csv_record({site_name, rack_names[i], status(), "19",
                         spec && spec->rack_units > 0 ? std::to_string(spec->rack_units) : "",
                         sized ? decimal(spec->width_m * 1000) : "", sized ? decimal(spec->depth_m * 1000) : "",
                         sized ? "mm" : "", clip(description, kDescriptionChars)});
    }
    return out;
  }

  std::string devices_csv() const {
    std::string out = csv_record({"name", "role", "manufacturer", "device_type", "status", "site", "rack",
                                  "position", "face", "description"});
    for (const ExportDevice& e : devices) {
      std::string position, face;
      if (e.device && e.device->u > 0 && e.spec->rack_units > 0) {
        position = std::to_string(e.device->u);
        face = e.device->face == Face::Rear ? "rear" : "front";
      }
      out += csv_record({e.name, std::string(device_role_name(e.role)), e.spec->vendor, model_of.at(e.spec->id),
                         status(), site_name, e.rack, position, face, clip(e.description, kDescriptionChars)});
    }
    return out;
  }

  // Every usable port of each racked device, and the set of (device, port) written.
  std::string interfaces(std::set<std::pair<std::string, std::string>>& written) const {
    std::string out = csv_record({"device", "name", "type", "speed", "mgmt_only", "description"});
    for (const ExportDevice& e : devices) {
      if (!e.device) continue;
      for (const std::string& port : port_names(*e.spec, *e.device)) {
        const std::optional<ResolvedPort> p = resolve_port(*e.spec, *e.device, port);
        if (!p) continue;
        const PortGroup& g = *p->group;
        const bool oob = g.role == PortRole::Oob;
        std::string description = to_port_role(g.role) + " port, " + format_bps(p->speed_bps);
        if (!g.connector.empty()) description += " " + g.connector;
        if (p->lane > 0) description += ", lane " + std::to_string(p->lane) + " of " + p->physical();
        if (const NicSpec* nic = catalog.nic(g.nic_id)) description += ", " + nic->vendor + " " + nic->model;
        out += csv_record({e.name, port, netbox_interface_type(g.connector, p->speed_bps),
                           std::to_string(static_cast<long long>(std::llround(p->speed_bps / 1000))),  // Kbps
                           oob ? "true" : "false", clip(description, kDescriptionChars)});
        written.insert({e.device->id, port});
      }
    }
    return out;
  }

  std::string cables(const std::set<std::pair<std::string, std::string>>& interfaces) {
    std::unordered_map<std::string, std::string> fabric_name;
    for (const Fabric& f : design.fabrics) fabric_name[f.id] = f.name.empty() ? f.id : f.name;
    std::string out = csv_record({"side_a_device", "side_a_type", "side_a_name", "side_b_device", "side_b_type",
                                  "side_b_name", "type", "status", "label", "length", "length_unit",
                                  "description"});
    int dropped = 0;
    for (const Link& l : design.links) {
      if (!interfaces.count({l.a.device_id, l.a.port}) || !interfaces.count({l.b.device_id, l.b.port})) {
        ++dropped;
        continue;
      }
      const MediumSpec* medium = catalog.medium(l.medium_id);
      std::string description = medium ? medium->vendor + " " + medium->model : "medium " + l.medium_id;
      if (!l.fabric_id.empty()) description += "; fabric " + fabric_name[l.fabric_id];
      const bool length = l.length_m > 0;
      out += csv_record({devices[device_of_id.at(l.a.device_id)].name, kCableTermination, l.a.port,
                         devices[device_of_id.at(l.b.device_id)].name, kCableTermination, l.b.port,
                         netbox_cable_type(medium), options.built ? "connected" : "planned", l.id,
                         length ? decimal(l.length_m) : "", length ? "m" : "", clip(description, kDescriptionChars)});
    }
    if (dropped > 0)
      left_out.push_back(std::to_string(dropped) +
                         " links whose ports are not interfaces of exported devices (see the design's Problems).");
    return out;
  }

  static std::string to_port_role(PortRole role) {
    switch (role) {
      case PortRole::Compute:
        return "compute";
      case PortRole::Storage:
        return "storage";
      case PortRole::Inband:
        return "in-band";
      case PortRole::Oob:
        return "out-of-band management";
      case PortRole::Fabric:
        break;
    }
    return "fabric";
  }

  std::string readme(const std::map<std::string, std::string>& files) const;
};

std::size_t records(const std::string& csv) {
  std::size_t rows = 0;
  for (std::size_t i = 0; (i = csv.find("\r\n", i)) != std::string::npos; i += 2) ++rows;
  return rows;  // fields never hold CRLF: names, ids and catalog texts are single lines
}

std::string Builder::readme(const std::map<std::string, std::string>& files) const {
  std::string out;
  out += "NetBox bulk import of \"" + (design.name.empty() ? site_name : design.name) + "\", written by ClusterForge.\n\n";
  out += "Import the files in this order, each under its object type's Import page (Organization >\n"
         "Sites, Devices > Manufacturers / Device Roles / Device Types, Racks, Devices > Devices,\n"
         "Interfaces, Connections > Cables), or with `manage.py nbshell`/the REST API. Each file refers\n"
         "to objects of the files before it by name.\n\n";
  for (const auto& [name, content] : files) {
    out += "  " + name;
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0)
      out += "  (" + std::to_string(records(content) - 1) + (records(content) == 2 ? " row)" : " rows)");
    out += "\n";
  }
  out += "\nDevice types (04) are multi-document YAML without component templates: the interfaces (07)\n"
         "are written per device instead, so that ports split into breakout lanes (p1/1, p1/2) exist as\n"
         "designed. If your NetBox already holds these device types with interface templates, skip 04\n"
         "and 07 and make sure the model names match.\n\n";
  out += "Status: " + std::string(options.built ? "the as-built record (active, cables connected)"
                                                : "as designed (planned, cables planned)") + ".\n";
  out += "Interface speeds are in Kbps, as NetBox stores them. Interface types are NetBox's pluggable\n"
         "form factors at the port's rate (400gbase-x-osfp for a 400G OSFP port, InfiniBand included);\n"
         "a cage and rate NetBox has no type for is written as \"other\". Cable types: DAC passive,\n"
         "DAC active (ACC), AOC, mmf or smf for transceiver links; empty when unknown (NetBox has no\n"
         "\"other\" cable type). Cable lengths in metres, empty where the design has none.\n"
         "Racks: rail width 19 in is assumed (NetBox requires one; the catalog does not record it).\n"
         "Choice values checked against NetBox's netbox/dcim/choices.py and bulk_import.py (NetBox 4.x;\n"
         "the device import's `role` column needs NetBox 4.0 or later).\n\n";
  out += "Not exported:\n"
         "  - power ports, power outlets, power panels and power feeds (PDUs are exported as devices);\n"
         "  - rows as NetBox locations (each rack's description names its row and position);\n"
         "  - fabrics as objects (each cable's description names its fabric), scenarios, costs.\n";
  for (const std::string& l : left_out) out += "  - " + l + "\n";
  return out;
}

}  // namespace

std::map<std::string, std::string> netbox_import_files(const Design& design, const Catalog& catalog,
                                                       const NetBoxOptions& options) {
  Builder b(design, catalog, options);
  b.collect();
  std::map<std::string, std::string> files;
  files["01-sites.csv"] = b.sites();
  files["02-manufacturers.csv"] = b.manufacturers();
  files["03-device-roles.csv"] = b.device_roles();
  files["04-device-types.yaml"] = b.device_types();
  files["05-racks.csv"] = b.racks();
  files["06-devices.csv"] = b.devices_csv();
  std::set<std::pair<std::string, std::string>> interfaces;
  files["07-interfaces.csv"] = b.interfaces(interfaces);
  files["08-cables.csv"] = b.cables(interfaces);
  files["README.txt"] = b.readme(files);
  return files;
}

void write_netbox_import(const Design& design, const Catalog& catalog, const std::filesystem::path& folder,
                         const NetBoxOptions& options) {
  namespace fs = std::filesystem;
  const std::map<std::string, std::string> files = netbox_import_files(design, catalog, options);
  // Everything is written into a scratch folder beside the target first; only complete files are
  // then renamed into place (rename is atomic within one file system).
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
  const fs::path scratch = parent / ("." + folder.filename().string() + ".partial");
  std::error_code ec;
  try {
    fs::remove_all(scratch, ec);
    fs::create_directories(scratch);
    for (const auto& [name, content] : files) {
      std::ofstream out(scratch / name, std::ios::binary | std::ios::trunc);
      out.write(content.data(), static_cast<std::streamsize>(content.size()));
      out.close();
      if (!out) throw ExportError(folder.string(), "cannot write " + name);
    }
    fs::create_directories(folder);
    for (const auto& [name, content] : files) fs::rename(scratch / name, folder / name);
    fs::remove_all(scratch, ec);
  } catch (const ExportError&) {
    fs::remove_all(scratch, ec);
    throw;
  } catch (const std::exception& e) {
    fs::remove_all(scratch, ec);
    throw ExportError(folder.string(), e.what());
  }
}

}  // namespace cf
