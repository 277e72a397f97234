// Per-token CPU cost of decode's own work, outside the model: the chosen
// token's log-probability (token_logprob, log-softmax over the vocabulary)
// and a greedy / top-k draw (Sampler::sample), at codeloom-tiny's 16k and
// Qwen2.5-Coder's 152k vocabulary. Every generated token pays both.
//
//   build/bin/decode_token --benchmark_repetitions=3
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "codeloom/decode/sampler.h"
#include "logprob_kernels.h"  // src/decode: the portable kernel, for comparison

namespace {

std::vector<float> logits(int n_vocab) {
  std::mt19937 rng(7);
  std::normal_distribution<float> d(0.0f, 3.0f);
  std::vector<float> l(static_cast<std::size_t>(n_vocab));
  for (float& x : l) x = d(rng);
  return l;
}

// The old implementation (libm exp in double), for comparison.
double logprob_libm(const std::vector<float>& l, int token) {
  float mx = l[0];
  for (float v : l) mx = std::max(mx, v);
  double sum = 0.0;
  for (float v : l) sum += std::exp(static_cast<double>(v) - mx);
  return static_cast<double>(l[static_cast<std::size_t>(token)]) - mx - std::log(sum);
}

void BM_TokenLogprob(benchmark::State& state) {
  const auto l = logits(static_cast<int>(state.range(0)));
  int t = 0;
  for (auto _ : state) benchmark::DoNotOptimize(codeloom::decode::token_logprob(l, t++ % 100));
}
BENCHMARK(BM_TokenLogprob)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

void BM_TokenLogprobGeneric(benchmark::State& state) {  // the portable kernel (no AVX2)
  const auto l = logits(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(codeloom::decode::detail::log_sum_exp_generic(l.data(), l.size()));
}
BENCHMARK(BM_TokenLogprobGeneric)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

void BM_TokenLogprobLibm(benchmark::State& state) {
  const auto l = logits(static_cast<int>(state.range(0)));
  int t = 0;
  for (auto _ : state) benchmark::DoNotOptimize(logprob_libm(l, t++ % 100));
}
BENCHMARK(BM_TokenLogprobLibm)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

void BM_SampleGreedy(benchmark::State& state) {
  const auto l = logits(static_cast<int>(state.range(0)));
  codeloom::decode::Sampler s({.temperature = 0.0f}, static_cast<int>(l.size()));
  for (auto _ : state) benchmark::DoNotOptimize(s.sample(l));
}
BENCHMARK(BM_SampleGreedy)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

void BM_SampleGreedyBanned(benchmark::State& state) {  // greedy with ignore_eos's banned end tokens
  const auto l = logits(static_cast<int>(state.range(0)));
  codeloom::decode::Sampler s({.temperature = 0.0f, .banned = {0, 1, 2}}, static_cast<int>(l.size()));
  for (auto _ : state) benchmark::DoNotOptimize(s.sample(l));
}
BENCHMARK(BM_SampleGreedyBanned)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

void BM_SampleTopK50(benchmark::State& state) {
  const auto l = logits(static_cast<int>(state.range(0)));
  codeloom::decode::Sampler s({}, static_cast<int>(l.size()));  // top-k 50, top-p 0.95, T 0.8
  for (auto _ : state) benchmark::DoNotOptimize(s.sample(l));
}
BENCHMARK(BM_SampleTopK50)->Arg(16000)->Arg(151936)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
