#include "analysis/summary.h"

#include <algorithm>
#include <cstdio>

namespace cf {

DesignSummary summarize(const Design& d, const Catalog& c) {
  DesignSummary s;
  s.name = d.name;
  s.racks = static_cast<int>(d.racks.size());
  s.links = static_cast<int>(d.links.size());
  for (const auto& rack : d.racks) {
    RackPower rp{rack.id, 0};
    for (const auto& dev : rack.devices) {
      if (const ServerSpec* srv = c.server(dev.catalog_id); srv && srv->gpus > 0) {
        ++s.servers;
        s.gpus += srv->gpus;
      }
      if (c.network_switch(dev.catalog_id)) ++s.switches;
      if (c.storage(dev.catalog_id)) ++s.storage;
      if (c.pdu(dev.catalog_id)) continue;  // PDUs distribute power, they do not draw it
      const Mountable* spec = c.mountable(dev.catalog_id);
      if (spec && spec->max_power_w)
        rp.max_w += *spec->max_power_w;
      else
        ++s.devices_without_power;
    }
    s.it_max_w += rp.max_w;
    if (rp.max_w > s.max_rack_w) {
      s.max_rack_w = rp.max_w;
      s.max_rack_id = rack.id;
    }
    s.rack_power.push_back(std::move(rp));
  }
  return s;
}

Json DesignSummary::to_json() const {
  Json racks_json = Json::array();
  for (const auto& r : rack_power) racks_json.push_back({{"id", r.id}, {"max_w", r.max_w}});
  return Json{{"name", name},
              {"gpus", gpus},
              {"servers", servers},
              {"switches", switches},
              {"storage", storage},
              {"racks", racks},
              {"links", links},
              {"power",
               {{"it_max_w", it_max_w},
                {"max_rack_w", max_rack_w},
                {"max_rack_id", max_rack_id},
                {"devices_without_power", devices_without_power},
                {"racks", racks_json}}}};
}

}  // namespace cf

namespace cf {

std::string DesignSummary::to_text() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%s\n"
                "  GPUs              %d\n"
                "  GPU servers       %d\n"
                "  Switches          %d\n"
                "  Storage systems   %d\n"
                "  Racks             %d\n"
                "  Links             %d\n"
                "  IT power (max)    %.1f kW  (nameplate maximum of all devices)\n"
                "  Densest rack      %.1f kW (%s)\n",
                name.c_str(), gpus, servers, switches, storage, racks, links, it_max_w / 1000.0,
                max_rack_w / 1000.0, max_rack_id.c_str());
  std::string out = buf;
  if (devices_without_power > 0)
    out += "  (" + std::to_string(devices_without_power) +
           " devices have no power figure in the catalog and are left out)\n";
  return out;
}

}  // namespace cf
