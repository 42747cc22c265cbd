#include "export/netbox_choices.h"

#include <array>
#include <cctype>
#include <cmath>

namespace cf {

namespace {

struct InterfaceType {
  std::string_view connector;
  double gbps;
  std::string_view slug;
};

// InterfaceTypeChoices values, by cage and rate.
constexpr std::array<InterfaceType, 15> kInterfaceTypes{{
    {"rj45", 0.1, "100base-tx"},
    {"rj45", 1, "1000base-t"},
    {"rj45", 10, "10gbase-t"},
    {"sfp", 1, "1000base-x-sfp"},
    {"sfp+", 10, "10gbase-x-sfpp"},
    {"sfp28", 25, "25gbase-x-sfp28"},
    {"qsfp28", 100, "100gbase-x-qsfp28"},
    {"qsfp56", 200, "200gbase-x-qsfp56"},
    {"qsfp112", 400, "400gbase-x-qsfp112"},
    {"qsfp-dd", 100, "100gbase-x-qsfpdd"},
    {"qsfp-dd", 200, "200gbase-x-qsfpdd"},
    {"qsfp-dd", 400, "400gbase-x-qsfpdd"},
    {"qsfp-dd", 800, "800gbase-x-qsfpdd"},
    {"osfp", 400, "400gbase-x-osfp"},
    {"osfp", 800, "800gbase-x-osfp"},
}};

}  // namespace

std::string netbox_interface_type(std::string_view connector, double speed_bps) {
  std::string lower;
  for (char c : connector) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const InterfaceType& t : kInterfaceTypes)
    if (t.connector == lower && std::abs(t.gbps * 1e9 - speed_bps) < 1e6) return std::string(t.slug);
  return "other";
}

std::string netbox_cable_type(const MediumSpec* medium) {
  if (!medium) return {};
  if (medium->type == "dac") return "dac-passive";
  if (medium->type == "acc") return "dac-active";  // active copper: NetBox's "Direct Attach Copper (Active)"
  if (medium->type == "aoc") return "aoc";
  if (medium->type == "transceiver") {
    if (medium->fiber == "mmf") return "mmf";
    if (medium->fiber == "smf") return "smf";
  }
  return {};
}

std::string netbox_slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(u));
    } else {
      dash = true;
    }
  }
  return out.empty() ? "x" : out.substr(0, 100);
}

}  // namespace cf
