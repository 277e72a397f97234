#include "codeloom/decode/sampler.h"

#include <llama.h>

#include <cassert>
#include <cmath>
#include <cstdint>
#include <string>

#include "logprob_kernels.h"

namespace codeloom::decode {
namespace {

void to_candidates(std::span<const float> logits, std::vector<llama_token_data>* c) {
  c->resize(logits.size());
  for (std::size_t i = 0; i < logits.size(); ++i) {
    (*c)[i] = llama_token_data{static_cast<llama_token>(i), logits[i], 0.0f};
  }
}

void add_truncation(llama_sampler* chain, const SamplingOptions& o) {
  if (o.top_k > 0) llama_sampler_chain_add(chain, llama_sampler_init_top_k(o.top_k));
  if (o.top_p < 1.0f) llama_sampler_chain_add(chain, llama_sampler_init_top_p(o.top_p, 1));
  if (o.min_p > 0.0f) llama_sampler_chain_add(chain, llama_sampler_init_min_p(o.min_p, 1));
}

}  // namespace

void Sampler::ChainDeleter::operator()(llama_sampler* s) const { llama_sampler_free(s); }

Status validate(const SamplingOptions& o) {
  auto bad = [](const std::string& m) { return Status(make_error(ErrorCode::kInvalidArgument, m)); };
  if (!std::isfinite(o.temperature)) return bad("temperature must be a finite number");
  if (!(o.top_p >= 0.0f && o.top_p <= 1.0f)) return bad("top_p must be in [0, 1] (1 = off)");
  if (!(o.min_p >= 0.0f && o.min_p <= 1.0f)) return bad("min_p must be in [0, 1] (0 = off)");
  if (!(o.repetition_penalty > 0.0f) || !std::isfinite(o.repetition_penalty)) {
    return bad("repetition_penalty must be a positive number (1 = off)");
  }
  if (o.last_n < 0) return bad("last_n must be >= 0");
  for (llm::Token t : o.banned) {
    if (t < 0) return bad("banned token " + std::to_string(t) + " is not a token id");
  }
  return Status::Ok();
}

Sampler::Sampler(const SamplingOptions& o, int n_vocab) : n_vocab_(n_vocab) {
  assert(validate(o).ok());
  const auto params = llama_sampler_chain_default_params();
  chain_.reset(llama_sampler_chain_init(params));
  filter_.reset(llama_sampler_chain_init(params));
  if (!o.banned.empty()) {
    std::vector<llama_logit_bias> bias;
    for (llm::Token t : o.banned) bias.push_back({t, -INFINITY});
    for (llama_sampler* chain : {chain_.get(), filter_.get()}) {
      llama_sampler_chain_add(chain, llama_sampler_init_logit_bias(n_vocab, static_cast<int32_t>(bias.size()), bias.data()));
    }
  }
  if (o.repetition_penalty != 1.0f && o.last_n > 0) {
    llama_sampler_chain_add(chain_.get(),
                            llama_sampler_init_penalties(n_vocab, o.last_n, o.repetition_penalty, 0.0f, 0.0f));
  }
  // Plain greedy needs no candidate array: argmax picks what libllama's greedy
  // sampler would (the first maximum), ~10x cheaper per token. Banned tokens
  // (ignore_eos) keep that path: the first maximum among the others.
  plain_greedy_ = o.temperature <= 0.0f && !(o.repetition_penalty != 1.0f && o.last_n > 0);
  if (plain_greedy_ && !o.banned.empty()) {
    banned_.assign(static_cast<std::size_t>(n_vocab), false);
    for (llm::Token t : o.banned) {
      if (t < n_vocab) banned_[static_cast<std::size_t>(t)] = true;
    }
  }
  if (o.temperature <= 0.0f) {
    llama_sampler_chain_add(chain_.get(), llama_sampler_init_greedy());
  } else {
    add_truncation(chain_.get(), o);
    llama_sampler_chain_add(chain_.get(), llama_sampler_init_temp(o.temperature));
    llama_sampler_chain_add(chain_.get(), llama_sampler_init_dist(o.seed));
  }
  add_truncation(filter_.get(), o);
}

Sampler::~Sampler() = default;

llm::Token Sampler::sample(std::span<const float> logits) {
  assert(static_cast<int>(logits.size()) == n_vocab_);
  if (plain_greedy_) {
    const llm::Token best = argmax(logits);
    if (banned_.empty() || !banned_[static_cast<std::size_t>(best)]) return best;
    return argmax_allowed(logits);
  }
  // One buffer for every token: at 16k-152k entries (192 KB-1.8 MB) a fresh
  // vector per token is an mmap, page faults and an munmap each time.
  to_candidates(logits, &candidates_);
  llama_token_data_array arr{candidates_.data(), candidates_.size(), -1, false};
  llama_sampler_apply(chain_.get(), &arr);
  if (arr.selected < 0 || static_cast<std::size_t>(arr.selected) >= arr.size) return argmax(logits);
  return arr.data[arr.selected].id;
}

std::vector<llm::Token> Sampler::support(std::span<const float> logits) {
  std::vector<llama_token_data> c;
  to_candidates(logits, &c);
  llama_token_data_array arr{c.data(), c.size(), -1, false};
  llama_sampler_apply(filter_.get(), &arr);
  std::vector<llm::Token> out;
  out.reserve(arr.size);
  for (std::size_t i = 0; i < arr.size; ++i) out.push_back(arr.data[i].id);
  return out;
}

void Sampler::accept(llm::Token token) { llama_sampler_accept(chain_.get(), token); }

void Sampler::reset() {
  // llama_sampler_reset on the chain would also reset dist's RNG to the seed,
  // making every candidate identical; reset only the penalty window.
  const int n = llama_sampler_chain_n(chain_.get());
  for (int i = 0; i < n; ++i) {
    llama_sampler* s = llama_sampler_chain_get(chain_.get(), i);
    if (std::string(llama_sampler_name(s)) == "penalties") llama_sampler_reset(s);
  }
}

double token_logprob(std::span<const float> logits, llm::Token token) {
  if (token < 0 || static_cast<std::size_t>(token) >= logits.size()) return -INFINITY;
  const detail::LogSumExp lse = detail::log_sum_exp(logits.data(), logits.size());
  return static_cast<double>(logits[static_cast<std::size_t>(token)]) - lse.max - lse.log_sum;
}

llm::Token Sampler::argmax_allowed(std::span<const float> logits) const {
  // The rare case where the maximum is banned: scan again, skipping banned ids
  // (first maximum among the rest). Everything banned: the plain argmax.
  std::size_t best = logits.size();
  for (std::size_t i = 0; i < logits.size(); ++i) {
    if (banned_[i]) continue;
    if (best == logits.size() || logits[i] > logits[best]) best = i;
  }
  return best == logits.size() ? argmax(logits) : static_cast<llm::Token>(best);
}

llm::Token argmax(std::span<const float> logits) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < logits.size(); ++i) {
    if (logits[i] > logits[best]) best = i;
  }
  return static_cast<llm::Token>(best);
}

}  // namespace codeloom::decode
