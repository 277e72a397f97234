// Token sampling over raw logits, built on libllama's sampler chain:
//   penalties -> top_k -> top_p -> min_p -> temperature -> dist(seed)
// or penalties -> greedy when temperature <= 0.
//
//   decode::Sampler s(decode::SamplingOptions{.temperature = 0.2f}, model.n_vocab());
//   llm::Token t = s.sample(session.logits());
//   s.accept(t);                       // feeds the repetition-penalty window
//
// Ownership: a Sampler owns its llama_sampler chain (RAII). Not thread-safe:
// one Sampler per generation thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"

struct llama_sampler;
struct llama_token_data;

namespace codeloom::decode {

// Seed used when none is given: runs are reproducible by default; pass a
// different seed (e.g. from the request) for different samples.
inline constexpr std::uint32_t kDefaultSeed = 0xC0DE;

struct SamplingOptions {
  float temperature = 0.8f;        // <= 0: greedy (argmax)
  int top_k = 50;                  // <= 0: off
  float top_p = 0.95f;             // >= 1: off
  float min_p = 0.0f;              // <= 0: off
  float repetition_penalty = 1.0f; // 1: off; > 1 discourages tokens seen in the last `last_n`
  int last_n = 64;                 // repetition window (prompt tail + generated tokens)
  std::uint32_t seed = kDefaultSeed;
  std::vector<llm::Token> banned;  // never sampled (logit -inf first in the chain), e.g. end tokens for ignore_eos
};

// kInvalidArgument for values libllama would misbehave on (NaN, negative
// penalty, top_p/min_p outside [0, 1], last_n < 0, a negative banned token;
// banned tokens past the vocabulary are checked by generate()).
Status validate(const SamplingOptions& options);

class Sampler {
 public:
  // `options` must pass validate(); n_vocab is the model's vocabulary size.
  Sampler(const SamplingOptions& options, int n_vocab);
  ~Sampler();
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  // Picks the next token from raw logits (n_vocab floats). Deterministic for
  // a given seed and sequence of calls.
  llm::Token sample(std::span<const float> logits);

  // The candidate tokens left after the truncation samplers (top_k, top_p,
  // min_p) for these logits, without drawing. For tests and diagnostics.
  std::vector<llm::Token> support(std::span<const float> logits);

  void accept(llm::Token token);  // the token was chosen (repetition window)
  void reset();                   // clears the repetition window; the RNG keeps its state

 private:
  struct ChainDeleter { void operator()(llama_sampler* s) const; };
  std::unique_ptr<llama_sampler, ChainDeleter> chain_;
  std::unique_ptr<llama_sampler, ChainDeleter> filter_;  // the chain without temp/dist, for support()
  int n_vocab_;
  llm::Token argmax_allowed(std::span<const float> logits) const;
  bool plain_greedy_ = false;  // temperature <= 0, no penalty: sample() is an argmax (over allowed ids)
  std::vector<bool> banned_;   // plain greedy with banned tokens: n_vocab flags, else empty
  std::vector<llama_token_data> candidates_;  // sample()'s candidate array, reused
};

// log-softmax of `logits` at temperature 1, evaluated at `token`: the
// model's own log-probability, independent of the sampling settings.
double token_logprob(std::span<const float> logits, llm::Token token);

// Index of the largest logit (first one on ties).
llm::Token argmax(std::span<const float> logits);

}  // namespace codeloom::decode
