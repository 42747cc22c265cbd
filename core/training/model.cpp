#include "training/model.h"

#include <algorithm>

#include "io/field_table.h"
#include "io/json_document.h"

namespace cf {

namespace {

const FieldTable<MoeSpec>& moe_fields() {
  static const FieldTable<MoeSpec> t{
      integer_field<MoeSpec>("experts", &MoeSpec::experts, true, 1, 100000),
      integer_field<MoeSpec>("top_k", &MoeSpec::top_k, true, 1, 1024),
      integer_field<MoeSpec>("expert_ffn", &MoeSpec::expert_ffn, true, 1, 10000000),
      integer_field<MoeSpec>("shared_experts", &MoeSpec::shared_experts, false, 0, 1024),
      integer_field<MoeSpec>("dense_layers", &MoeSpec::dense_layers, false, 0, 100000),
  };
  return t;
}

const FieldTable<MlaSpec>& mla_fields() {
  static const FieldTable<MlaSpec> t{
      integer_field<MlaSpec>("q_lora_rank", &MlaSpec::q_lora_rank, true, 1, 1000000),
      integer_field<MlaSpec>("kv_lora_rank", &MlaSpec::kv_lora_rank, true, 1, 1000000),
      integer_field<MlaSpec>("qk_nope_dim", &MlaSpec::qk_nope_dim, true, 1, 100000),
      integer_field<MlaSpec>("qk_rope_dim", &MlaSpec::qk_rope_dim, true, 0, 100000),
      integer_field<MlaSpec>("v_head_dim", &MlaSpec::v_head_dim, true, 1, 100000),
  };
  return t;
}

const FieldTable<ModelSpec>& model_fields() {
  using M = ModelSpec;
  static const FieldTable<M> t{
      string_field<M>("name", &M::name, true),
      enum_field<M>("kind", &M::kind, false,
                    {{ModelKind::Llm, "llm"}, {ModelKind::Dit, "dit"}, {ModelKind::Vit, "vit"}}),
      integer_field<M>("layers", &M::layers, true, 1, 100000),
      integer_field<M>("hidden", &M::hidden, true, 1, 10000000),
      integer_field<M>("heads", &M::heads, true, 1, 100000),
      integer_field<M>("kv_heads", &M::kv_heads, false, 1, 100000),
      integer_field<M>("ffn", &M::ffn, true, 1, 100000000),
      enum_field<M>("activation", &M::activation, true,
                    {{Activation::Gelu, "gelu"}, {Activation::Swiglu, "swiglu"}}),
      integer_field<M>("vocab", &M::vocab, true, 0, 100000000),
      integer_field<M>("seq_len", &M::seq_len, true, 1, 100000000),
      bool_field<M>("tied_embeddings", &M::tied_embeddings, false),
      bool_field<M>("learned_positions", &M::learned_positions, false),
      bool_field<M>("adaln", &M::adaln, false),
      bool_field<M>("dropout", &M::dropout, false),
      integer_field<M>("global_batch", &M::global_batch, false, 1, 100000000),
      {"moe", false,
       [](M& m, JsonValue v, const JsonPath& p) {
         MoeSpec moe;
         read_fields(moe, v, p, moe_fields(), nullptr);
         m.moe = moe;
       },
       [](const M&, JsonWriter&) {}},
      {"mla", false,
       [](M& m, JsonValue v, const JsonPath& p) {
         MlaSpec mla;
         read_fields(mla, v, p, mla_fields(), nullptr);
         m.mla = mla;
       },
       [](const M&, JsonWriter&) {}},
      string_field<M>("source", &M::source, false),
      string_field<M>("notes", &M::notes, false),
  };
  return t;
}

}  // namespace

std::string to_string(ModelKind kind) {
  switch (kind) {
    case ModelKind::Llm: return "llm";
    case ModelKind::Dit: return "dit";
    case ModelKind::Vit: return "vit";
  }
  return "?";
}

ModelSpec model_from_json(JsonValue doc, const std::string& id) {
  ModelSpec m;
  m.id = id;
  read_fields(m, doc, JsonPath(), model_fields(), nullptr);
  if (m.kv_heads == 0) m.kv_heads = m.heads;
  if (m.hidden % m.heads != 0) fail_at("/heads", "hidden must be a multiple of heads");
  if (m.heads % m.kv_heads != 0) fail_at("/kv_heads", "heads must be a multiple of kv_heads");
  if (m.kind == ModelKind::Llm && m.vocab < 1) fail_at("/vocab", "a language model needs a vocabulary");
  if (m.moe) {
    if (m.moe->top_k > m.moe->experts) fail_at("/moe/top_k", "top_k cannot exceed experts");
    if (m.moe->dense_layers > m.layers) fail_at("/moe/dense_layers", "more dense layers than layers");
  }
  return m;
}

ModelSpec parse_model_text(std::string_view text, const std::string& id) {
  return model_from_json(JsonDocument::parse(text, kModelLimits).root(), id);
}

ModelSpec load_model(const std::filesystem::path& file) {
  JsonDocument doc = JsonDocument::read_file(file, kModelLimits);
  try {
    return model_from_json(doc.root(), file.stem().string());
  } catch (const LoadError& e) {
    throw e.in_file(file.string());
  }
}

std::optional<std::filesystem::path> model_file(const std::filesystem::path& folder,
                                                const std::string& id) {
  auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  };
  if (id.empty() || id.front() == '.' || !std::all_of(id.begin(), id.end(), plain)) return std::nullopt;
  std::filesystem::path file = folder / (id + ".json");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

std::vector<ModelSpec> load_models(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<ModelSpec> models;
  for (const auto& f : files) models.push_back(load_model(f));
  return models;
}

}  // namespace cf
