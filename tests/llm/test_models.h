// Helpers shared by the llm tests: tiny models loaded once per process.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "codeloom/llm/model.h"
#include "support/tiny_model.h"

namespace codeloom::llm::test {

// Loads (and caches per process) the tiny model for `o`; fails the test on error.
inline std::shared_ptr<Model> load_tiny(const testing::TinyModelOptions& o = {}, bool vocab_only = false) {
  static std::map<std::string, std::shared_ptr<Model>> cache;
  auto path = testing::tiny_model_path(o);
  EXPECT_TRUE(path) << path.error().message;
  if (!path) return nullptr;
  const std::string key = *path + (vocab_only ? "#vocab" : "");
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  auto m = Model::load(*path, {.vocab_only = vocab_only});
  EXPECT_TRUE(m) << m.error().message;
  if (!m) return nullptr;
  cache[key] = *m;
  return *m;
}

// A model whose greedy output is varied (separate random output matrix), for
// parity and cache tests where a repetitive generation would prove little.
inline testing::TinyModelOptions varied(const std::string& vocab = "qwen2") {
  testing::TinyModelOptions o;
  o.vocab = vocab;
  o.tied_output = false;
  return o;
}

inline std::size_t argmax(std::span<const float> v) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i] > v[best]) best = i;
  }
  return best;
}

}  // namespace codeloom::llm::test
