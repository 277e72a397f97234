// A LogitSource that plays back scripted tokens over a real vocabulary, so
// decoding logic (stop strings, scopes, UTF-8, de-duplication, ranking) is
// tested on exact, known token pieces. Candidate i follows scripts[i]; at
// step k the scripted token gets logit `confidence` and every other token 0,
// so greedy decoding picks it and its log-probability is known in closed form.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "codeloom/decode/logit_source.h"

namespace codeloom::testing {

struct ScriptStep {
  llm::Token token;
  float confidence = 12.0f;
};
using Script = std::vector<ScriptStep>;

class ScriptedSource final : public decode::LogitSource {
 public:
  ScriptedSource(const llm::Model& model, std::vector<Script> scripts)
      : model_(model), scripts_(std::move(scripts)), logits_(static_cast<std::size_t>(model.n_vocab()), 0.0f) {}

  Status prefill(std::span<const llm::Token> prompt) override {
    ++prefills;
    prompt_len_ = prompt.size();
    tokens_.assign(prompt.begin(), prompt.end());
    return Status::Ok();
  }
  std::span<const float> logits() const override {
    std::fill(logits_.begin(), logits_.end(), 0.0f);
    const Script& s = scripts_[std::min(candidate_, scripts_.size() - 1)];
    const std::size_t k = tokens_.size() - prompt_len_;
    if (k < s.size()) logits_[static_cast<std::size_t>(s[k].token)] = s[k].confidence;
    else logits_[static_cast<std::size_t>(model_.eos())] = 12.0f;  // script over: end
    return logits_;
  }
  Status push(llm::Token t) override {
    ++pushes;
    tokens_.push_back(t);
    return Status::Ok();
  }
  Status rewind(std::size_t n) override {
    ++rewinds;
    tokens_.resize(n);
    ++candidate_;
    return Status::Ok();
  }
  const llm::Model& model() const override { return model_; }

  // Closed-form log-probability of a scripted step: c - log(e^c + n_vocab - 1).
  double step_logprob(float c) const {
    return c - std::log(std::exp(static_cast<double>(c)) + model_.n_vocab() - 1);
  }

  int prefills = 0, pushes = 0, rewinds = 0;

 private:
  const llm::Model& model_;
  std::vector<Script> scripts_;
  mutable std::vector<float> logits_;
  std::vector<llm::Token> tokens_;
  std::size_t prompt_len_ = 0;
  std::size_t candidate_ = 0;
};

// Tokens whose pieces are exactly `pieces` (each piece tokenized on its own).
inline Script script_of(const llm::Model& m, const std::vector<std::string>& pieces, float confidence = 12.0f) {
  Script s;
  for (const auto& p : pieces) {
    for (llm::Token t : m.tokenize(p, false)) s.push_back({t, confidence});
  }
  return s;
}

}  // namespace codeloom::testing
