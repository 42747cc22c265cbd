#pragma once
// Hand-built fabrics for the network analysis tests: a catalog with test switches and 1-GPU hosts,
// a k-ary fat-tree (Al-Fares et al. 2008) and an oversubscribed two-tier Clos.

#include <string>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf::test {

// The installed catalog plus "test-switch-rN" (N fabric ports "p1".."pN" at `port_gbps`) for N in
// {4, 16, 48, 74} and "test-host" (1 GPU, one compute port "gpu1") at `port_gbps`.
const Catalog& network_test_catalog();
inline constexpr double kTestPortBps = 100e9;

// Builds a design device by device: one row per call to row(), one rack per call to rack().
class FabricBuilder {
 public:
  explicit FabricBuilder(std::string name);
  void row(const std::string& id);
  void rack(const std::string& id);
  void device(const std::string& id, const std::string& catalog_id);
  void link(const std::string& a, const std::string& port_a, const std::string& b,
            const std::string& port_b, const std::string& medium = "");
  Design& design() { return design_; }

 private:
  Design design_;
  int position_ = 0, u_ = 1, links_ = 0;
};

// k-ary fat-tree of test-switch-rk: k pods of k/2 edge and k/2 aggregation switches,
// (k/2)^2 core switches, k^3/4 test-hosts. Fabric "compute", no intent.
Design fat_tree(int k);

// Two-tier Clos: `leaves` leaves of test-switch-r16 with `hosts_per_leaf` test-hosts each and one
// uplink to each of `spines` spines (test-switch-r16).
Design two_tier(int leaves, int hosts_per_leaf, int spines);

}  // namespace cf::test
