#pragma once
// A model to train: a transformer described by its shape (docs/file-formats.md, "Model
// definitions"); LLMs, mixture-of-experts LLMs, diffusion transformers and vision transformers.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "io/json_reader.h"

namespace cf {

enum class Activation { Gelu, Swiglu };
enum class ModelKind { Llm, Dit, Vit };

struct MoeSpec {
  int experts = 0, top_k = 0, expert_ffn = 0, shared_experts = 0, dense_layers = 0;
};

// Multi-head latent attention (DeepSeek-V2/V3): low-rank query and key-value projections.
struct MlaSpec {
  int q_lora_rank = 0, kv_lora_rank = 0, qk_nope_dim = 0, qk_rope_dim = 0, v_head_dim = 0;
};

struct ModelSpec {
  std::string id;  // the file's stem: resources/models/<id>.json
  std::string name, source, notes;
  ModelKind kind = ModelKind::Llm;
  int layers = 0, hidden = 0, heads = 0, kv_heads = 0, ffn = 0;
  Activation activation = Activation::Gelu;
  int vocab = 0;
  int seq_len = 0;  // tokens per sequence (LLM) or per sample (image patches, DiT/ViT)
  bool tied_embeddings = false;
  bool learned_positions = false;  // a learned position table (GPT-3, ViT) instead of RoPE
  bool adaln = false;              // DiT adaLN-Zero conditioning: 6 h x h per layer
  bool dropout = false;            // dropout after attention and MLP (stores masks, adds traffic)
  int global_batch = 0;            // sequences per step in the published run; 0: not published
  std::optional<MoeSpec> moe;
  std::optional<MlaSpec> mla;

  int head_dim() const { return hidden / heads; }
  // Per-head widths of the attention kernel: MLA's queries and keys carry a RoPE part.
  int qk_head_dim() const { return mla ? mla->qk_nope_dim + mla->qk_rope_dim : head_dim(); }
  int v_head_dim() const { return mla ? mla->v_head_dim : head_dim(); }
  // Key-value heads the attention kernel sees: MLA decompresses one per query head.
  int attention_kv_heads() const { return mla ? heads : kv_heads; }
};

// Reads one model file; throws LoadError naming the file and the JSON path.
ModelSpec load_model(const std::filesystem::path& file);
ModelSpec model_from_json(JsonValue doc, const std::string& id);
// The same from the text of a model file.
ModelSpec parse_model_text(std::string_view text, const std::string& id);
// The file of the model `id` in `folder`, when id is a plain name (letters, digits, '.', '-', '_',
// not starting with '.') and the file exists: a design's scenario names its model, and must not
// make ClusterForge read "../../anything.json".
std::optional<std::filesystem::path> model_file(const std::filesystem::path& folder,
                                                const std::string& id);
// Every *.json of a folder, by id.
std::vector<ModelSpec> load_models(const std::filesystem::path& folder);

std::string to_string(ModelKind kind);

}  // namespace cf
