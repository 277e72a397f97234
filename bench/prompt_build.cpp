// CPU cost of turning an editor's request into prompt tokens
// (prompt::build_infill_prompt: budget, truncation, tokenization) — paid by
// every /infill and /v1/completions request before the model sees it.
// Workload: the server benchmark's request (bench/server_bench.py: the start
// of argparse.py up to the cursor, the following lines as suffix), plus one
// whose prefix is far over the budget (truncation).
//
//   build/bin/prompt_build --model models/codeloom-tiny.gguf [--source FILE] [benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "codeloom/llm/model.h"
#include "codeloom/prompt/infill.h"

namespace {

std::shared_ptr<codeloom::llm::Model> g_model;
std::string g_source;

// server_bench.py's Document: the file from its first "import" line, cut at
// the last line start before prefix_chars, the cursor indented on a new line.
codeloom::prompt::InfillRequest request(std::size_t prefix_chars, std::size_t suffix_chars) {
  const std::size_t from = g_source.find("\nimport ");
  const std::string text = from == std::string::npos ? g_source : g_source.substr(from);
  const std::size_t nl = text.rfind('\n', prefix_chars == 0 ? 0 : prefix_chars - 1);
  const std::size_t cut = nl == std::string::npos ? 0 : nl + 1;
  codeloom::prompt::InfillRequest r;
  r.prefix = text.substr(0, cut) + "    ";
  r.suffix = "\n" + text.substr(cut, suffix_chars);
  return r;
}

void run(benchmark::State& state, const codeloom::prompt::InfillRequest& req, int n_ctx) {
  codeloom::prompt::PromptBudget budget;
  budget.n_ctx = n_ctx;
  budget.max_new_tokens = 16;
  std::size_t tokens = 0;
  for (auto _ : state) {
    auto p = codeloom::prompt::build_infill_prompt(*g_model, req, budget);
    if (!p) {
      state.SkipWithError(p.error().message.c_str());
      return;
    }
    tokens = p->tokens.size();
    benchmark::DoNotOptimize(p->tokens.data());
  }
  state.counters["prompt_tokens"] = static_cast<double>(tokens);
  state.counters["bytes"] = static_cast<double>(req.prefix.size() + req.suffix.size());
}

// The server benchmark's request: everything fits a 1,024-token slot.
void BM_InfillFits(benchmark::State& state) { run(state, request(3000, 300), 1024); }
BENCHMARK(BM_InfillFits)->Unit(benchmark::kMillisecond);

// 30 KB of prefix into the same slot: the prefix is cut to the budget.
void BM_InfillTruncated(benchmark::State& state) { run(state, request(30000, 300), 1024); }
BENCHMARK(BM_InfillTruncated)->Unit(benchmark::kMillisecond);

// The tokenizer alone on the fitting request's prefix: the floor of the above.
void BM_TokenizePrefix(benchmark::State& state) {
  const auto req = request(3000, 300);
  for (auto _ : state) benchmark::DoNotOptimize(g_model->tokenize(req.prefix, false, false).size());
}
BENCHMARK(BM_TokenizePrefix)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  std::string model = "models/codeloom-tiny.gguf";
  std::string source = "/usr/lib/python3.11/argparse.py";
  int out = 1;
  for (int i = 1; i < argc; ++i) {  // our flags out, Google Benchmark's stay
    if ((!std::strcmp(argv[i], "--model") || !std::strcmp(argv[i], "--source")) && i + 1 < argc) {
      (!std::strcmp(argv[i], "--model") ? model : source) = argv[i + 1];
      ++i;
    } else {
      argv[out++] = argv[i];
    }
  }
  argc = out;
  std::ifstream in(source, std::ios::binary);
  if (!in) {
    std::cerr << "prompt_build: cannot read " << source << " (--source FILE)\n";
    return 1;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  g_source = ss.str();
  auto m = codeloom::llm::Model::load(model, {.vocab_only = true});
  if (!m) {
    std::cerr << "prompt_build: " << m.error().message << "\n";
    return 1;
  }
  g_model = *m;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
