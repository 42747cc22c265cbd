#pragma once
// The achievable fractions of a GPU's peaks that the step-time model uses. Three numbers, fitted
// once on the published measurements (tools/calibrate, docs/validation.md) and then used for
// every GPU and every plan; nothing else in the model is fitted.

namespace cf {

struct Efficiency {
  double gemm = 0;     // of the dense tensor peak, for compute-bound matrix multiplies
  double memory = 0;   // of HBM bandwidth, for memory-bound kernels (norms, softmax, Adam)
  double network = 0;  // of the link bandwidth, for NCCL collectives and point-to-point
  // FlashAttention-2 reaches 50–73 % of A100 peak forward (Dao 2023, arXiv 2307.08691,
  // abstract and §4.1); the middle of that range, not fitted.
  double fused_attention = 0.6;
};

// Fitted on the 18 runs of ../shared/reference/training-measurements.json (A100, Megatron-LM);
// docs/validation.md shows the fit and its errors.
inline constexpr Efficiency kCalibratedEfficiency{0.74, 0.68, 0.60, 0.6};

}  // namespace cf
