#include "network_test_support.h"

#include "test_support.h"

namespace cf::test {

const Catalog& network_test_catalog() {
  static const Catalog catalog = [] {
    Catalog c = installed_catalog();
    for (int radix : {4, 16, 48, 74}) {
      SwitchSpec s;
      s.kind = ItemKind::Switch;
      s.id = "test-switch-r" + std::to_string(radix);
      s.vendor = "Test";
      s.model = "switch r" + std::to_string(radix);
      s.rack_units = 1;
      s.ports.push_back({"p", PortRole::Fabric, radix, kTestPortBps, "qsfp28", "", {}});
      c.add(s);
    }
    ServerSpec h;
    h.kind = ItemKind::Server;
    h.id = "test-host";
    h.vendor = "Test";
    h.model = "host";
    h.rack_units = 1;
    h.gpu_id = "nvidia-h100-sxm5-80gb";
    h.gpus = 1;
    h.ports.push_back({"gpu", PortRole::Compute, 1, kTestPortBps, "qsfp28", "", {}});
    c.add(h);
    return c;
  }();
  return catalog;
}

FabricBuilder::FabricBuilder(std::string name) {
  design_.name = std::move(name);
  design_.fabrics.push_back({"compute", "Compute", FabricKind::Compute, std::nullopt, {}});
}

void FabricBuilder::row(const std::string& id) {
  design_.rows.push_back({id, id, 0, 3.0 * static_cast<double>(design_.rows.size()), {}});
  position_ = 0;
}

void FabricBuilder::rack(const std::string& id) {
  Rack r;
  r.id = id;
  r.catalog_id = "rack-48u-600x1200";
  r.row_id = design_.rows.back().id;
  r.position = position_++;
  design_.racks.push_back(r);
  u_ = 1;
}

void FabricBuilder::device(const std::string& id, const std::string& catalog_id) {
  design_.racks.back().devices.push_back({id, id, catalog_id, u_++, Face::Front, "", {}, {}});
}

void FabricBuilder::link(const std::string& a, const std::string& port_a, const std::string& b,
                         const std::string& port_b, const std::string& medium) {
  design_.links.push_back(
      {"l" + std::to_string(++links_), {a, port_a}, {b, port_b}, medium, 2.0, "compute", {}});
}

Design fat_tree(int k) {
  const int half = k / 2;
  const std::string sw = "test-switch-r" + std::to_string(k);
  FabricBuilder b("fat-tree k=" + std::to_string(k));
  auto p = [](int i) { return "p" + std::to_string(i); };
  auto edge = [](int pod, int i) {
    return "pod" + std::to_string(pod) + "-edge" + std::to_string(i);
  };
  auto agg = [](int pod, int i) {
    return "pod" + std::to_string(pod) + "-agg" + std::to_string(i);
  };
  auto core = [](int i) { return "core" + std::to_string(i); };
  for (int pod = 1; pod <= k; ++pod) {
    b.row("pod" + std::to_string(pod));
    for (int e = 1; e <= half; ++e) {
      b.rack("pod" + std::to_string(pod) + "-r" + std::to_string(e));
      b.device(edge(pod, e), sw);
      for (int h = 1; h <= half; ++h) {
        std::string host = edge(pod, e) + "-h" + std::to_string(h);
        b.device(host, "test-host");
        b.link(host, "gpu1", edge(pod, e), p(h));
      }
    }
    b.rack("pod" + std::to_string(pod) + "-aggs");
    for (int a = 1; a <= half; ++a) b.device(agg(pod, a), sw);
  }
  b.row("core");
  b.rack("core-r1");
  for (int c = 1; c <= half * half; ++c) b.device(core(c), sw);
  for (int pod = 1; pod <= k; ++pod)
    for (int a = 1; a <= half; ++a) {
      for (int e = 1; e <= half; ++e) b.link(edge(pod, e), p(half + a), agg(pod, a), p(e));
      // Aggregation switch a of every pod reaches core switches (a-1)k/2+1 .. a k/2.
      for (int j = 1; j <= half; ++j)
        b.link(agg(pod, a), p(half + j), core((a - 1) * half + j), p(pod));
    }
  return b.design();
}

Design two_tier(int leaves, int hosts_per_leaf, int spines) {
  const std::string sw = "test-switch-r16";
  FabricBuilder b("two-tier Clos");
  auto p = [](int i) { return "p" + std::to_string(i); };
  b.row("row-a");
  for (int l = 1; l <= leaves; ++l) {
    std::string leaf = "leaf" + std::to_string(l);
    b.rack("r" + std::to_string(l));
    b.device(leaf, sw);
    for (int h = 1; h <= hosts_per_leaf; ++h) {
      std::string host = leaf + "-h" + std::to_string(h);
      b.device(host, "test-host");
      b.link(host, "gpu1", leaf, p(h));
    }
  }
  b.row("row-s");
  b.rack("spines");
  for (int s = 1; s <= spines; ++s) b.device("spine" + std::to_string(s), sw);
  for (int l = 1; l <= leaves; ++l)
    for (int s = 1; s <= spines; ++s)
      b.link("leaf" + std::to_string(l), p(hosts_per_leaf + s), "spine" + std::to_string(s), p(l));
  return b.design();
}

}  // namespace cf::test
