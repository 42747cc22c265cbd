// `clusterforge-cli train`: the documented JSON keys, fixed options honoured, an infeasible
// fixed plan reported with its reason, model lookup errors.

#include <gtest/gtest.h>

#include "cli_run.h"
#include "io/json_reader.h"

namespace {

TEST(CliTrain, JsonHasTheDocumentedKeys) {
  CliRun r = cli("train " + sample("dgx-h100-superpod-4su") + " --model gpt3-175b --tokens 300e9 --top 3 --json");
  ASSERT_EQ(r.status, 0) << r.output;
  cf::Json j = cf::parse_json_text(r.output);
  for (const char* key : {"tp", "pp", "dp", "cp", "ep", "mbs", "vpp", "recompute", "zero", "sp"})
    EXPECT_TRUE(j.at("plan").contains(key)) << key;
  for (const char* key : {"step_time_s", "tokens_per_s", "model_tflops_per_gpu", "mfu", "memory_per_gpu_bytes",
                          "fits", "time_to_train_s", "goodput", "breakdown", "search"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"evaluated", "feasible", "rejected_memory", "pruned", "elapsed_s"})
    EXPECT_TRUE(j.at("search").contains(key)) << key;
  EXPECT_TRUE(j.at("fits").get<bool>());
  EXPECT_EQ(j.at("top").size(), 3u);
  // Every plan passing the checks is costed or skipped by a bound.
  EXPECT_GT(j.at("search").at("evaluated").get<long long>() + j.at("search").at("pruned").get<long long>(), 1000);
  // Tokens per second of the whole job = batch × sequence / step time; time to train follows.
  const double tps = j.at("tokens_per_s").get<double>();
  EXPECT_NEAR(tps, 1536.0 * 2048 / j.at("step_time_s").get<double>(), tps * 1e-9);
  EXPECT_NEAR(j.at("time_to_train_no_failures_s").get<double>(), 300e9 / tps, 1e-6 * 300e9 / tps);
  double breakdown = 0;
  for (auto& [k, v] : j.at("breakdown").items()) breakdown += v.get<double>();
  EXPECT_NEAR(breakdown, j.at("step_time_s").get<double>(), 1e-9);
}

TEST(CliTrain, FixedOptionsAreKept) {
  CliRun r = cli("train " + sample("dgx-h100-superpod-4su") +
                 " --model llama3-8b --global-batch 512 --tp 2 --pp 1 --recompute selective --no-sp --zero 1 --json");
  ASSERT_EQ(r.status, 0) << r.output;
  cf::Json plan = cf::parse_json_text(r.output).at("plan");
  EXPECT_EQ(plan.at("tp"), 2);
  EXPECT_EQ(plan.at("pp"), 1);
  EXPECT_EQ(plan.at("recompute"), "selective");
  EXPECT_EQ(plan.at("zero"), 1);
  EXPECT_EQ(plan.at("sp"), false);
}

TEST(CliTrain, InfeasibleFixedPlanIsReportedWithItsReason) {
  // GPT-3 175B on one 8-GPU server's worth of model parallelism with no sharding: memory.
  CliRun memory = cli("train " + sample("lab-4x-dgx-h100") + " --model gpt3-175b --tp 8 --pp 1 --dp 1 --zero 0");
  EXPECT_EQ(memory.status, 1);
  EXPECT_NE(memory.output.find("No feasible plan: needs"), std::string::npos) << memory.output;
  EXPECT_NE(memory.output.find("GB per GPU"), std::string::npos) << memory.output;
  CliRun heads = cli("train " + sample("lab-4x-dgx-h100") + " --model gpt3-175b --tp 5 --json");
  EXPECT_EQ(heads.status, 1);
  cf::Json j = cf::parse_json_text(heads.output);
  EXPECT_FALSE(j.at("fits").get<bool>());
  EXPECT_EQ(j.at("reason"), "96 attention heads are not divisible by tp = 5");
}

TEST(CliTrain, ModelErrorsAreClear) {
  CliRun unknown = cli("train " + sample("lab-4x-dgx-h100") + " --model gpt-5");
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.output.find("no model \"gpt-5\"; shipped models: deepseek-v3"), std::string::npos)
      << unknown.output;
  CliRun batch = cli("train " + sample("lab-4x-dgx-h100") + " --model llama3-8b");
  EXPECT_EQ(batch.status, 1);
  EXPECT_NE(batch.output.find("give --global-batch"), std::string::npos) << batch.output;
  CliRun both = cli("train " + sample("lab-4x-dgx-h100") + " --model llama3-8b --model-file x.json");
  EXPECT_EQ(both.status, 2);
}

}  // namespace
