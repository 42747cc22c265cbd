#include "training/collectives.h"

namespace cf {

namespace {

double transfer_s(double bytes, const Channel& link) { return bytes * 8 / link.bandwidth_bps; }

}  // namespace

double all_reduce_s(double bytes, int n, const Channel& link) {
  if (n <= 1) return 0;
  return 2.0 * (n - 1) * (transfer_s(bytes / n, link) + link.latency_s);
}

double reduce_scatter_s(double bytes, int n, const Channel& link) {
  if (n <= 1) return 0;
  return (n - 1) * (transfer_s(bytes / n, link) + link.latency_s);
}

double all_gather_s(double bytes, int n, const Channel& link) { return reduce_scatter_s(bytes, n, link); }

double all_to_all_s(double bytes, int n, const Channel& link) {
  if (n <= 1) return 0;
  return transfer_s(bytes * (n - 1) / n, link) + (n - 1) * link.latency_s;
}

double send_s(double bytes, const Channel& link) { return transfer_s(bytes, link) + link.latency_s; }

double pipeline_bubble_fraction(int p, int v, int m) {
  if (p <= 1 || m <= 0) return 0;
  return (p - 1.0) / (static_cast<double>(v) * m);
}

}  // namespace cf
