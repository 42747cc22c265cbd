#pragma once
// `clusterforge-cli train`: project a model's training on a design (docs/cli.md).

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "catalog/catalog.h"

struct TrainOptions {
  std::string file, model, model_file, precision = "bf16", framework = "megatron-core", recompute;
  std::optional<int> seq, global_batch, tp, pp, dp, cp, ep, mbs, vpp, zero;
  std::optional<double> tokens;
  bool sp_on = false, sp_off = false;
  int top = 5;
  bool json = false;
};

CLI::App* add_train_command(CLI::App& app, TrainOptions& o);
// 0: a plan fits; 1 (problems): no plan fits the fixed options.
int run_train(const TrainOptions& o, const cf::Catalog& catalog);
