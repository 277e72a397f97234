// What the decoder needs from a model context: prefill a prompt, read the
// next-token logits, append a token, rewind. SessionSource adapts an
// llm::Session; tests can script logits over a real vocabulary instead.
//
//   decode::SessionSource src(session);
//   auto out = decode::generate(src, prompt, options);
//
// Ownership: SessionSource borrows the Session (must outlive it). Not thread-safe.
#pragma once

#include <cstddef>
#include <span>

#include "codeloom/common/status.h"
#include "codeloom/llm/model.h"
#include "codeloom/llm/session.h"

namespace codeloom::decode {

class LogitSource {
 public:
  virtual ~LogitSource() = default;
  virtual Status prefill(std::span<const llm::Token> prompt) = 0;
  virtual std::span<const float> logits() const = 0;  // n_vocab floats after the current tokens
  virtual Status push(llm::Token token) = 0;          // kOutOfRange when the context is full
  virtual Status rewind(std::size_t n) = 0;           // keep the first n tokens
  virtual const llm::Model& model() const = 0;
};

class SessionSource final : public LogitSource {
 public:
  explicit SessionSource(llm::Session& session) : session_(session) {}
  Status prefill(std::span<const llm::Token> prompt) override {
    auto r = session_.prefill(prompt);
    return r ? Status::Ok() : Status(r.error());
  }
  std::span<const float> logits() const override { return session_.logits(); }
  Status push(llm::Token token) override { return session_.push(token); }
  Status rewind(std::size_t n) override { return session_.rewind(n); }
  const llm::Model& model() const override { return session_.model(); }

 private:
  llm::Session& session_;
};

}  // namespace codeloom::decode
