#include "codeloom/train/export.h"

#include <ggml.h>
#include <gguf.h>

#include <cstring>
#include <memory>

#include "codeloom/train/recipe.h"

namespace codeloom::train {
namespace {

// llama_ftype values (llama.h) for general.file_type.
constexpr std::uint32_t kFtypeF32 = 0, kFtypeF16 = 1, kFtypeQ8_0 = 7;

struct GgufDeleter {
  void operator()(gguf_context* c) const { gguf_free(c); }
};
struct GgmlDeleter {
  void operator()(ggml_context* c) const { ggml_free(c); }
};

ggml_type tensor_type(ExportType t, const TensorRecord& r) {
  if (r.shape.size() < 2 || t == ExportType::kF32) return GGML_TYPE_F32;
  if (t == ExportType::kQ8_0 && r.shape.back() % 32 == 0) return GGML_TYPE_Q8_0;
  return GGML_TYPE_F16;
}

}  // namespace

Result<ExportType> parse_export_type(std::string_view text) {
  if (text == "f32") return ExportType::kF32;
  if (text == "f16") return ExportType::kF16;
  if (text == "q8_0") return ExportType::kQ8_0;
  return make_error(ErrorCode::kInvalidArgument, "unknown export type '" + std::string(text) + "' (f32, f16 or q8_0)");
}

std::int64_t checkpoint_vocab_size(const Checkpoint& ck) {
  const TensorRecord* e = ck.find_model("token_embd.weight");
  return e != nullptr && e->shape.size() == 2 ? e->shape[0] : 0;
}

Status export_gguf(const Checkpoint& ck, const std::string& out_path, const ExportOptions& options,
                   const TokenizerWriter& write_tokenizer) {
  auto recipe = parse_recipe(ck.recipe_toml, "checkpoint recipe");
  if (!recipe) return recipe.error();
  ModelConfig m = recipe->model;
  m.vocab_size = checkpoint_vocab_size(ck);
  if (m.vocab_size == 0) return make_error(ErrorCode::kCorrupt, "the checkpoint has no token_embd.weight");
  for (const TensorRecord& t : ck.model) {
    if (t.shape.empty() || t.shape.size() > 2)
      return make_error(ErrorCode::kCorrupt, "checkpoint tensor '" + t.name + "' has rank " +
                                                 std::to_string(t.shape.size()));
  }

  std::unique_ptr<gguf_context, GgufDeleter> g(gguf_init_empty());
  gguf_set_val_str(g.get(), "general.architecture", "llama");
  const std::string name = !options.name.empty() ? options.name : (recipe->name.empty() ? "codeloom" : recipe->name);
  gguf_set_val_str(g.get(), "general.name", name.c_str());
  gguf_set_val_u32(g.get(), "general.file_type",
                   options.type == ExportType::kF32 ? kFtypeF32 : options.type == ExportType::kF16 ? kFtypeF16 : kFtypeQ8_0);
  gguf_set_val_u32(g.get(), "general.quantization_version", GGML_QNT_VERSION);
  gguf_set_val_u32(g.get(), "llama.context_length", static_cast<std::uint32_t>(m.context));
  gguf_set_val_u32(g.get(), "llama.embedding_length", static_cast<std::uint32_t>(m.dim));
  gguf_set_val_u32(g.get(), "llama.block_count", static_cast<std::uint32_t>(m.n_layers));
  gguf_set_val_u32(g.get(), "llama.feed_forward_length", static_cast<std::uint32_t>(m.hidden_dim()));
  gguf_set_val_u32(g.get(), "llama.attention.head_count", static_cast<std::uint32_t>(m.n_heads));
  gguf_set_val_u32(g.get(), "llama.attention.head_count_kv", static_cast<std::uint32_t>(m.kv_heads()));
  gguf_set_val_u32(g.get(), "llama.rope.dimension_count", static_cast<std::uint32_t>(m.head_dim()));
  gguf_set_val_f32(g.get(), "llama.rope.freq_base", static_cast<float>(m.rope_theta));
  gguf_set_val_f32(g.get(), "llama.attention.layer_norm_rms_epsilon", static_cast<float>(m.norm_eps));
  gguf_set_val_u32(g.get(), "llama.vocab_size", static_cast<std::uint32_t>(m.vocab_size));
  if (write_tokenizer) {
    if (Status s = write_tokenizer(g.get()); !s) return s;
  }

  // One ggml context holds every converted tensor until the file is written.
  std::size_t bytes = 0;
  for (const TensorRecord& t : ck.model) {
    const std::int64_t cols = t.shape.back(), rows = t.shape.size() == 2 ? t.shape[0] : 1;
    bytes += ggml_row_size(tensor_type(options.type, t), cols) * static_cast<std::size_t>(rows) + ggml_tensor_overhead();
  }
  ggml_init_params ip{bytes + 1024 * 1024, nullptr, false};
  std::unique_ptr<ggml_context, GgmlDeleter> ctx(ggml_init(ip));
  if (!ctx) return make_error(ErrorCode::kInternal, "ggml_init failed (" + std::to_string(bytes) + " bytes)");
  for (const TensorRecord& t : ck.model) {
    const ggml_type type = tensor_type(options.type, t);
    const std::int64_t cols = t.shape.back(), rows = t.shape.size() == 2 ? t.shape[0] : 1;
    ggml_tensor* x = t.shape.size() == 2 ? ggml_new_tensor_2d(ctx.get(), type, cols, rows)
                                         : ggml_new_tensor_1d(ctx.get(), type, cols);
    ggml_set_name(x, t.name.c_str());
    if (type == GGML_TYPE_F32) {
      std::memcpy(x->data, t.data.data(), t.data.size() * sizeof(float));
    } else if (type == GGML_TYPE_F16) {
      ggml_fp32_to_fp16_row(t.data.data(), static_cast<ggml_fp16_t*>(x->data), static_cast<std::int64_t>(t.data.size()));
    } else {
      ggml_quantize_chunk(type, t.data.data(), x->data, 0, rows, cols, nullptr);
    }
    gguf_add_tensor(g.get(), x);
  }
  if (!gguf_write_to_file(g.get(), out_path.c_str(), false))
    return make_error(ErrorCode::kIo, "cannot write GGUF '" + out_path + "'");
  return Status::Ok();
}

}  // namespace codeloom::train
