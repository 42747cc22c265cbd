#pragma once
// Time of the collectives a training step uses, bandwidth-bound (alpha-beta model with the
// ring/bucket algorithms NCCL uses at large message sizes; Thakur et al. 2005, Patarasuk & Yuan
// 2009), and the pipeline bubble. Bandwidths are per GPU, per direction, in bit/s.

namespace cf {

// A path between GPUs: NVLink, a scale-out NIC through the fabric ...
struct Channel {
  double bandwidth_bps = 0;  // per GPU, per direction
  double latency_s = 0;      // per step of the algorithm
};

// Ring all-reduce of `bytes` among n GPUs: 2(n−1) steps moving bytes/n each.
double all_reduce_s(double bytes, int n, const Channel& link);
// Reduce-scatter or all-gather: n−1 steps of bytes/n (bytes = the full, unsharded size).
double reduce_scatter_s(double bytes, int n, const Channel& link);
double all_gather_s(double bytes, int n, const Channel& link);
// All-to-all where each GPU sends bytes/n to every other: (n−1)/n of `bytes` leaves each GPU.
double all_to_all_s(double bytes, int n, const Channel& link);
// Point-to-point transfer of `bytes`.
double send_s(double bytes, const Channel& link);

// Idle fraction of a pipeline flush of p stages, v virtual stages each, m micro-batches:
// (p − 1) / (v·m) of the ideal time (Narayanan et al. 2021, §2.2).
double pipeline_bubble_fraction(int p, int v, int m);

}  // namespace cf
