// Exact match and top-k accuracy, CodeXGLUE-style.
//
// Exact match follows CodeXGLUE's code-to-code evaluator: both strings are
// stripped (Python str.strip(): leading/trailing whitespace, incl. Unicode
// spaces) and compared byte for byte. Inner whitespace matters: "a  b" != "a b".
// (The text-to-code evaluator compares `split()` token lists instead; use
// ExactMatchOptions::compare_tokens for that variant.)
//
//   bool same = codeloom::eval::exact_match("x = 1\n", "x = 1");       // true
//   auto em = codeloom::eval::exact_match_rate(preds, refs);           // Result<double> in [0, 1]
//   auto acc = codeloom::eval::top_k_accuracy(candidates, refs, 5);    // reference among top 5
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::eval {

struct ExactMatchOptions {
  bool compare_tokens = false;  // true: pred.split() == ref.split() (text-to-code evaluator)
};

bool exact_match(std::string_view prediction, std::string_view reference,
                 const ExactMatchOptions& options = {});

// Fraction of pairs that match. kInvalidArgument on size mismatch or no pairs.
Result<double> exact_match_rate(std::span<const std::string> predictions,
                                std::span<const std::string> references,
                                const ExactMatchOptions& options = {});

// Fraction of items whose reference exactly matches (as above) one of its first
// k candidates (candidates are ranked best first; fewer than k is fine).
// kInvalidArgument on size mismatch, no items, or k == 0.
Result<double> top_k_accuracy(std::span<const std::vector<std::string>> candidates,
                              std::span<const std::string> references, std::size_t k,
                              const ExactMatchOptions& options = {});

}  // namespace codeloom::eval
