// codeloom::llm::Session — one llama_context (KV cache) over a shared Model.
//
// A Session remembers which tokens its KV cache holds. prefill() makes the
// cache hold exactly the given prompt, re-using the longest common token
// prefix with what it already holds (editor-style typing: a one-line edit near
// the cursor re-evaluates only the tokens after the edit).
//
//   auto s = llm::Session::create(model, {.n_ctx = 4096, .n_threads = 2});
//   auto st = (*s)->prefill(tokens);          // st->reused tokens came from cache
//   std::span<const float> logits = (*s)->logits();
//   (*s)->push(next_token);                   // decode one token
//   (*s)->rewind(tokens.size());              // forget what was generated
//
// Thread-safety: a Session is used by one thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/llm/kv_type.h"
#include "codeloom/llm/model.h"

struct llama_context;

namespace codeloom::llm {

struct SessionOptions {
  int n_ctx = 4096;     // context length in tokens; 0 = the model's training context
  int n_batch = 512;    // max tokens per prefill batch
  int n_threads = 0;    // 0 = all hardware threads
  bool flash_attn = false;
  KvType kv_type = KvType::kAuto;  // see kv_type.h
};

struct PrefillStats {
  std::size_t reused = 0;     // tokens kept from the cache
  std::size_t evaluated = 0;  // tokens run through the model
  double ms = 0;              // wall time of the prefill
};

class Session {
 public:
  static Result<std::unique_ptr<Session>> create(std::shared_ptr<const Model> model,
                                                 const SessionOptions& options = {});
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Makes the cache hold exactly `prompt` and computes the logits that follow
  // its last token. Errors: kInvalidArgument (empty prompt, token id out of
  // the vocabulary), kOutOfRange (prompt longer than n_ctx), kInternal (decode failed).
  Result<PrefillStats> prefill(std::span<const Token> prompt);

  // Appends one token, computing the logits that follow it. kOutOfRange when the context is full.
  Status push(Token token);

  // Drops every cached token at position >= n (n <= tokens().size()); the
  // logits of position n-1 are restored from a saved copy when n equals the
  // length of the last prefill, otherwise recomputed.
  Status rewind(std::size_t n);

  // Logits (n_vocab floats) for the next token after tokens().
  std::span<const float> logits() const;

  std::span<const Token> tokens() const { return tokens_; }
  int n_ctx() const { return n_ctx_; }
  const Model& model() const { return *model_; }
  llama_context* raw() const { return ctx_; }

 private:
  Session() = default;
  // Decodes `toks` at positions tokens_.size()...; logits only for the last one.
  Status decode_append(std::span<const Token> toks);
  // Drops cached tokens at positions >= n (KV cache and tokens_).
  void truncate(std::size_t n);
  Status check_tokens(std::span<const Token> toks) const;
  std::shared_ptr<const Model> model_;
  llama_context* ctx_ = nullptr;
  int n_ctx_ = 0;
  int n_batch_ = 0;
  std::vector<Token> tokens_;           // what the KV cache holds
  const float* logits_ = nullptr;       // logits after tokens_: libllama's buffer or saved_logits_
  bool saved_valid_ = false;            // saved_logits_ belong to tokens_[0, saved_len_)
  std::size_t saved_len_ = 0;           // tokens_.size() when saved_logits_ was taken
  std::vector<float> saved_logits_;     // logits after the last prefill
};

}  // namespace codeloom::llm
