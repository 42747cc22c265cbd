#include "io/bom.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "io/csv.h"

namespace cf {

std::optional<double> BomLine::extended_price_usd() const {
  if (!included_in.empty() || !unit_price_usd) return std::nullopt;
  return *unit_price_usd * static_cast<double>(quantity);
}

std::optional<double> BomLine::extended_power_w() const {
  if (!included_in.empty() || !unit_power_w) return std::nullopt;
  return *unit_power_w * static_cast<double>(quantity);
}

namespace {

// Category order in every output.
const std::vector<std::string>& categories() {
  static const std::vector<std::string> c{"Racks",   "Servers", "GPUs",    "NICs",
                                          "Switches", "Storage", "PDUs",   "Cooling",
                                          "Cables & optics"};
  return c;
}

std::string category_of(const CatalogItem& item) {
  switch (item.kind) {
    case ItemKind::Rack: return "Racks";
    case ItemKind::Server: return "Servers";
    case ItemKind::Gpu: return "GPUs";
    case ItemKind::Nic: return "NICs";
    case ItemKind::Switch: return "Switches";
    case ItemKind::Storage: return "Storage";
    case ItemKind::Pdu: return "PDUs";
    case ItemKind::Cooling: return "Cooling";
    case ItemKind::Medium: return "Cables & optics";
  }
  return "Other";
}

std::optional<double> unit_power(const CatalogItem& item) {
  switch (item.kind) {
    case ItemKind::Pdu:
    case ItemKind::Rack: return std::nullopt;
    case ItemKind::Gpu: return static_cast<const GpuSpec&>(item).tdp_w;
    case ItemKind::Nic: return static_cast<const NicSpec&>(item).power_w;
    case ItemKind::Medium: {
      // Transceivers are counted per module; a cable's figure is per end and it has two.
      const auto& m = static_cast<const MediumSpec&>(item);
      if (!m.power_w) return std::nullopt;
      return m.type == "transceiver" ? *m.power_w : 2 * *m.power_w;
    }
    default: return static_cast<const Mountable&>(item).max_power_w;
  }
}

// Length bucket of a cable or fibre run: the shortest orderable length that reaches, else a
// standard bin (docs/methods.md, "Bill of materials counting").
struct Bucket {
  double m = 0;  // for sorting
  std::string text;
};

Bucket length_bucket(double length_m, const std::vector<double>& orderable) {
  auto text = [](double m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g m", m);
    return std::string(buf);
  };
  double best = 0;
  for (double l : orderable)
    if (l >= length_m - 1e-9 && (best == 0 || l < best)) best = l;
  if (best > 0) return {best, text(best)};
  static const double bins[] = {1, 2, 3, 5, 10, 15, 20, 30, 50, 100, 150, 200, 300, 500, 1000, 2000};
  for (double b : bins)
    if (length_m <= b + 1e-9) return {b, "<= " + text(b)};
  return {1e9, "> 2000 m"};
}

struct Key {
  std::size_t order;
  std::string included_in, id;
  double length_m = 0;  // bucket, for ordering
  std::string length;
  auto operator<=>(const Key&) const = default;
};

struct Counter {
  const Catalog& c;
  std::map<Key, long long> counts;  // ordered for stable output
  std::map<std::string, long long> unknown;  // ids the catalog lacks

  static std::size_t order_of(const std::string& category) {
    std::size_t order = 0;
    while (order < categories().size() && categories()[order] != category) ++order;
    return order;
  }

  void add(const std::string& id, long long qty, const std::string& included_in = "",
           const Bucket& length = {}) {
    const CatalogItem* item = c.item(id);
    if (!item) {
      unknown[id] += qty;
      return;
    }
    counts[{order_of(category_of(*item)), included_in, id, length.m, length.text}] += qty;
  }
};

std::string number(std::optional<double> v, const char* fmt = "%.2f") {
  if (!v) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, *v);
  return buf;
}

}  // namespace

