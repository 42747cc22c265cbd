#include "analysis/scale_up.h"

#include <map>

namespace cf {

Json ScaleUpDomains::to_json() const {
  return Json{{"server", server_id},
              {"technology", technology},
              {"gpus_per_domain", gpus_per_domain},
              {"domains", domains},
              {"bandwidth_bps_per_gpu", bandwidth_bps_per_gpu}};
}

std::vector<ScaleUpDomains> analyze_scale_up(const Design& d, const Catalog& c) {
  std::map<std::string, int> servers;
  for (const auto& rack : d.racks)
    for (const auto& dev : rack.devices)
      if (const ServerSpec* s = c.server(dev.catalog_id); s && s->gpus > 0) ++servers[s->id];
  std::vector<ScaleUpDomains> out;
  for (const auto& [id, count] : servers) {
    const ServerSpec& s = *c.server(id);
    const GpuSpec* gpu = c.gpu(s.gpu_id);
    ScaleUpDomains dom;
    dom.server_id = id;
    dom.technology = gpu ? gpu->scale_up_technology : "";
    // A domain spans `scale_up_domain_gpus` GPUs (8 on a baseboard, 72 in an NVL72 rack); a
    // system never holds a fraction of one.
    dom.gpus_per_domain = s.scale_up_domain_gpus > 0 ? s.scale_up_domain_gpus : s.gpus;
    dom.gpus = count * s.gpus;
    dom.domains = (dom.gpus + dom.gpus_per_domain - 1) / dom.gpus_per_domain;
    dom.bandwidth_bps_per_gpu = gpu ? gpu->scale_up_bandwidth_bps : 0;
    out.push_back(std::move(dom));
  }
  return out;
}

}  // namespace cf
