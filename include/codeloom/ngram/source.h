// A KneserNey model as a decode::LogitSource, so the n-gram baseline generates
// through exactly the same decoder (sampling, stop rules, scopes) as a GGUF model.
// Logits are log-probabilities. The llm::Model supplies the vocabulary (pieces,
// end-of-generation tokens): use a vocabulary-only GGUF of the same tokenizer
// (tokenizer::write_vocab_gguf), whose ids match the n-gram's.
//
//   ngram::NgramSource src(lm, *vocab_model);
//   auto cands = decode::generate(src, prompt, options);
//
// Borrows both (they must outlive it). Not thread-safe; one per thread.
#pragma once

#include <vector>

#include "codeloom/decode/logit_source.h"
#include "codeloom/ngram/kneser_ney.h"

namespace codeloom::ngram {

class NgramSource final : public decode::LogitSource {
 public:
  NgramSource(const KneserNey& lm, const llm::Model& vocab) : lm_(lm), vocab_(vocab) {}
  Status prefill(std::span<const llm::Token> prompt) override;
  std::span<const float> logits() const override;
  Status push(llm::Token token) override;
  Status rewind(std::size_t n) override;
  const llm::Model& model() const override { return vocab_; }

 private:
  const KneserNey& lm_;
  const llm::Model& vocab_;
  std::vector<std::int32_t> tokens_;
  mutable std::vector<float> logits_;
  mutable bool fresh_ = false;
};

}  // namespace codeloom::ngram