// Hashes a (catalog id, length) pair: links are tallied per distinct medium and length first,
// so the catalog lookups and the length buckets are made once per kind of cable, not per link.
struct MediumLength {
  std::string_view medium;
  double length_m;
  bool operator==(const MediumLength&) const = default;
};
struct MediumLengthHash {
  std::size_t operator()(const MediumLength& k) const {
    return std::hash<std::string_view>()(k.medium) ^ (std::hash<double>()(k.length_m) * 31);
  }
};

Bom build_bom(const Design& d, const Catalog& c) {
  Counter counter{c, {}, {}};
  std::unordered_map<std::string_view, long long> items;  // racks, devices, cooling units
  for (const auto& rack : d.racks) {
    ++items[rack.catalog_id];
    for (const auto& dev : rack.devices) ++items[dev.catalog_id];
  }
  for (const auto& unit : d.cooling_units) ++items[unit.catalog_id];
  for (const auto& [id, qty] : items) {
    const std::string catalog_id(id);
    counter.add(catalog_id, qty);
    if (const ServerSpec* s = c.server(catalog_id)) {
      if (s->gpus > 0) counter.add(s->gpu_id, s->gpus * qty, s->id);
      for (const auto& [nic_id, cards] : nic_cards(*s, c)) counter.add(nic_id, cards * qty, s->id);
    }
  }
  std::unordered_map<MediumLength, long long, MediumLengthHash> runs;
  for (const auto& link : d.links) ++runs[{link.medium_id, link.length_m}];
  for (const auto& [run, qty] : runs) {
    const std::string medium_id(run.medium);
    const MediumSpec* m = c.medium(medium_id);
    if (!m) {
      counter.add(medium_id, qty);
      continue;
    }
    if (m->type == "transceiver") {
      // A module at each end, and a fibre run between them.
      counter.add(medium_id, 2 * qty);
      Bucket b = length_bucket(run.length_m, {});
      counter.counts[{Counter::order_of("Cables & optics"), "", "fibre-" + m->fiber, b.m, b.text}] += qty;
    } else {
      counter.add(medium_id, qty, "", length_bucket(run.length_m, m->lengths_m));
    }
  }

  Bom bom;
  for (const auto& [key, qty] : counter.counts) {
    BomLine line;
    line.category = categories()[key.order];
    line.included_in = key.included_in;
    line.length = key.length;
    line.quantity = qty;
    if (const CatalogItem* item = c.item(key.id)) {
      line.catalog_id = key.id;
      line.vendor = item->vendor;
      line.model = item->model;
      line.unit_price_usd = item->price_usd;
      line.price_estimate = item->price_estimate;
      line.unit_power_w = unit_power(*item);
      line.source = item->source;
      line.price_source = item->price_source;
    } else {  // a fibre run: a physical item the catalog does not price
      line.model = key.id == "fibre-smf" ? "Single-mode fibre run" : "Multimode fibre run";
    }
    if (key.included_in.empty()) {
      if (auto p = line.extended_price_usd()) {
        bom.total_price_usd += *p;
        bom.total_has_estimates |= line.price_estimate;
      } else {
        ++bom.lines_without_price;
      }
    }
    bom.lines.push_back(std::move(line));
  }
  // Power: the nameplate of the devices in racks (PDUs aside), as the power analysis sums it;
  // optics are inside the switch maxima and cooling units are facility load.
  for (const auto& rack : d.racks)
    for (const auto& dev : rack.devices)
      if (const Mountable* m = c.mountable(dev.catalog_id); m && m->kind != ItemKind::Pdu && m->max_power_w)
        bom.total_power_w += *m->max_power_w;
  for (const auto& [id, qty] : counter.unknown) {
    BomLine line;
    line.category = "Unknown";
    line.catalog_id = id;
    line.model = "(not in the catalog)";
    line.quantity = qty;
    ++bom.lines_without_price;
    bom.lines.push_back(std::move(line));
  }
  return bom;
}

