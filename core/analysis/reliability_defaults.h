#pragma once
// Default failure rates and reliability constants, each with its public source
// (docs/methods.md, "Reliability and goodput").

namespace cf::reliability_defaults {

// Dubey et al., "The Llama 3 Herd of Models", arXiv 2407.21783 (2024), §3.3.4 and Table 5:
// 419 unexpected interruptions in a 54-day snapshot of Llama 3 405B pre-training on 16,384 H100
// GPUs in 2,048 Grand Teton hosts of 8 GPUs.
inline constexpr double kObservedDays = 54;
inline constexpr double kObservedGpus = 16384;
inline constexpr double kObservedHosts = 2048;
// NIC cards in those hosts: 8 backend 400G NICs (one per GPU) + 2 frontend NICs (one per CPU) per
// Grand Teton host (Meta, "Building Meta's GenAI infrastructure", 2024; G. Lockwood's summary of
// Meta's 24K-GPU clusters) = 10 × 2,048.
inline constexpr double kObservedNicsPerHost = 10;
inline constexpr double kObservedNics = kObservedHosts * kObservedNicsPerHost;

// Table 5 interruptions grouped by the component they scale with.
// GPU: faulty GPU 148 + GPU HBM3 72 + GPU SRAM 19 + GPU system processor 17
//      + silent data corruption 6 + GPU thermal interface and sensor 6.
inline constexpr double kGpuInterruptions = 148 + 72 + 19 + 17 + 6 + 6;  // 268
// Software, per GPU rank: software bug 54 + NCCL watchdog timeouts 7 + dependency 2.
inline constexpr double kSoftwareInterruptions = 54 + 7 + 2;  // 63
// Network switch and cable, folded into a per-GPU rate (the paper does not give the 16K job's
// switch and cable counts; a rail-optimized Clos grows its switches and links with its GPUs).
inline constexpr double kNetworkInterruptions = 35;
// Host: host maintenance 32 + SSD 3 + power supply 3 + server chassis 2 + IO expansion board 2
//       + CPU 2 + system memory 2.
inline constexpr double kHostInterruptions = 32 + 3 + 3 + 2 + 2 + 2 + 2;  // 46
// NIC 7.
inline constexpr double kNicInterruptions = 7;

// Per-component rates, interruptions per component-day.
inline constexpr double kGpuFailuresPerDay = kGpuInterruptions / (kObservedDays * kObservedGpus);
inline constexpr double kSoftwareFailuresPerGpuDay =
    kSoftwareInterruptions / (kObservedDays * kObservedGpus);
inline constexpr double kNetworkFailuresPerGpuDay =
    kNetworkInterruptions / (kObservedDays * kObservedGpus);
inline constexpr double kHostFailuresPerDay = kHostInterruptions / (kObservedDays * kObservedHosts);
inline constexpr double kNicFailuresPerDay = kNicInterruptions / (kObservedDays * kObservedNics);

// Checkpoint bytes per parameter for mixed-precision Adam: bf16 weights 2 + fp32 master weights 4
// + Adam first moment 4 + second moment 4 (Rajbhandari et al., ZeRO, SC'20, §3.1 counts 16 with
// the fp16 gradients, which a checkpoint does not need).
inline constexpr double kCheckpointBytesPerParameter = 2 + 4 + 4 + 4;

// Time to resume after an interruption (reschedule, re-initialise communication, load the
// checkpoint): a planning estimate of 10 minutes, flagged as such; the Llama 3 paper gives no
// figure. Override with Assumptions::restart_s.
inline constexpr double kRestartS = 600;

}  // namespace cf::reliability_defaults
