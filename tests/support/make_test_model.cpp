// codeloom-make-test-model: writes a tiny (or mid-size) random-weight llama
// GGUF around a real llama.cpp tokenizer, for scripts and benchmarks.
//
//   codeloom-make-test-model --vocab qwen2                 # prints the cached path
//   codeloom-make-test-model --vocab qwen2 --n-embd 896 --n-layer 24 --n-head 14
//       --n-head-kv 2 --n-ff 4864 --type f16 -o /tmp/qwen-shape.gguf
#include <CLI/CLI.hpp>

#include <cstdio>

#include "support/tiny_model.h"

int main(int argc, char** argv) {
  codeloom::testing::TinyModelOptions o;
  std::string output;
  CLI::App app{"Write a random-weight llama GGUF with a real tokenizer (for tests and benches)"};
  app.add_option("--vocab", o.vocab, "llama.cpp vocabulary name (qwen2, deepseek-coder, starcoder, llama-spm, ...) or a GGUF path")
      ->capture_default_str();
  app.add_option("--arch", o.arch, "general.architecture: llama or qwen2")->capture_default_str();
  app.add_option("--n-embd", o.n_embd)->capture_default_str();
  app.add_option("--n-layer", o.n_layer)->capture_default_str();
  app.add_option("--n-head", o.n_head)->capture_default_str();
  app.add_option("--n-head-kv", o.n_head_kv)->capture_default_str();
  app.add_option("--n-ff", o.n_ff)->capture_default_str();
  app.add_option("--n-ctx-train", o.n_ctx_train)->capture_default_str();
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--type", o.type, "f32 or f16")->capture_default_str();
  app.add_option("--extra-token", o.extra_special_tokens, "append a CONTROL token (repeatable), e.g. '▁<PRE>'");
  app.add_flag("--vocab-only", o.vocab_only, "write only the tokenizer");
  app.add_flag("--header-only", o.header_only, "write the header only, no tensor data (fuzz corpus files)");
  app.add_flag("!--untied-output", o.tied_output, "write a separate output.weight instead of reusing token_embd");
  app.add_option("-o,--output", output, "write exactly this file instead of the test-model cache");
  CLI11_PARSE(app, argc, argv);

  if (!output.empty()) {
    codeloom::Status s = codeloom::testing::write_tiny_model(o, output);
    if (!s) {
      std::fprintf(stderr, "codeloom-make-test-model: %s\n", s.error().message.c_str());
      return 1;
    }
    std::printf("%s\n", output.c_str());
    return 0;
  }
  auto path = codeloom::testing::tiny_model_path(o);
  if (!path) {
    std::fprintf(stderr, "codeloom-make-test-model: %s\n", path.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", path->c_str());
  return 0;
}
