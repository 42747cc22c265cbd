#include "train_command.h"

#include <iostream>

#include "io/design_file.h"
#include "io/resources.h"
#include "training/training_report.h"

CLI::App* add_train_command(CLI::App& app, TrainOptions& o) {
  auto* train = app.add_subcommand(
      "train", "Project training of a model on a design: best parallel plan, step time, MFU, memory");
  train->add_option("FILE", o.file, "Design file")->required();
  // Exactly one of the two (parse_cli_args checks: no CLI11 option group, see there).
  const char* model = "The model (exactly one of)";
  train->add_option("--model", o.model, "Id of a shipped model (resources/models), e.g. llama3-70b")->group(model);
  train->add_option("--model-file", o.model_file, "A model definition file (docs/file-formats.md)")
      ->check(CLI::ExistingFile)
      ->group(model);
  train->add_option("--seq", o.seq, "Sequence length (default: the model's)")->check(CLI::Range(1, 100000000));
  train->add_option("--global-batch", o.global_batch, "Sequences per step (default: the model's published batch)")
      ->check(CLI::Range(1, 100000000));
  train->add_option("--tokens", o.tokens, "Tokens to train, for the time to train")->check(CLI::Range(1.0, 1e18));
  train->add_option("--precision", o.precision, "Matmul precision")->check(CLI::IsMember({"bf16", "fp8"}));
  train->add_option("--framework", o.framework, "Software: megatron-core (default) or megatron-2021")
      ->check(CLI::IsMember({"megatron-core", "megatron-2021"}));
  auto positive = CLI::Range(1, 1000000);
  train->add_option("--tp", o.tp, "Fix tensor parallelism")->check(positive);
  train->add_option("--pp", o.pp, "Fix pipeline stages")->check(positive);
  train->add_option("--dp", o.dp, "Fix data parallelism")->check(positive);
  train->add_option("--cp", o.cp, "Fix context parallelism")->check(positive);
  train->add_option("--ep", o.ep, "Fix expert parallelism")->check(positive);
  train->add_option("--mbs", o.mbs, "Fix the micro-batch size")->check(positive);
  train->add_option("--vpp", o.vpp, "Fix virtual pipeline stages per GPU")->check(positive);
  train->add_option("--recompute", o.recompute, "Fix activation recompute")
      ->check(CLI::IsMember({"none", "selective", "full"}));
  train->add_option("--zero", o.zero, "Fix the ZeRO stage (1 = distributed optimizer)")->check(CLI::Range(0, 3));
  auto* sp = train->add_flag("--sp", o.sp_on, "Fix sequence parallelism on");
  train->add_flag("--no-sp", o.sp_off, "Fix sequence parallelism off")->excludes(sp);
  train->add_option("--top", o.top, "How many of the best plans to list")->check(CLI::Range(1, 1000));
  train->add_flag("--json", o.json, "Print JSON with stable keys (docs/cli.md)");
  return train;
}

int run_train(const TrainOptions& o, const cf::Catalog& catalog) {
  cf::Design design = cf::load_design(o.file);
  cf::TrainingRequest req;
  if (!o.model_file.empty()) {
    req.model = cf::load_model(o.model_file);
  } else {
    auto path = cf::model_file(cf::resources_dir() / "models", o.model);
    if (!path) {
      std::string ids;
      for (const auto& m : cf::load_models(cf::resources_dir() / "models")) ids += " " + m.id;
      throw std::invalid_argument("no model \"" + o.model + "\"; shipped models:" + ids);
    }
    req.model = cf::load_model(*path);
  }
  req.global_batch = o.global_batch.value_or(0);
  req.seq_len = o.seq.value_or(0);
  req.precision = o.precision == "fp8" ? cf::Precision::Fp8 : cf::Precision::Bf16;
  req.tokens = o.tokens;
  req.framework = o.framework;
  req.search.top_k = o.top;
  cf::PlanConstraints& f = req.search.fixed;
  f.tp = o.tp, f.pp = o.pp, f.dp = o.dp, f.cp = o.cp, f.ep = o.ep, f.mbs = o.mbs, f.vpp = o.vpp, f.zero = o.zero;
  if (o.sp_on || o.sp_off) f.sp = o.sp_on;
  if (!o.recompute.empty())
    f.recompute = o.recompute == "full" ? cf::Recompute::Full
                  : o.recompute == "selective" ? cf::Recompute::Selective
                                               : cf::Recompute::None;
  // Fixed values beyond the search's usual ranges are still honoured.
  if (o.mbs) req.search.max_mbs = std::max(req.search.max_mbs, *o.mbs);
  if (o.vpp) req.search.max_vpp = std::max(req.search.max_vpp, *o.vpp);
  if (o.cp) req.search.max_cp = std::max(req.search.max_cp, *o.cp);

  cf::TrainingReport report = cf::project_training(design, catalog, req);
  if (o.json)
    std::cout << report.to_json().dump(2) << "\n";
  else
    std::cout << report.to_text();
  return report.best() ? 0 : 1;
}
