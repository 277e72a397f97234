// BLEU-4 exactly as CodeXGLUE's evaluator computes it (evaluator/bleu.py:
// `_bleu` -> `compute_bleu(..., max_order=4, smooth=True)`):
//  - each segment is `line.strip().split()` (Python whitespace, incl. Unicode spaces);
//  - corpus-level: clipped n-gram matches and possible matches are summed over
//    all segments before dividing;
//  - smoothing is add-one on every order: (matches + 1) / (possible + 1);
//  - brevity penalty against the SHORTEST reference of each segment:
//    bp = 1 if ratio > 1 else exp(1 - 1 / ratio), ratio = hyp_len / ref_len.
// `codexglue_bleu_x100` applies `_bleu`'s final round(100 * bleu, 2).
//
//   std::vector<std::string> refs = {"return a + b"}, hyps = {"return a - b"};
//   auto r = codeloom::eval::codexglue_bleu(refs, hyps);
//   if (r) std::cout << codeloom::eval::codexglue_bleu_x100(*r);   // 50.81
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::eval {

struct BleuOptions {
  int max_order = 4;   // 1..4
  bool smooth = true;  // CodeXGLUE passes smooth=True
};

struct BleuResult {
  double bleu = 0.0;               // in [0, 1]
  std::vector<double> precisions;  // per order, after smoothing
  double brevity_penalty = 0.0;
  double ratio = 0.0;              // translation_length / reference_length
  std::size_t translation_length = 0;
  std::size_t reference_length = 0;
};

// One or more references per hypothesis. Errors (kInvalidArgument): size
// mismatch, a segment without references, max_order outside 1..4, or empty
// references/hypotheses overall (the reference divides by zero there).
Result<BleuResult> codexglue_bleu(std::span<const std::vector<std::string>> references,
                                  std::span<const std::string> hypotheses,
                                  const BleuOptions& options = {});
// One reference per hypothesis.
Result<BleuResult> codexglue_bleu(std::span<const std::string> references,
                                  std::span<const std::string> hypotheses,
                                  const BleuOptions& options = {});

// round(100 * bleu, 2) with Python's round-half-even on the exact double value.
double codexglue_bleu_x100(const BleuResult& result);

// `_bleu(ref_file, trans_file)`: reads both files as text with universal
// newlines (one segment per line) and scores them. Returns the unrounded result;
// apply codexglue_bleu_x100 for the printed number.
Result<BleuResult> codexglue_bleu_files(const std::string& reference_path,
                                        const std::string& hypothesis_path,
                                        const BleuOptions& options = {});

}  // namespace codeloom::eval
