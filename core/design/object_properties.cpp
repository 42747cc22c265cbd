#include "design/object_properties.h"

#include <type_traits>
#include <utility>

#include "design/object_lookup.h"

namespace cf {

namespace {

template <class List>
std::vector<std::string> ids_of(const List& list, bool optional) {
  std::vector<std::string> ids;
  ids.reserve(list.size() + 1);
  if (optional) ids.emplace_back();
  for (const auto& obj : list) ids.push_back(obj.id);
  return ids;
}

template <class Table>
std::vector<std::string> catalog_ids(const Table& table) {
  std::vector<std::string> ids;
  ids.reserve(table.size());
  for (const auto& [id, spec] : table) ids.push_back(id);
  return ids;
}

// A device may become any catalog entry of the same kind (a server another server).
std::vector<std::string> same_kind_catalog_ids(const Catalog& c, const std::string& catalog_id) {
  const CatalogItem* item = c.item(catalog_id);
  if (!item) return {};
  switch (item->kind) {
    case ItemKind::Server: return catalog_ids(c.servers());
    case ItemKind::Switch: return catalog_ids(c.switches());
    case ItemKind::Pdu: return catalog_ids(c.pdus());
    case ItemKind::Cooling: return catalog_ids(c.cooling_units());
    case ItemKind::Storage: return catalog_ids(c.storage_systems());
    default: return {};
  }
}

// The ids a reference key of an object of type T may name; nullopt when the key is no reference.
template <class T>
std::optional<std::vector<std::string>> reference_choices(const Design& d, const Catalog& c,
                                                          const T& obj, const std::string& key) {
  if constexpr (std::is_same_v<T, Device>) {
    if (key == "feed") return ids_of(d.power_feeds, true);
    if (key == "catalog") return same_kind_catalog_ids(c, obj.catalog_id);
  } else if constexpr (std::is_same_v<T, Rack>) {
    if (key == "row") return ids_of(d.rows, false);
    if (key == "catalog") return catalog_ids(c.racks());
  } else if constexpr (std::is_same_v<T, CoolingUnit>) {
    if (key == "row") return ids_of(d.rows, true);
    if (key == "rack") return ids_of(d.racks, true);
    if (key == "catalog") return catalog_ids(c.cooling_units());
  } else if constexpr (std::is_same_v<T, Link>) {
    if (key == "medium") return catalog_ids(c.media());
    if (key == "fabric") return ids_of(d.fabrics, true);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<ObjectProperty>> object_properties(const Design& design,
                                                             const Catalog& catalog,
                                                             std::string_view object_id) {
  std::vector<ObjectProperty> out;
  bool found = with_object(design, object_id, [&](const auto& obj, const auto& table) {
    for (const auto& field : table) {
      const bool children = field.key != "id" && is_structural_key(field.key);
      if (children) continue;
      ObjectProperty p;
      p.key = field.key;
      p.type = field.info.type;
      p.required = field.required;
      p.editable = field.key != "id" && field.info.type != FieldType::Structured &&
                   field.info.type != FieldType::TextList;
      p.choices = field.info.choices;
      p.min = field.info.min;
      p.max = field.info.max;
      p.unit = unit_of_key(field.key);
      JsonDomWriter writer;
      writer.begin_object();
      field.write(obj, writer);
      writer.end_object();
      const Json& written = writer.result();
      auto it = written.find(field.key);
      p.value = it != written.end() ? *it : field.info.default_value;
      if (auto refs = reference_choices(design, catalog, obj, field.key)) {
        p.reference = true;
        p.choices = std::move(*refs);
      }
      out.push_back(std::move(p));
    }
  });
  if (!found) return std::nullopt;
  return out;
}

std::string unit_of_key(std::string_view key) {
  // Longest suffixes first: "_bytes_per_s" before "_s".
  static const std::pair<std::string_view, std::string_view> units[] = {
      {"_usd_per_gpu_hour", "USD/GPU-h"}, {"_usd_per_kwh", "USD/kWh"}, {"_bytes_per_s", "B/s"},
      {"_bytes", "B"}, {"_usd", "USD"}, {"_kw", "kW"}, {"_w", "W"}, {"_m", "m"}, {"_v", "V"},
      {"_a", "A"}, {"_s", "s"}};
  for (const auto& [suffix, unit] : units)
    if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix)
      return std::string(unit);
  return {};
}

}  // namespace cf