std::string bom_to_csv(const Bom& bom) {
  std::ostringstream out;
  out << "category,catalog_id,vendor,model,included_in,length,quantity,unit_price_usd,"
         "price_estimate,extended_price_usd,unit_power_w,extended_power_w,source\n";
  for (const auto& l : bom.lines) {
    out << csv_field(l.category) << ',' << csv_field(l.catalog_id) << ',' << csv_field(l.vendor)
        << ',' << csv_field(l.model) << ',' << csv_field(l.included_in) << ','
        << csv_field(l.length) << ',' << l.quantity << ','
        << number(l.unit_price_usd) << ',' << (l.price_estimate ? "yes" : "no") << ','
        << number(l.extended_price_usd()) << ',' << number(l.unit_power_w, "%.1f") << ','
        << number(l.extended_power_w(), "%.1f") << ',' << csv_field(l.source) << '\n';
  }
  out << "Total,,,,,,," << ',' << (bom.total_has_estimates ? "yes" : "no") << ','
      << number(bom.total_price_usd) << ",," << number(bom.total_power_w, "%.1f") << ",\n";
  return out.str();
}

Json bom_to_json(const Bom& bom) {
  auto opt = [](std::optional<double> v) { return v ? Json(*v) : Json(nullptr); };
  Json lines = Json::array();
  for (const auto& l : bom.lines) {
    Json j{{"category", l.category}, {"catalog_id", l.catalog_id}, {"vendor", l.vendor},
           {"model", l.model},       {"quantity", l.quantity}};
    if (!l.included_in.empty()) j["included_in"] = l.included_in;
    if (!l.length.empty()) j["length"] = l.length;
    j["unit_price_usd"] = opt(l.unit_price_usd);
    j["price_estimate"] = l.price_estimate;
    j["extended_price_usd"] = opt(l.extended_price_usd());
    j["unit_power_w"] = opt(l.unit_power_w);
    j["extended_power_w"] = opt(l.extended_power_w());
    j["source"] = l.source;
    lines.push_back(std::move(j));
  }
  return Json{{"lines", lines},
              {"totals",
               {{"price_usd", bom.total_price_usd},
                {"price_includes_estimates", bom.total_has_estimates},
                {"lines_without_price", bom.lines_without_price},
                {"power_w", bom.total_power_w}}}};
}

std::string bom_to_markdown(const Bom& bom, const std::string& title) {
  auto money = [](std::optional<double> v) {
    if (!v) return std::string("unknown");
    // Whole dollars with thousands separators: $34,290,000.
    std::string digits = std::to_string(static_cast<long long>(std::llround(*v)));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return "$" + out;
  };
  std::ostringstream out;
  out << "# Bill of materials: " << title << "\n\n";
  out << "| Category | Item | Qty | Unit price | Extended | Unit power | Source |\n";
  out << "|---|---|---:|---:|---:|---:|---|\n";
  for (const auto& l : bom.lines) {
    std::string item = l.vendor + " " + l.model + " (`" + l.catalog_id + "`)";
    if (!l.included_in.empty()) item += ", in `" + l.included_in + "`";
    if (!l.length.empty()) item += ", " + l.length;
    if (l.catalog_id.empty()) item = l.model + (l.length.empty() ? "" : ", " + l.length);
    std::string unit = l.included_in.empty() ? money(l.unit_price_usd) : "included";
    if (l.price_estimate && l.unit_price_usd && l.included_in.empty()) unit += " (est.)";
    std::string ext = l.included_in.empty() ? money(l.extended_price_usd()) : "";
    out << "| " << l.category << " | " << item << " | " << l.quantity << " | " << unit << " | "
        << ext << " | " << (l.unit_power_w ? number(l.unit_power_w, "%.0f") + " W" : "") << " | "
        << (l.source.empty() ? "" : "[source](" + l.source + ")") << " |\n";
  }
  out << "\n**Total (known prices):** " << money(bom.total_price_usd)
      << (bom.total_has_estimates ? " (includes estimates)" : "") << "  \n";
  out << "**Lines without a price:** " << bom.lines_without_price << "  \n";
  out << "**Nameplate power of the rack devices** (as `analyze` sums it; optics are inside the switch "
         "maxima, cooling units are facility load): " << number(bom.total_power_w / 1000.0, "%.1f") << " kW\n";
  return out.str();
}

}  // namespace cf
