// Generating n completion candidates from one prompt.
//
// The prompt is prefilled once; each candidate starts from it again
// (rewind(prompt.size())), so only generated tokens are evaluated per
// candidate. Candidates are de-duplicated by text (keeping the best-scored
// copy) and ordered by mean token log-probability, best first. With
// max_samples > n, sampling goes on past n draws until n distinct texts are
// found or max_samples candidates were drawn (indices then run past n - 1).
//
// Log-probability of a token: log-softmax of the model's raw logits at
// temperature 1 (no penalties, no truncation) for the chosen token — the
// model's own confidence, comparable across sampling settings. The mean is
// over every sampled token of the candidate, including the end-of-generation
// token that ended it and tokens whose text a stop string or scope cut off.
//
//   decode::GenerateOptions o;
//   o.n = 3; o.max_tokens = 128; o.scope = decode::Scope::kLine; o.stop = {"\n\n"};
//   decode::Callbacks cb;
//   cb.on_text = [](int i, std::string_view delta) { stream(i, delta); };
//   auto cands = decode::generate(session, prompt_tokens, o, cb);
//
// Streaming guarantee: for each candidate, the concatenated on_text deltas
// equal the final candidate text; a delta never ends inside a UTF-8
// character and never contains text that a stop string or scope later removes.
//
// Thread-safety: uses the Session from the calling thread only; callbacks run
// on that thread.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/decode/logit_source.h"
#include "codeloom/decode/sampler.h"
#include "codeloom/decode/scope.h"
#include "codeloom/llm/session.h"

namespace codeloom::decode {

enum class FinishReason {
  kEos,        // an end-of-generation token (model EOG set or GenerateOptions::stop_tokens)
  kStop,       // a stop string appeared (it is not part of the text)
  kLength,     // max_tokens reached, or the context is full
  kScope,      // the line/block scope ended
  kCancelled,  // Callbacks::should_cancel returned true
  kTimeLimit,  // GenerateOptions::time_limit passed
};
const char* finish_reason_name(FinishReason reason);  // "eos", "stop", "length", ...

struct Candidate {
  std::string text;                 // valid UTF-8
  std::vector<llm::Token> tokens;   // every sampled token, in order
  std::vector<double> logprobs;     // parallel to tokens
  double mean_logprob = 0.0;        // 0 when no token was sampled
  FinishReason finish = FinishReason::kLength;
  int index = 0;                    // generation order; the index passed to callbacks
};

using Clock = std::function<std::chrono::steady_clock::time_point()>;

struct GenerateOptions {
  int n = 1;                     // distinct candidates wanted (fewer may come back after de-duplication)
  int max_samples = 0;           // draws allowed to find n distinct texts; <= n: exactly n draws
  int max_tokens = 256;          // per candidate
  SamplingOptions sampling;      // the RNG runs on across candidates, so they differ
  std::vector<std::string> stop;            // stop strings (may span tokens)
  std::vector<llm::Token> stop_tokens;      // extra end tokens (e.g. CodePrompt::stop_tokens)
  bool ignore_eos = false;       // never sample an end token (model EOG set and stop_tokens): run to max_tokens,
                                 // a stop string or the scope (llama.cpp's ignore_eos; for benchmarks)
  Scope scope = Scope::kFull;
  ScopeContext scope_context;               // language + prefix for Scope::kBlock
  int min_indent = 0;            // > 0: llama.cpp's n_indent (min_indent.h); ends like a scope (kScope)
  std::optional<std::chrono::milliseconds> time_limit;  // for the whole call, from its start
  Clock clock;                   // empty: std::chrono::steady_clock::now
};

struct Callbacks {
  std::function<void(int candidate, std::string_view delta)> on_text;
  std::function<bool()> should_cancel;  // polled before every token
};

// Errors: kInvalidArgument (n < 1, max_samples > 64 x n, max_tokens < 0, bad sampling options,
// block scope without a language, empty prompt), errors of prefill/rewind
// (kOutOfRange: prompt longer than the context), kInternal from the model.
Result<std::vector<Candidate>> generate(LogitSource& source, std::span<const llm::Token> prompt,
                                        const GenerateOptions& options, const Callbacks& callbacks = {});

// Same, over an llm::Session.
Result<std::vector<Candidate>> generate(llm::Session& session, std::span<const llm::Token> prompt,
                                        const GenerateOptions& options, const Callbacks& callbacks = {});

}  // namespace codeloom::decode
