#pragma once
// Step time of a parallel plan for one model on one cluster (docs/methods.md, "Step time"):
// per-layer compute from the matmul and memory-bound kernels at calibrated roofline efficiency,
// tensor/context/expert-parallel collectives on the channel their group spans, the 1F1B
// pipeline with its bubble and point-to-point sends, the data-parallel gradient reduction
// (hierarchical: scale-up inside a domain, the fabric between domains) and the optimizer step.
// Evaluating a plan is O(1) and allocation-free: the search calls it millions of times.

#include <cstdint>
#include <string>

#include "catalog/catalog_types.h"
#include "training/calibration.h"
#include "training/cluster.h"
#include "training/framework.h"
#include "training/memory.h"
#include "training/model.h"
#include "training/plan.h"

namespace cf {

// Why a plan cannot run; None when it can.
enum class Infeasible : std::uint8_t {
  None,
  Gpus,             // tp·pp·dp·cp exceeds the cluster's GPUs
  Heads,            // heads not divisible by tp
  Layers,           // fewer layers than pp·vpp model chunks
  Interleave,       // vpp > 1 needs pp > 1 and micro-batches divisible by pp
  Batch,            // global batch not divisible by dp·mbs
  Sequence,         // sequence not divisible by 2·cp
  Experts,          // ep > 1 without MoE, experts or dp·cp not divisible by ep
  SequenceParallel, // sp needs tp > 1
  Zero,             // ZeRO-3 with pipeline parallelism
  Precision,        // FP8 on a GPU without FP8
  Fabric,           // the plan leaves the scale-up domain but there is no scale-out fabric
  Memory,           // needs more than the GPU's memory
};

// Seconds of one training step by component; they add up to the step time.
struct StepBreakdown {
  double compute = 0;    // forward and backward kernels (matmuls, attention, memory-bound)
  double recompute = 0;  // activation recomputation
  double tp_comm = 0, cp_comm = 0, ep_comm = 0;  // exposed collectives inside the layers
  double pp_comm = 0;    // pipeline point-to-point sends
  double bubble = 0;     // pipeline fill and drain
  double dp_comm = 0;    // exposed gradient reduction (and ZeRO-3 parameter gathers)
  double optimizer = 0;  // the Adam step over this GPU's shard
  double total() const {
    return compute + recompute + tp_comm + cp_comm + ep_comm + pp_comm + bubble + dp_comm + optimizer;
  }
};

struct Projection {
  ParallelPlan plan;
  Infeasible infeasible = Infeasible::None;
  double step_time_s = 0;
  double tokens_per_s = 0;          // whole job
  double model_tflops_per_gpu = 0;  // model FLOPs (no recompute) per second per GPU, in TFLOP/s
  double mfu = 0;                   // model_tflops against the dense peak at the precision
  MemoryPerGpu memory;
  StepBreakdown breakdown;
  bool fits() const { return infeasible == Infeasible::None; }
};

// Seconds per micro-batch for one layer on one GPU.
struct LayerCost {
  double forward = 0, backward = 0, recompute = 0;  // kernels
  double attention_forward = 0;                     // the attention core (overlaps CP exchange)
  double tp_forward = 0, tp_backward = 0, tp_recompute = 0;
  double cp_forward = 0, cp_backward = 0;  // exposed after overlap with attention
  double ep_forward = 0, ep_backward = 0;
};

// What depends only on tp, cp, mbs, sp and recompute: the search computes it once per such
// combination and reuses it for every pp, vpp, dp, ep and ZeRO stage.
struct MicrobatchCost {
  LayerCost dense, moe;           // per layer (moe: without the routed experts)
  double head_forward = 0, head_backward = 0;  // logits and loss on the last stage
  double activation_bytes_sent = 0;            // per pipeline send, per GPU
  double dense_activation_bytes = 0, moe_activation_bytes = 0;  // stored per layer (memory)
};

// One micro-batch on the slowest pipeline stage: what depends on the MicrobatchCost, pp, vpp and
// ep but not on dp or the ZeRO stage (the search shares it among those).
struct StageCost {
  double forward_kernels = 0, backward_kernels = 0, recompute = 0;
  double tp = 0, cp = 0, ep = 0;  // exposed collectives
  double per_microbatch = 0;      // all of the above
  double backward = 0;            // the backward pass the gradient reduction overlaps
  double activation_bytes = 0;    // stored by one micro-batch on the first stage
};

struct TrainingJob {
  int global_batch = 0;  // sequences (samples) per step
  int seq_len = 0;       // tokens per sequence
  Precision precision = Precision::Bf16;
};

class StepModel {
 public:
  StepModel(const ModelSpec& model, const TrainingCluster& cluster, const Framework& framework,
            const TrainingJob& job, const Efficiency& efficiency = kCalibratedEfficiency);

  // Divisibility and hardware checks that need no cost (cheap: the search filters with it).
  Infeasible check(const ParallelPlan& p) const;
  // Everything about the plan; infeasible plans get their reason and, when only memory fails,
  // still their figures.
  Projection evaluate(const ParallelPlan& p) const;
  Projection evaluate(const ParallelPlan& p, const MicrobatchCost& cost) const;
  // The same for a plan that passed check(), from its stage's cost: evaluate(p, cost) is
  // evaluate(p, cost, stage_cost(p, cost)), to the last bit.
  Projection evaluate(const ParallelPlan& p, const MicrobatchCost& cost, const StageCost& stage) const;
  MicrobatchCost microbatch_cost(int tp, int cp, int mbs, bool sp, Recompute recompute) const;
  StageCost stage_cost(const ParallelPlan& p, const MicrobatchCost& cost) const;
  // Expert-parallel terms of one MoE layer and micro-batch, which depend on ep: the routed
  // experts' forward matmuls and the dispatch + combine all-to-all (one direction of the pass).
  double routed_experts_s(int tp, int cp, int mbs, int ep) const;
  double expert_all_to_all_s(int tp, int cp, int ep, int mbs, bool sp) const;

  const ModelSpec& model() const { return model_; }
  const TrainingCluster& cluster() const { return cluster_; }
  const Framework& framework() const { return framework_; }
  const TrainingJob& job() const { return job_; }
  double peak_flops() const { return peak_; }
  double model_flops_per_step() const { return model_flops_per_step_; }

 private:
  double gemm_s(double m, double n, double k) const;
  double memory_s(double bytes) const;
  double collective_bps(int group_span) const;  // the channel a group of that span uses
  LayerCost layer_cost(int tp, int cp, int mbs, bool sp, Recompute recompute, bool moe) const;
  double all_reduce_hierarchical_s(double bytes, int n, int per_domain) const;

  ModelSpec model_;
  TrainingCluster cluster_;
  Framework framework_;
  TrainingJob job_;
  Efficiency eff_;
  ParameterSplit split_;
  double peak_ = 0, gemm_flops_ = 0, gemm_element_bytes_ = 2;
  double model_flops_per_step_ = 0;
};

// One sentence: why `p` cannot run (empty for Infeasible::None).
std::string explain(Infeasible why, const ParallelPlan& p, const StepModel& model, const Projection* projection = nullptr);
std::string to_string(Infeasible why);

}  // namespace cf
