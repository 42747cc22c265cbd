#pragma once
// The Fiedler vector of a fabric's switch graph: the eigenvector of the second-smallest
// eigenvalue of the graph Laplacian L = D - W (Fiedler 1973), found by power iteration. Ordering
// leaves by it and cutting in the middle gives a spectral bisection (Pothen, Simon & Liou 1990).

#include <vector>

#include "analysis/network_graph.h"

namespace cf {

// Per switch; switches not reached from any leaf get 0. Weights are trunk capacities (normalised
// to the largest). Deterministic (fixed start vector).
std::vector<double> fiedler_vector(const NetworkGraph& graph, int iterations = 300);

}  // namespace cf
