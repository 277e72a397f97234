// Tokenizer checks: what llama-vocab.cpp (llama_vocab::impl::load) reads,
// where it asserts instead of throwing. Sources: llama-vocab.cpp, pinned
// llama.cpp (third_party/versions.sh).
#include <algorithm>
#include <climits>
#include <string_view>
#include <unordered_map>

#include "gguf.h"
#include "gguf_model_check.h"

namespace codeloom::llm::detail {
namespace {

// Tokenizer models codeloom generates with (SPM and byte-level BPE). Others
// either carry no vocabulary ("none", "no_vocab": the model's embedding would
// have 0 rows, an abort in create_tensor) or assert in their own set-up paths.
constexpr std::string_view kTokenizerModels[] = {"llama", "gpt2", "gemma4"};

// A per-token array (scores, token types): libllama indexes it up to n_tokens.
Status per_token_array(const MetaReader& meta, const char* key, std::initializer_list<gguf_type> types,
                       std::size_t n_tokens) {
  const std::int64_t id = gguf_find_key(meta.ctx(), key);
  if (id < 0) return Status::Ok();
  if (gguf_get_kv_type(meta.ctx(), id) != GGUF_TYPE_ARRAY) return meta.bad(key, "is not an array");
  const gguf_type t = gguf_get_arr_type(meta.ctx(), id);
  if (std::find(types.begin(), types.end(), t) == types.end()) {
    return meta.bad(key, std::string("is an array of ") + gguf_type_name(t));
  }
  const std::size_t n = gguf_get_arr_n(meta.ctx(), id);
  if (n < n_tokens) {
    return meta.bad(key, "has " + std::to_string(n) + " entries for " + std::to_string(n_tokens) + " tokens");
  }
  return Status::Ok();
}

}  // namespace

Result<std::uint32_t> check_vocab(const MetaReader& meta) {
  const gguf_context* ctx = meta.ctx();
  auto model = meta.str("tokenizer.ggml.model", true);
  if (!model) return model.error();
  if (std::find(std::begin(kTokenizerModels), std::end(kTokenizerModels), **model) == std::end(kTokenizerModels)) {
    return meta.fail(ErrorCode::kUnsupported, "tokenizer.ggml.model is '" + **model +
                                                  "'; codeloom supports the 'llama' (SentencePiece), 'gpt2' and "
                                                  "'gemma4' (BPE) tokenizers");
  }

  const char* kTokens = "tokenizer.ggml.tokens";
  const std::int64_t tok = gguf_find_key(ctx, kTokens);
  if (tok < 0) return meta.bad(kTokens, "is missing");
  if (gguf_get_kv_type(ctx, tok) != GGUF_TYPE_ARRAY || gguf_get_arr_type(ctx, tok) != GGUF_TYPE_STRING) {
    return meta.bad(kTokens, "is not an array of strings");
  }
  const std::size_t n = gguf_get_arr_n(ctx, tok);
  if (n == 0) return meta.bad(kTokens, "is empty");
  if (n > static_cast<std::size_t>(INT32_MAX)) return meta.bad(kTokens, "has " + std::to_string(n) + " tokens");

  // Token texts must be unique: libllama asserts that its id->token and
  // token->id tables have the same size. Empty tokens are renamed
  // "[EMPTY_<id>]" by libllama first, so compare the renamed texts.
  std::unordered_map<std::string, std::size_t> seen;
  seen.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string text = gguf_get_arr_str(ctx, tok, i);
    if (text.empty()) text = "[EMPTY_" + std::to_string(i) + "]";
    auto [it, fresh] = seen.emplace(std::move(text), i);
    if (!fresh) {
      return meta.bad(kTokens, "holds the token '" + it->first.substr(0, 40) + "' twice (ids " +
                                   std::to_string(it->second) + " and " + std::to_string(i) + ")");
    }
  }

  if (Status s = per_token_array(meta, "tokenizer.ggml.scores", {GGUF_TYPE_FLOAT32, GGUF_TYPE_INT32}, n); !s) {
    return s.error();
  }
  if (Status s = per_token_array(meta, "tokenizer.ggml.token_type", {GGUF_TYPE_INT32}, n); !s) return s.error();

  if (**model != "llama") {  // BPE: needs its merges
    const char* kMerges = "tokenizer.ggml.merges";
    const std::int64_t m = gguf_find_key(ctx, kMerges);
    if (m < 0) return meta.bad(kMerges, "is missing (a BPE tokenizer needs its merges)");
    if (gguf_get_kv_type(ctx, m) != GGUF_TYPE_ARRAY || gguf_get_arr_type(ctx, m) != GGUF_TYPE_STRING) {
      return meta.bad(kMerges, "is not an array of strings");
    }
    if (gguf_get_arr_n(ctx, m) > static_cast<std::size_t>(INT32_MAX)) return meta.bad(kMerges, "is too long");
  }
  return static_cast<std::uint32_t>(n);
}

}  // namespace codeloom::llm::detail
