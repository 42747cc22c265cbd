// Collective times and the pipeline bubble on hand-computed cases.

#include <gtest/gtest.h>

#include "training/collectives.h"

namespace cf {
namespace {

// NVLink 4: 450 GB/s each way per GPU = 3.6 Tb/s.
const Channel kNvlink{3.6e12, 0};

TEST(Collectives, RingAllReduceMovesTwiceTheDataLessOneShare) {
  // 1 GB over 8 GPUs: 2 x 7/8 GB at 450 GB/s = 1.75 / 450 s = 3.889 ms.
  EXPECT_NEAR(all_reduce_s(1e9, 8, kNvlink), 2 * 7.0 / 8 * 1e9 / 450e9, 1e-15);
  EXPECT_DOUBLE_EQ(all_reduce_s(1e9, 1, kNvlink), 0) << "one GPU: nothing to do";
  // An all-reduce is a reduce-scatter followed by an all-gather.
  EXPECT_NEAR(all_reduce_s(1e9, 8, kNvlink),
              reduce_scatter_s(1e9, 8, kNvlink) + all_gather_s(1e9, 8, kNvlink), 1e-15);
}

TEST(Collectives, LatencyCountsOncePerStep) {
  Channel slow{400e9, 5e-6};  // 400 Gb/s, 5 us per step
  // 16 GPUs: 30 steps of 1/16 of 64 MB = 30 x (4 MB x 8 / 400 Gb/s + 5 us)
  EXPECT_NEAR(all_reduce_s(64e6, 16, slow), 30 * (4e6 * 8 / 400e9 + 5e-6), 1e-12);
}

TEST(Collectives, AllToAllAndSend) {
  // Each of 8 GPUs sends 7/8 of 800 MB at 400 Gb/s (50 GB/s): 14 ms.
  EXPECT_NEAR(all_to_all_s(800e6, 8, {400e9, 0}), 0.014, 1e-12);
  EXPECT_NEAR(send_s(50e6, {400e9, 0}), 0.001, 1e-15);
}

TEST(Collectives, PipelineBubble) {
  // Narayanan et al. 2021: (p - 1) / (v m); 8 stages, 64 micro-batches: 7/64; interleaved v = 3: 7/192.
  EXPECT_DOUBLE_EQ(pipeline_bubble_fraction(8, 1, 64), 7.0 / 64);
  EXPECT_DOUBLE_EQ(pipeline_bubble_fraction(8, 3, 64), 7.0 / 192);
  EXPECT_DOUBLE_EQ(pipeline_bubble_fraction(1, 1, 64), 0);
}

}  // namespace
}  // namespace cf
