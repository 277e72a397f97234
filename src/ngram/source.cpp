#include "codeloom/ngram/source.h"

#include <cmath>
#include <limits>
#include <string>

namespace codeloom::ngram {

Status NgramSource::prefill(std::span<const llm::Token> prompt) {
  if (vocab_.n_vocab() != lm_.vocab_size())
    return make_error(ErrorCode::kInvalidArgument, "the n-gram model has " + std::to_string(lm_.vocab_size()) +
                                                       " tokens but the vocabulary model " +
                                                       std::to_string(vocab_.n_vocab()));
  tokens_.assign(prompt.begin(), prompt.end());
  fresh_ = false;
  return Status::Ok();
}

std::span<const float> NgramSource::logits() const {
  if (!fresh_) {
    logits_.resize(static_cast<std::size_t>(lm_.vocab_size()));
    lm_.distribution(tokens_, logits_);
    for (float& p : logits_) p = p > 0 ? std::log(p) : -std::numeric_limits<float>::infinity();
    fresh_ = true;
  }
  return logits_;
}

Status NgramSource::push(llm::Token token) {
  if (token < 0 || token >= lm_.vocab_size())
    return make_error(ErrorCode::kInvalidArgument, "token " + std::to_string(token) + " outside the vocabulary");
  tokens_.push_back(token);
  fresh_ = false;
  return Status::Ok();
}

Status NgramSource::rewind(std::size_t n) {
  if (n > tokens_.size()) return make_error(ErrorCode::kOutOfRange, "rewind beyond the current tokens");
  tokens_.resize(n);
  fresh_ = false;
  return Status::Ok();
}

}  // namespace codeloom::ngram
