#include "codeloom/tokenizer/gguf.h"

#include <gguf.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace codeloom::tokenizer {

Status write_gguf_tokenizer(const Tokenizer& tok, gguf_context* ctx) {
  if (ctx == nullptr) return make_error(ErrorCode::kInvalidArgument, "write_gguf_tokenizer: null gguf context");
  const std::int32_t n = tok.vocab_size();
  std::vector<const char*> texts(static_cast<std::size_t>(n));
  std::vector<std::int32_t> types(static_cast<std::size_t>(n));
  for (std::int32_t i = 0; i < n; ++i) {
    texts[i] = tok.token_text(i).c_str();
    types[i] = static_cast<std::int32_t>(tok.token_type(i));
  }
  std::vector<std::string> merges;
  merges.reserve(tok.merges().size());
  for (const auto& [a, b] : tok.merges()) merges.push_back(tok.token_text(a) + " " + tok.token_text(b));
  std::vector<const char*> merge_ptrs;
  merge_ptrs.reserve(merges.size());
  for (const std::string& m : merges) merge_ptrs.push_back(m.c_str());

  gguf_set_val_str(ctx, "tokenizer.ggml.model", "gpt2");
  gguf_set_val_str(ctx, "tokenizer.ggml.pre", Tokenizer::kPreTokenizer);
  gguf_set_arr_str(ctx, "tokenizer.ggml.tokens", texts.data(), texts.size());
  gguf_set_arr_data(ctx, "tokenizer.ggml.token_type", GGUF_TYPE_INT32, types.data(), types.size());
  gguf_set_arr_str(ctx, "tokenizer.ggml.merges", merge_ptrs.data(), merge_ptrs.size());
  const SpecialTokens& s = tok.specials();
  const auto u32 = [](std::int32_t v) { return static_cast<std::uint32_t>(v); };
  gguf_set_val_u32(ctx, "tokenizer.ggml.bos_token_id", u32(s.eot));
  gguf_set_val_u32(ctx, "tokenizer.ggml.eos_token_id", u32(s.eot));
  gguf_set_val_u32(ctx, "tokenizer.ggml.eot_token_id", u32(s.eot));
  gguf_set_val_u32(ctx, "tokenizer.ggml.padding_token_id", u32(s.fim_pad));
  gguf_set_val_u32(ctx, "tokenizer.ggml.fim_pre_token_id", u32(s.fim_prefix));
  gguf_set_val_u32(ctx, "tokenizer.ggml.fim_suf_token_id", u32(s.fim_suffix));
  gguf_set_val_u32(ctx, "tokenizer.ggml.fim_mid_token_id", u32(s.fim_middle));
  gguf_set_val_u32(ctx, "tokenizer.ggml.fim_pad_token_id", u32(s.fim_pad));
  gguf_set_val_u32(ctx, "tokenizer.ggml.fim_sep_token_id", u32(s.file_sep));
  // Training puts <cl|eot> before every document (packed rows: the previous one's
  // end), so a prompt starts like a document when libllama prepends it as BOS.
  // Measured on codeloom-tiny: line-completion edit similarity 0.195 -> 0.212
  // (300 held-out tasks). The n-gram baseline was already given the same start.
  gguf_set_val_bool(ctx, "tokenizer.ggml.add_bos_token", true);
  gguf_set_val_bool(ctx, "tokenizer.ggml.add_eos_token", false);
  return Status::Ok();
}

Status write_vocab_gguf(const Tokenizer& tok, const std::string& path) {
  std::unique_ptr<gguf_context, decltype(&gguf_free)> ctx(gguf_init_empty(), gguf_free);
  if (!ctx) return make_error(ErrorCode::kInternal, "gguf_init_empty failed");
  gguf_set_val_str(ctx.get(), "general.architecture", "llama");
  gguf_set_val_str(ctx.get(), "general.name", "codeloom-tokenizer");
  // libllama reads the architecture's hyper-parameters even for vocab_only loads.
  gguf_set_val_u32(ctx.get(), "llama.context_length", 2048);
  gguf_set_val_u32(ctx.get(), "llama.embedding_length", 64);
  gguf_set_val_u32(ctx.get(), "llama.block_count", 1);
  gguf_set_val_u32(ctx.get(), "llama.feed_forward_length", 128);
  gguf_set_val_u32(ctx.get(), "llama.attention.head_count", 4);
  gguf_set_val_u32(ctx.get(), "llama.attention.head_count_kv", 4);
  gguf_set_val_u32(ctx.get(), "llama.rope.dimension_count", 16);
  gguf_set_val_f32(ctx.get(), "llama.attention.layer_norm_rms_epsilon", 1e-5f);
  if (auto s = write_gguf_tokenizer(tok, ctx.get()); !s) return s;
  const std::string tmp = path + ".tmp";
  if (!gguf_write_to_file(ctx.get(), tmp.c_str(), /*only_meta=*/false)) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    return make_error(ErrorCode::kIo, "cannot write " + path);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot rename " + tmp + " to " + path + ": " + ec.message());
  return Status::Ok();
}

}  // namespace codeloom::tokenizer
