// CodeBLEU (Ren et al. 2020) for Python, Java and C++:
//   codebleu = a * ngram_match + b * weighted_ngram_match + c * syntax_match + d * dataflow_match
// with a = b = c = d = 0.25 by default.
//
// Two modes (docs/metrics.md has the details and the measured parity):
//  - kCodebleuCompat reproduces the PyPI package codebleu 0.7.0, quirks included:
//    whitespace tokens (`str.split()`), its keyword lists, a weighted-BLEU
//    reference length of 2, syntax match counting reference subtrees that occur
//    anywhere in the candidate (unclipped), comments/docstrings removed by its
//    tokenize/regex code, C++ data flow through its C# extractor, and a corpus
//    without reference data flow scoring dataflow_match = 0 but counting as 1 in
//    the weighted sum.
//  - kCorrected fixes what we consider bugs: tokens from the tree-sitter lexer
//    (so `f(x)` is 4 tokens), the grammar's keywords, the true reference length,
//    clipped subtree counts, comments removed via the syntax tree, and a missing
//    data-flow component dropped from the sum (remaining weights renormalized).
//
//   std::vector<std::string> refs = {"def f(a):\n    return a + 1\n"};
//   std::vector<std::string> hyps = {"def f(b):\n    return b + 1\n"};
//   auto r = codeloom::eval::calc_codebleu(refs, hyps, codeloom::lang::Language::kPython);
//   if (r) std::cout << r->codebleu << " syntax " << r->syntax_match;
//
// Pure functions (they parse with their own parsers); thread-safe.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"

namespace codeloom::eval {

enum class CodebleuMode { kCodebleuCompat, kCorrected };

struct CodebleuWeights {
  double ngram = 0.25;
  double weighted_ngram = 0.25;
  double syntax = 0.25;
  double dataflow = 0.25;
};

struct CodebleuOptions {
  CodebleuMode mode = CodebleuMode::kCodebleuCompat;
  CodebleuWeights weights;
};

struct CodebleuResult {
  double codebleu = 0.0;
  double ngram_match = 0.0;
  double weighted_ngram_match = 0.0;
  double syntax_match = 0.0;
  double dataflow_match = 0.0;     // 0 when no reference has data flow
  bool dataflow_available = true;  // false when no reference has data flow
};

// Corpus-level CodeBLEU; each prediction may have several references.
// Errors: kInvalidArgument (size mismatch, no pairs, a prediction without
// references, invalid UTF-8 / NUL bytes), kUnsupported (JavaScript: codebleu's
// JavaScript extractor is not ported).
Result<CodebleuResult> calc_codebleu(std::span<const std::vector<std::string>> references,
                                     std::span<const std::string> predictions,
                                     lang::Language language, const CodebleuOptions& options = {});
Result<CodebleuResult> calc_codebleu(std::span<const std::string> references,
                                     std::span<const std::string> predictions,
                                     lang::Language language, const CodebleuOptions& options = {});

}  // namespace codeloom::eval
