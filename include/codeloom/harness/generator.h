// Where completions come from. The eval run takes any CompletionSource; the
// model-backed one continues each problem's prompt with decode::generate
// (plain completion: BOS + prompt, greedy when temperature is 0), cut at the
// problem's stop strings.
//
//   auto model = llm::Model::load(path);
//   auto gen = harness::ModelGenerator::create(*model, {.max_tokens = 512});
//   harness::CompletionSource source = [&](const harness::Problem& p, int n) {
//     return (*gen)->generate(p, n);
//   };
//
// ModelGenerator owns one llm::Session: not thread-safe; use from one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/decode/sampler.h"
#include "codeloom/harness/benchmark.h"
#include "codeloom/llm/model.h"
#include "codeloom/llm/session.h"

namespace codeloom::harness {

struct Completion {
  std::string text;
  double gen_ms = 0;
};

// Returns exactly n completions of `problem` (or an Error for the problem).
using CompletionSource = std::function<Result<std::vector<Completion>>(const Problem& problem, int n)>;

struct ModelGeneratorOptions {
  int max_tokens = 512;
  int n_ctx = 4096;                  // capped at the model's training context
  int n_threads = 0;                 // 0 = all cores
  decode::SamplingOptions sampling;  // temperature 0 = greedy
};

class ModelGenerator {
 public:
  // Errors of Session::create and of validate(sampling).
  static Result<std::unique_ptr<ModelGenerator>> create(std::shared_ptr<llm::Model> model,
                                                        ModelGeneratorOptions options);

  // n independent samples: each is its own decode::generate call with seed
  // sampling.seed + sample index + a per-problem offset (generate()
  // de-duplicates within a call, which pass@k must not do). With greedy
  // decoding all n are the same text, so it is generated once and repeated.
  Result<std::vector<Completion>> generate(const Problem& problem, int n);

 private:
  ModelGenerator() = default;
  std::shared_ptr<llm::Model> model_;
  std::unique_ptr<llm::Session> session_;
  ModelGeneratorOptions options_;
};

}  // namespace codeloom::harness
