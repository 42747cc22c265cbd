#include "design/ports.h"

#include <charconv>

namespace cf {

namespace {

const Breakout* find_breakout(const PortGroup& g, int lanes) {
  for (const auto& b : g.breakouts)
    if (b.lanes == lanes) return &b;
  return nullptr;
}

bool parse_index(std::string_view s, int& out) {
  if (s.empty() || s.front() == '0') return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

const PortGroup* find_port_group(const Mountable& spec, std::string_view name) {
  for (const auto& g : spec.ports)
    if (g.name == name) return &g;
  return nullptr;
}

int lanes_of(const Device& device, std::string_view prefix, int index) {
  for (const auto& r : device.breakouts)
    if (r.prefix == prefix && index >= r.first && index <= r.last) return r.lanes;
  return 1;
}

bool ports_conflict(const ResolvedPort& a, const ResolvedPort& b) {
  return a.group == b.group && a.index == b.index &&
         (a.lane == b.lane || a.lane == 0 || b.lane == 0);
}

// Allocates only to explain a failure: resolving is on the path of every link end.
std::optional<ResolvedPort> resolve_port(const Mountable& spec, const Device& device,
                                         std::string_view name, std::string* why) {
  auto fail = [&](auto&& reason) -> std::optional<ResolvedPort> {
    if (why) *why = reason();
    return std::nullopt;
  };
  const std::string_view physical = name.substr(0, name.find('/'));  // p12 of p12/2
  const auto digits = physical.find_first_of("0123456789");
  if (digits == std::string_view::npos || digits == 0)
    return fail([&] {
      return "\"" + std::string(name) + "\" is not a port name (expected e.g. p1 or p1/2)";
    });
  const std::string_view prefix = physical.substr(0, digits);
  const PortGroup* group = find_port_group(spec, prefix);
  if (!group)
    return fail([&] { return spec.model + " has no ports named " + std::string(prefix) + "N"; });
  ResolvedPort port;
  port.group = group;
  if (!parse_index(physical.substr(digits), port.index) || port.index > group->count)
    return fail([&] {
      const std::string p(prefix);
      return spec.model + " has ports " + p + "1 to " + p + std::to_string(group->count) +
             ", not \"" + std::string(name) + "\"";
    });
  const int lanes = lanes_of(device, prefix, port.index);
  if (physical.size() == name.size()) {
    if (lanes > 1)
      return fail([&] {
        const std::string p(physical);
        return p + " is split into " + std::to_string(lanes) + " lanes; use " + p + "/1 to " + p +
               "/" + std::to_string(lanes);
      });
    port.speed_bps = group->speed_bps;
    return port;
  }
  if (lanes == 1)
    return fail([&] {
      return std::string(physical) + " is not configured for breakout, so \"" +
             std::string(name) + "\" does not exist";
    });
  if (!parse_index(name.substr(physical.size() + 1), port.lane) || port.lane > lanes)
    return fail([&] {
      return std::string(physical) + " has lanes 1 to " + std::to_string(lanes) + ", not \"" +
             std::string(name) + "\"";
    });
  const Breakout* b = find_breakout(*group, lanes);
  if (!b)
    return fail([&] {
      return spec.model + " port " + std::string(physical) + " cannot split into " +
             std::to_string(lanes) + " lanes";
    });
  port.speed_bps = b->speed_bps;
  return port;
}

std::optional<std::string> check_breakouts(const Mountable& spec, const Device& device) {
  for (const auto& r : device.breakouts) {
    const PortGroup* g = find_port_group(spec, r.prefix);
    if (!g) return spec.model + " has no ports named " + r.prefix + "N";
    if (r.last > g->count)
      return spec.model + " has ports " + r.prefix + "1 to " + r.prefix +
             std::to_string(g->count) + ", breakout names " + r.prefix + std::to_string(r.last);
    if (!find_breakout(*g, r.lanes))
      return spec.model + " ports " + r.prefix + "N cannot split into " +
             std::to_string(r.lanes) + " lanes";
  }
  return std::nullopt;
}

std::vector<std::string> port_names(const Mountable& spec, const Device& device) {
  std::vector<std::string> names;
  for (const auto& g : spec.ports) {
    for (int i = 1; i <= g.count; ++i) {
      std::string physical = g.name + std::to_string(i);
      int lanes = lanes_of(device, g.name, i);
      if (lanes == 1) {
        names.push_back(physical);
        continue;
      }
      for (int l = 1; l <= lanes; ++l) names.push_back(physical + "/" + std::to_string(l));
    }
  }
  return names;
}

}  // namespace cf
