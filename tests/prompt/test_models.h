// Named test models for prompt/decode tests: real tokenizers from llama.cpp's
// vocabulary files, with the special tokens each model family really has
// added where the stock vocabulary lacks them (CodeLlama = llama-spm +
// ▁<PRE>..., CodeGemma = gemma + its FIM tokens).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "codeloom/llm/model.h"
#include "support/tiny_model.h"

namespace codeloom::testing {

inline TinyModelOptions named_model_options(const std::string& name) {
  TinyModelOptions o;
  if (name == "qwen-coder") {
    // tests/support fills the qwen2 vocabulary's "[PAD<id>]" slots with
    // Qwen2.5-Coder's added tokens at their real ids (<|fim_prefix|> = 151659).
    o.vocab = "qwen2";
  } else if (name == "codegemma") {
    o.vocab = "gemma-4";
    o.extra_special_tokens = {"<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>", "<|file_separator|>"};
  } else if (name == "codellama") {
    o.vocab = "llama-spm";
    o.extra_special_tokens = {"\xE2\x96\x81<PRE>", "\xE2\x96\x81<SUF>", "\xE2\x96\x81<MID>", "\xE2\x96\x81<EOT>"};
  } else if (name == "codeloom") {
    o.vocab = "gpt-2";
    o.extra_special_tokens = {"<cl|fim_prefix>", "<cl|fim_suffix>", "<cl|fim_middle>",
                              "<cl|fim_pad>", "<cl|eot>", "<cl|file_sep>"};
  } else {
    o.vocab = name;  // a stock vocabulary: deepseek-coder, starcoder, qwen2, gpt-2, llama-spm
  }
  return o;
}

// Loads (once per process) the named model; vocab_only models have no weights.
inline Result<std::shared_ptr<llm::Model>> named_model(const std::string& name, bool vocab_only = true) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<llm::Model>> cache;
  std::lock_guard<std::mutex> lock(mu);
  const std::string key = name + (vocab_only ? "#vocab" : "#weights");
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  TinyModelOptions o = named_model_options(name);
  o.vocab_only = vocab_only;
  auto path = tiny_model_path(o);
  if (!path) return path.error();
  llm::ModelOptions mo;
  mo.vocab_only = vocab_only;
  auto m = llm::Model::load(*path, mo);
  if (!m) return m.error();
  cache[key] = *m;
  return *m;
}

}  // namespace codeloom::testing
