// Model definitions: the shipped models load, and their size and work match the published
// figures (closed forms in docs/methods.md, "Model size and FLOPs").

#include <gtest/gtest.h>

#include <map>

#include "training/model.h"
#include "training/model_size.h"
#include "test_support.h"

namespace cf {
namespace {

const std::map<std::string, ModelSpec>& models() {
  static const std::map<std::string, ModelSpec> m = [] {
    std::map<std::string, ModelSpec> out;
    for (auto& spec : load_models(test::kSourceDir / "resources" / "models")) out[spec.id] = spec;
    return out;
  }();
  return m;
}

TEST(Models, TheIssuesModelsShip) {
  for (const char* id : {"gpt3-175b", "llama3-8b", "llama3-70b", "llama3-405b", "mixtral-8x7b",
                         "deepseek-v3", "dit-xl-2", "vit-l-16"})
    EXPECT_TRUE(models().count(id)) << id;
}

// Published parameter counts: GPT-3 175B (Brown et al. 2020), Llama 3 8.03B / 70.6B / 405B
// (Dubey et al. 2024), Mixtral 46.7B total / 12.9B active (Jiang et al. 2024), DeepSeek-V3
// 671B / 37B (DeepSeek-AI 2024), DiT-XL/2 675M (Peebles and Xie 2023), ViT-L/16 307M
// (Dosovitskiy et al. 2021).
TEST(Models, ParameterCountsMatchThePapers) {
  struct Case {
    const char* id;
    double total, active, tolerance;
  };
  for (const auto& c : std::vector<Case>{{"gpt3-175b", 175e9, 175e9, 0.01},
                                         {"llama3-8b", 8.03e9, 8.03e9, 0.005},
                                         {"llama3-70b", 70.6e9, 70.6e9, 0.005},
                                         {"llama3-405b", 405e9, 405e9, 0.01},
                                         {"mixtral-8x7b", 46.7e9, 12.9e9, 0.01},
                                         {"deepseek-v3", 671e9, 37e9, 0.02},
                                         {"dit-xl-2", 675e6, 675e6, 0.02},
                                         {"vit-l-16", 307e6, 307e6, 0.02}}) {
    SCOPED_TRACE(c.id);
    ParameterCount p = parameter_count(models().at(c.id));
    EXPECT_NEAR(p.total, c.total, c.tolerance * c.total);
    EXPECT_NEAR(p.active, c.active, c.tolerance * c.active);
  }
}

TEST(Models, GptFlopsEqualMegatronsClosedForm) {
  // Narayanan et al. 2021, eq. (3) without recompute: 72 B s l h^2 (1 + s/6h + V/12lh) per batch.
  const ModelSpec& m = models().at("gpt3-175b");
  const double s = 2048, l = 96, h = 12288, V = 50257;
  double per_token = 72 * l * h * h * (1 + s / (6 * h) + V / (12 * l * h));
  EXPECT_NEAR(training_flops_per_token(m, 2048), per_token, 1e-9 * per_token);
}

TEST(Models, VisionAndDiffusionForwardFlopsMatchThePapers) {
  // Published figures count multiply-accumulates: DiT-XL/2 118.6 G (Table 4), ViT-L/16 61.6 G
  // (at 224 px); one multiply-accumulate is two FLOPs.
  EXPECT_NEAR(forward_flops_per_sample(models().at("dit-xl-2")), 2 * 118.6e9, 0.02 * 237.2e9);
  EXPECT_NEAR(forward_flops_per_sample(models().at("vit-l-16")), 2 * 61.6e9, 0.02 * 123.2e9);
}

TEST(Models, GroupedQueryAttentionShrinksKeyAndValueWeights) {
  ModelSpec m = models().at("llama3-8b");
  double gqa = parameter_count(m).total;
  m.kv_heads = m.heads;
  // 32 layers x 2 (K, V) x 4096 x (4096 - 1024)
  EXPECT_DOUBLE_EQ(parameter_count(m).total - gqa, 32.0 * 2 * 4096 * (4096 - 1024));
}

TEST(Models, BadFilesAreRefusedWithThePath) {
  auto err = [](const std::string& text) {
    try {
      model_from_json(parse_json_text(text), "x");
    } catch (const LoadError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  const std::string base = R"("name": "m", "layers": 2, "hidden": 64, "heads": 4, "ffn": 256, "activation": "gelu", "vocab": 100, "seq_len": 16)";
  EXPECT_EQ(err("{" + base + "}"), "(accepted)");
  EXPECT_NE(err("{" + base + R"(, "heads": 5})").find("/heads"), std::string::npos);
  EXPECT_NE(err(R"({"name": "m"})").find("missing required field \"layers\""), std::string::npos);
  EXPECT_NE(err("{" + base + R"(, "activation": "relu"})").find("expected one of gelu, swiglu"),
            std::string::npos);
  EXPECT_NE(err("{" + base + R"(, "moe": {"experts": 2, "top_k": 4, "expert_ffn": 8}})").find("/moe/top_k"),
            std::string::npos);
}

TEST(Models, AScenarioNamesAModelNotAPath) {
  const auto dir = test::kSourceDir / "resources" / "models";
  ASSERT_TRUE(model_file(dir, "gpt3-175b"));
  EXPECT_EQ(*model_file(dir, "gpt3-175b"), dir / "gpt3-175b.json");
  // A model file exists one folder up from here (resources/catalog/*.json are JSON too): a design
  // must not reach it, nor anything else on disk, through its scenario's model.
  EXPECT_FALSE(model_file(dir, "../catalog/gpus"));
  EXPECT_FALSE(model_file(dir, "/etc/passwd"));
  EXPECT_FALSE(model_file(dir, ".hidden"));
  EXPECT_FALSE(model_file(dir, ""));
  EXPECT_FALSE(model_file(dir, "no-such-model"));
}

}  // namespace
}  // namespace cf
