// Test double for the tokenizer: one id per byte (0..255) plus codeloom's FIM
// tokens, and a deterministic synthetic code corpus. The trainer itself takes
// the real tokenizer (apps/codeloom/cmd_train.cpp); tests only need ids.
#pragma once

#include <string>
#include <vector>

#include "codeloom/train/corpus.h"

namespace codeloom::train::testing {

inline constexpr TokenId kPrefix = 256, kSuffix = 257, kMiddle = 258, kPad = 259, kEot = 260;
inline constexpr std::int32_t kByteVocabSize = 261;

inline Vocabulary byte_vocabulary() {
  Vocabulary v;
  v.size = kByteVocabSize;
  v.ids = FimTokens{kPrefix, kSuffix, kMiddle, kPad, kEot};
  v.encode = [](std::string_view text) {
    std::vector<TokenId> out;
    for (unsigned char c : text) out.push_back(c);
    return out;
  };
  return v;
}

// Small Python-like functions with a learnable structure.
inline std::vector<std::string> synthetic_corpus(int n, int salt = 0) {
  static const char* ops[] = {"+", "-", "*", "//", "%"};
  static const char* names[] = {"total", "count", "value", "index", "item"};
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    const int k = i * 7 + salt;
    std::string a = names[k % 5], b = names[(k / 5) % 5];
    out.push_back("def f" + std::to_string(k % 50) + "(" + a + ", " + b + "):\n    return " + a + " " + ops[k % 5] +
                  " " + b + "\n");
  }
  return out;
}

}  // namespace codeloom::train::testing
