#include "analysis/network_spectral.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace cf {

std::vector<double> fiedler_vector(const NetworkGraph& g, int iterations) {
  const std::size_t n = g.switches.size();
  std::vector<double> x(n, 0.0), y(n, 0.0), degree(n, 0.0);
  std::vector<char> in(n, 0);
  std::size_t members = 0;
  for (std::size_t s = 0; s < n; ++s)
    if (g.switches[s].tier > 0) in[s] = 1, ++members;
  if (members < 2) return x;

  Bps max_capacity = 1;
  for (const NetTrunk& t : g.trunks) max_capacity = std::max(max_capacity, t.capacity_bps);
  auto weight = [&](const NetTrunk& t) {
    return static_cast<double>(t.capacity_bps) / static_cast<double>(max_capacity);
  };
  double max_degree = 0;
  for (const NetTrunk& t : g.trunks) {
    degree[t.a] += weight(t);
    degree[t.b] += weight(t);
  }
  // Each switch's weighted neighbours in trunk order, in compressed rows: the iteration below
  // runs over them hundreds of times, and summing each row in that order gives exactly the sums
  // of a pass over the trunks.
  std::vector<std::size_t> row(n + 1, 0);
  for (const NetTrunk& t : g.trunks) ++row[t.a + 1], ++row[t.b + 1];
  for (std::size_t s = 0; s < n; ++s) row[s + 1] += row[s];
  std::vector<int> neighbour(row[n]);
  std::vector<double> neighbour_weight(row[n]);
  {
    std::vector<std::size_t> next(row.begin(), row.end() - 1);
    for (const NetTrunk& t : g.trunks) {
      neighbour[next[t.a]] = t.b;
      neighbour_weight[next[t.a]++] = weight(t);
      neighbour[next[t.b]] = t.a;
      neighbour_weight[next[t.b]++] = weight(t);
    }
  }
  for (std::size_t s = 0; s < n; ++s) max_degree = std::max(max_degree, degree[s]);
  // M = c I - L has the eigenvalues c - λ(L); with c = 2 max degree ≥ λmax(L) they are all ≥ 0,
  // so after projecting out the constant vector (λ = 0) power iteration converges to λ2's vector.
  const double c = 2.0 * max_degree + 1e-12;

  std::mt19937 rng(20260101u);  // fixed seed: the same design gives the same split everywhere
  for (std::size_t s = 0; s < n; ++s)
    if (in[s]) x[s] = static_cast<double>(rng()) / 4294967296.0 * 2.0 - 1.0;

  auto project_and_normalize = [&](std::vector<double>& v) {
    double mean = 0;
    for (std::size_t s = 0; s < n; ++s) mean += in[s] ? v[s] : 0.0;
    mean /= static_cast<double>(members);
    double norm = 0;
    for (std::size_t s = 0; s < n; ++s) {
      v[s] = in[s] ? v[s] - mean : 0.0;
      norm += v[s] * v[s];
    }
    norm = std::sqrt(norm);
    if (norm > 0)
      for (double& value : v) value /= norm;
  };
  project_and_normalize(x);
  for (int it = 0; it < iterations; ++it) {
    for (std::size_t s = 0; s < n; ++s) {
      double sum = (c - degree[s]) * x[s];
      for (std::size_t k = row[s]; k < row[s + 1]; ++k)
        sum += neighbour_weight[k] * x[neighbour[k]];
      y[s] = sum;
    }
    project_and_normalize(y);
    std::swap(x, y);
  }
  return x;
}

}  // namespace cf
