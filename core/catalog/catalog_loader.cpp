#include "catalog/catalog_loader.h"

#include <algorithm>
#include <set>

#include "catalog/enum_names.h"
#include "catalog/units.h"
#include "io/field_table.h"
#include "io/json_document.h"

namespace cf {

namespace {

constexpr double kMaxPrice = 1e9;
constexpr double kMaxPowerW = 5e6;

template <class T>
Field<T> text_in(std::string key, std::string T::*member, std::vector<std::string> allowed) {
  return {key, true,
          [member, allowed](T& o, JsonValue v, const JsonPath& p) {
            std::string s = read_string(v, p);
            if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
              std::string choices;
              for (const auto& a : allowed) choices += (choices.empty() ? "" : ", ") + a;
              fail_at(p, "expected one of " + choices + ", got \"" + s + "\"");
            }
            o.*member = s;
          },
          [](const T&, JsonWriter&) {}};
}

template <class T>
void add_common(FieldTable<T>& t) {
  t.push_back(string_field<T>("id", &T::id, true));
  t.push_back(string_field<T>("vendor", &T::vendor, true));
  t.push_back(string_field<T>("model", &T::model, true));
  t.push_back(string_field<T>("source", &T::source, true));
  t.push_back(string_field<T>("confidence", &T::confidence, false));
  t.push_back(string_field<T>("notes", &T::notes, false));
  t.push_back(optional_number_field<T>("price_usd", &T::price_usd, 0, kMaxPrice));
  t.push_back(bool_field<T>("price_estimate", &T::price_estimate, false));
  t.push_back(string_field<T>("price_source", &T::price_source, false));
}

const FieldTable<Breakout>& breakout_fields() {
  static const FieldTable<Breakout> t{
      integer_field<Breakout>("lanes", &Breakout::lanes, true, 2, 8),
      number_field<Breakout>("speed_gbps", &Breakout::speed_bps, true, 0.001, 3200,
                             units::kGigabitPerSecond),
  };
  return t;
}

const FieldTable<PortGroup>& port_group_fields() {
  static const FieldTable<PortGroup> t{
      string_field<PortGroup>("name", &PortGroup::name, true),
      enum_field<PortGroup>("role", &PortGroup::role, true, port_role_names()),
      integer_field<PortGroup>("count", &PortGroup::count, true, 1, 4096),
      number_field<PortGroup>("speed_gbps", &PortGroup::speed_bps, true, 0.001, 3200,
                              units::kGigabitPerSecond),
      string_field<PortGroup>("connector", &PortGroup::connector, true),
      string_field<PortGroup>("nic", &PortGroup::nic_id, false),
      object_list_field<PortGroup, Breakout>("breakout", &PortGroup::breakouts, false,
                                             &breakout_fields),
  };
  return t;
}

// Rack space, weight, power (systems state power in kW) and ports.
template <class T>
void add_mountable(FieldTable<T>& t, bool power_in_kw, bool ports_required) {
  t.push_back(integer_field<T, int>("rack_units", &T::rack_units, true, 0, 60));
  t.push_back(bool_field<T>("full_depth", &T::full_depth, true));
  t.push_back(optional_number_field<T>("depth_mm", &T::depth_m, 1, 3000, units::kMillimetre));
  t.push_back(optional_number_field<T>("weight_kg", &T::weight_kg, 0, 5000));
  const double scale = power_in_kw ? units::kKilowatt : 1.0;
  const double max = kMaxPowerW / scale;
  const std::string unit = power_in_kw ? "_kw" : "_w";
  t.push_back(optional_number_field<T>("max_power" + unit, &T::max_power_w, 0, max, scale));
  t.push_back(optional_number_field<T>("typical_power" + unit, &T::typical_power_w, 0, max, scale));
  t.push_back(optional_number_field<T>("idle_power" + unit, &T::idle_power_w, 0, max, scale));
  t.push_back(bool_field<T>("power_estimate", &T::power_estimate, false));
  t.push_back(string_field<T>("power_basis", &T::power_basis, false));
  t.push_back(object_list_field<T, PortGroup>("ports", &T::ports, ports_required,
                                              &port_group_fields));
}

Field<GpuSpec> dense_tflops_field() {
  return {"dense_tflops", true,
          [](GpuSpec& g, JsonValue v, const JsonPath& p) {
            for (const auto& [key, value] : members_of(v, p)) {
              auto precision = enum_from_name(std::string(key), precision_names());
              if (!precision) continue;  // other figures (int8, vector) are informational
              g.dense_flops[*precision] =
                  read_number(value, p.child(key), 0.001, 1e6) * units::kTeraflops;
            }
            if (!g.dense_flops.count(Precision::Bf16))
              fail_at(p, "missing required field \"bf16\"");
          },
          [](const GpuSpec&, JsonWriter&) {}};
}

Field<GpuSpec> scale_up_field() {
  return {"scale_up", true,
          [](GpuSpec& g, JsonValue v, const JsonPath& p) {
            JsonMembers members = members_of(v, p);
            const JsonValue* tech = find_member(members, "technology");
            if (!tech) fail_at(p, "missing required field \"technology\"");
            g.scale_up_technology = read_string(*tech, p.child("technology"));
            const JsonValue* bw = find_member(members, "bandwidth_gbytes_s_bidir");
            if (!bw) fail_at(p, "missing required field \"bandwidth_gbytes_s_bidir\"");
            g.scale_up_bandwidth_bps =
                read_number(*bw, p.child("bandwidth_gbytes_s_bidir"), 0, 1e5) *
                units::kGigabytePerSecondInBits * units::kBidirectionalToPerDirection;
            if (const JsonValue* links = find_member(members, "links"))
              g.scale_up_links = static_cast<int>(read_integer(*links, p.child("links"), 0, 1024));
          },
          [](const GpuSpec&, JsonWriter&) {}};
}

const FieldTable<GpuSpec>& gpu_fields() {
  static const FieldTable<GpuSpec> t = [] {
    FieldTable<GpuSpec> t;
    add_common(t);
    t.push_back(number_field<GpuSpec>("memory_gb", &GpuSpec::memory_bytes, true, 1, 10000,
                                      units::kGigabyte));
    t.push_back(number_field<GpuSpec>("memory_bandwidth_tbytes_s",
                                      &GpuSpec::memory_bandwidth_bytes_per_s, true, 0.01, 1000,
                                      units::kTerabytePerSecond));
    t.push_back(number_field<GpuSpec>("tdp_w", &GpuSpec::tdp_w, true, 1, 10000));
    t.push_back(dense_tflops_field());
    t.push_back(scale_up_field());
    return t;
  }();
  return t;
}

const FieldTable<ServerSpec>& server_fields() {
  static const FieldTable<ServerSpec> t = [] {
    FieldTable<ServerSpec> t;
    add_common(t);
    add_mountable(t, true, true);
    t.push_back(string_field<ServerSpec>("gpu", &ServerSpec::gpu_id, false));
    t.push_back(integer_field<ServerSpec>("gpus", &ServerSpec::gpus, true, 0, 1024));
    t.push_back(text_in<ServerSpec>("cooling", &ServerSpec::cooling, {"air", "liquid", "hybrid"}));
    t.push_back(string_field<ServerSpec>("role", &ServerSpec::role, false));
    t.push_back(string_field<ServerSpec>("cpu", &ServerSpec::cpu, false));
    t.push_back(optional_number_field<ServerSpec>("airflow_cfm", &ServerSpec::airflow_cfm, 0, 1e5));
    t.push_back(optional_number_field<ServerSpec>(
        "system_memory_gb", &ServerSpec::system_memory_bytes, 0, 1e6, units::kGigabyte));
    t.push_back(integer_field<ServerSpec>("scale_up_domain_gpus", &ServerSpec::scale_up_domain_gpus,
                                          false, 0, 100000));
    t.push_back(bool_field<ServerSpec>("rack_scale", &ServerSpec::rack_scale, false));
    t.push_back(integer_field<ServerSpec>("compute_nodes", &ServerSpec::compute_nodes, false, 1, 1024));
    return t;
  }();
  return t;
}

const FieldTable<SwitchSpec>& switch_fields() {
  static const FieldTable<SwitchSpec> t = [] {
    FieldTable<SwitchSpec> t;
    add_common(t);
    add_mountable(t, false, true);
    t.push_back(text_in<SwitchSpec>("protocol", &SwitchSpec::protocol, {"infiniband", "ethernet"}));
    t.push_back(bool_field<SwitchSpec>("chassis", &SwitchSpec::chassis, false));
    return t;
  }();
  return t;
}

const FieldTable<NicSpec>& nic_fields() {
  static const FieldTable<NicSpec> t = [] {
    FieldTable<NicSpec> t;
    add_common(t);
    t.push_back(integer_field<NicSpec>("ports", &NicSpec::ports, true, 1, 16));
    t.push_back(number_field<NicSpec>("speed_gbps", &NicSpec::speed_bps, true, 0.001, 3200,
                                      units::kGigabitPerSecond));
    t.push_back(string_field<NicSpec>("connector", &NicSpec::connector, false));
    t.push_back(string_field<NicSpec>("host_interface", &NicSpec::host_interface, false));
    t.push_back(string_list_field<NicSpec>("protocols", &NicSpec::protocols));
    t.push_back(optional_number_field<NicSpec>("power_w", &NicSpec::power_w, 0, 1000));
    t.push_back(bool_field<NicSpec>("power_estimate", &NicSpec::power_estimate, false));
    return t;
  }();
  return t;
}

const FieldTable<MediumSpec>& medium_fields() {
  static const FieldTable<MediumSpec> t = [] {
    FieldTable<MediumSpec> t;
    add_common(t);
    t.push_back(text_in<MediumSpec>("type", &MediumSpec::type, {"dac", "acc", "aoc", "transceiver"}));
    t.push_back(number_field<MediumSpec>("speed_gbps", &MediumSpec::speed_bps, true, 0.001, 3200,
                                         units::kGigabitPerSecond));
    t.push_back(number_field<MediumSpec>("reach_m", &MediumSpec::reach_m, true, 0.1, 100000));
    t.push_back(string_field<MediumSpec>("connector", &MediumSpec::connector, false));
    t.push_back(string_field<MediumSpec>("fiber", &MediumSpec::fiber, false));
    t.push_back(optional_number_field<MediumSpec>("power_w", &MediumSpec::power_w, 0, 100));
    t.push_back(bool_field<MediumSpec>("power_estimate", &MediumSpec::power_estimate, false));
    t.push_back({"lengths_m", false,
                 [](MediumSpec& m, JsonValue v, const JsonPath& p) {
                   require_array(v, p);
                   v.for_each_element([&](JsonValue e) {
                     m.lengths_m.push_back(read_number(e, p.child(m.lengths_m.size()), 0.1, 100000));
                   });
                 },
                 [](const MediumSpec&, JsonWriter&) {}});
    t.push_back(integer_field<MediumSpec>("breakout_ends", &MediumSpec::breakout_ends, false, 1, 8));
    return t;
  }();
  return t;
}

const FieldTable<RackSpec>& rack_fields() {
  static const FieldTable<RackSpec> t = [] {
    FieldTable<RackSpec> t;
    add_common(t);
    t.push_back(integer_field<RackSpec>("rack_units", &RackSpec::rack_units, true, 1, 60));
    t.push_back(number_field<RackSpec>("width_mm", &RackSpec::width_m, true, 100, 2000,
                                       units::kMillimetre));
    t.push_back(number_field<RackSpec>("depth_mm", &RackSpec::depth_m, true, 100, 3000,
                                       units::kMillimetre));
    t.push_back(optional_number_field<RackSpec>("max_load_kg", &RackSpec::max_load_kg, 1, 10000));
    return t;
  }();
  return t;
}

const FieldTable<PduSpec>& pdu_fields() {
  static const FieldTable<PduSpec> t = [] {
    FieldTable<PduSpec> t;
    add_common(t);
    add_mountable(t, false, false);
    t.push_back(integer_field<PduSpec>("phases", &PduSpec::phases, true, 1, 3));
    t.push_back(number_field<PduSpec>("voltage_v", &PduSpec::voltage_v, true, 1, 1000));
    t.push_back(number_field<PduSpec>("current_a", &PduSpec::current_a, true, 1, 1000));
    t.push_back(string_field<PduSpec>("outlets", &PduSpec::outlets, false));
    return t;
  }();
  return t;
}

const FieldTable<CoolingSpec>& cooling_fields() {
  static const FieldTable<CoolingSpec> t = [] {
    FieldTable<CoolingSpec> t;
    add_common(t);
    t.push_back(text_in<CoolingSpec>("type", &CoolingSpec::type,
                                     {"crah", "inrow", "rdhx_passive", "rdhx_active", "cdu_in_rack",
                                      "cdu_facility"}));
    t.push_back(text_in<CoolingSpec>("placement", &CoolingSpec::placement,
                                     {"floor", "row", "door", "rack"}));
    t.push_back(number_field<CoolingSpec>("capacity_kw", &CoolingSpec::capacity_w, true, 0.1, 1e5,
                                          units::kKilowatt));
    t.push_back(integer_field<CoolingSpec, int>("rack_units", &CoolingSpec::rack_units, false, 0, 60));
    t.push_back(optional_number_field<CoolingSpec>("weight_kg", &CoolingSpec::weight_kg, 0, 10000));
    t.push_back(optional_number_field<CoolingSpec>("max_power_w", &CoolingSpec::max_power_w, 0,
                                                   kMaxPowerW));
    t.push_back(bool_field<CoolingSpec>("power_estimate", &CoolingSpec::power_estimate, false));
    return t;
  }();
  return t;
}

const FieldTable<StorageSpec>& storage_fields() {
  static const FieldTable<StorageSpec> t = [] {
    FieldTable<StorageSpec> t;
    add_common(t);
    add_mountable(t, true, true);
    t.push_back(optional_number_field<StorageSpec>("capacity_tb", &StorageSpec::capacity_bytes, 0,
                                                   1e6, units::kTerabyte));
    t.push_back(optional_number_field<StorageSpec>("read_gbytes_s", &StorageSpec::read_bytes_per_s,
                                                   0, 1e5, units::kGigabyte));
    t.push_back(optional_number_field<StorageSpec>(
        "write_gbytes_s", &StorageSpec::write_bytes_per_s, 0, 1e5, units::kGigabyte));
    return t;
  }();
  return t;
}

template <class Spec>
void add_entry(Catalog& catalog, ItemKind kind, const FieldTable<Spec>& table, JsonValue entry,
               const JsonPath& path, const std::string& file) {
  Spec spec{};
  spec.kind = kind;
  spec.file = file;
  read_fields(spec, entry, path, table, nullptr);
  catalog.add(std::move(spec));
}

void check_references(const Catalog& c) {
  auto check_ports = [&](const Mountable& m) {
    for (const auto& g : m.ports)
      if (!g.nic_id.empty() && !c.nic(g.nic_id))
        throw LoadError("", "entry \"" + m.id + "\": port group \"" + g.name +
                                "\" names unknown NIC \"" + g.nic_id + "\"")
            .in_file(m.file);
  };
  for (const auto& [id, s] : c.servers()) {
    if (s.gpus > 0 && !c.gpu(s.gpu_id))
      throw LoadError("", "entry \"" + id + "\": " +
                              (s.gpu_id.empty() ? std::string("missing required field \"gpu\"")
                                                : "unknown GPU \"" + s.gpu_id + "\""))
          .in_file(s.file);
    check_ports(s);
  }
  for (const auto& [id, s] : c.switches()) check_ports(s);
  for (const auto& [id, s] : c.storage_systems()) check_ports(s);
}

std::vector<std::filesystem::path> json_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

void load_catalog_document(Catalog& catalog, JsonValue doc, const std::string& file) {
  try {
    const JsonPath root;
    JsonMembers members = members_of(doc, root);
    const JsonValue* format = find_member(members, "format");
    if (!format || !format->is_string() || format->string() != "clusterforge-catalog")
      fail_at(root.child("format"),
              "not a ClusterForge catalog (expected \"format\": \"clusterforge-catalog\")");
    const JsonValue* version = find_member(members, "version");
    if (!version) fail_at(root, "missing required field \"version\"");
    if (read_integer(*version, root.child("version"), 1, 1000000) > 1)
      fail_at(root.child("version"), "catalog version " + version->dump() +
                                         " is newer than this ClusterForge understands (1)");
    const JsonValue* kind_value = find_member(members, "kind");
    if (!kind_value) fail_at(root, "missing required field \"kind\"");
    std::string kind_name = read_string(*kind_value, root.child("kind"));
    auto kind = item_kind_from_string(kind_name);
    if (!kind) fail_at(root.child("kind"), "unknown catalog kind \"" + kind_name + "\"");
    const JsonValue* entries = find_member(members, "entries");
    if (!entries) fail_at(root, "missing required field \"entries\"");
    const JsonPath entries_path = root.child("entries");
    require_array(*entries, entries_path);

    std::set<std::string> seen;
    std::size_t i = 0;
    entries->for_each_element([&](JsonValue e) {
      const JsonPath path = entries_path.child(i);
      std::string name = "entry #" + std::to_string(i++);
      std::string id;
      e.for_each_member([&](std::string_view key, JsonValue v) {
        if (key == "id" && v.is_string() && id.empty()) id = std::string(v.string());
      });
      if (!id.empty()) name = "entry \"" + id + "\"";
      try {
        switch (*kind) {
          case ItemKind::Gpu: add_entry(catalog, *kind, gpu_fields(), e, path, file); break;
          case ItemKind::Server: add_entry(catalog, *kind, server_fields(), e, path, file); break;
          case ItemKind::Switch: add_entry(catalog, *kind, switch_fields(), e, path, file); break;
          case ItemKind::Nic: add_entry(catalog, *kind, nic_fields(), e, path, file); break;
          case ItemKind::Medium: add_entry(catalog, *kind, medium_fields(), e, path, file); break;
          case ItemKind::Rack: add_entry(catalog, *kind, rack_fields(), e, path, file); break;
          case ItemKind::Pdu: add_entry(catalog, *kind, pdu_fields(), e, path, file); break;
          case ItemKind::Cooling: add_entry(catalog, *kind, cooling_fields(), e, path, file); break;
          case ItemKind::Storage: add_entry(catalog, *kind, storage_fields(), e, path, file); break;
        }
      } catch (const LoadError& err) {
        throw LoadError(err.json_path(), name + ": " + err.message());
      }
      if (!seen.insert(id).second) fail_at(path, name + ": duplicate id in this file");
    });
  } catch (const LoadError& err) {
    throw err.in_file(file);
  }
}

void parse_catalog_text(Catalog& catalog, std::string_view text, const std::string& file) {
  std::optional<JsonDocument> doc;
  try {
    doc.emplace(JsonDocument::parse(text, kCatalogLimits));
  } catch (const LoadError& e) {
    throw e.in_file(file);
  }
  load_catalog_document(catalog, doc->root(), file);
}

Catalog load_catalog(const std::vector<std::filesystem::path>& folders) {
  Catalog catalog;
  for (std::size_t level = 0; level < folders.size(); ++level) {
    const auto& folder = folders[level];
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
      if (level == 0)
        throw LoadError("", "catalog folder not found").in_file(folder.string());
      continue;
    }
    // Ids must be unique within one level; across levels the later one overrides.
    Catalog level_catalog;
    for (const auto& file : json_files(folder)) {
      std::size_t before = level_catalog.overridden().size();
      load_catalog_document(level_catalog, JsonDocument::read_file(file, kCatalogLimits).root(),
                            file.string());
      if (level_catalog.overridden().size() != before)
        throw LoadError("", "id \"" + level_catalog.overridden().back() +
                                "\" is defined twice in " + folder.string())
            .in_file(file.string());
    }
    auto merge = [&](const auto& table) {
      for (const auto& [id, spec] : table) catalog.add(spec);
    };
    merge(level_catalog.gpus());
    merge(level_catalog.servers());
    merge(level_catalog.switches());
    merge(level_catalog.nics());
    merge(level_catalog.media());
    merge(level_catalog.racks());
    merge(level_catalog.pdus());
    merge(level_catalog.cooling_units());
    merge(level_catalog.storage_systems());
  }
  check_references(catalog);
  return catalog;
}

}  // namespace cf
