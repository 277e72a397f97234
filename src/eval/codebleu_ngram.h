// CodeBLEU's first two components: NLTK-style corpus BLEU (codebleu/bleu.py) and
// the keyword-weighted variant (codebleu/weighted_ngram_match.py).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

namespace codeloom::eval::detail {

using Tokens = std::vector<std::string>;

// NLTK corpus_bleu, weights 0.25 x4, smoothing method1 (epsilon 0.1 on zero
// numerators), closest reference length, 0 when no unigram matches.
double nltk_corpus_bleu(const std::vector<std::vector<Tokens>>& references,
                        const std::vector<Tokens>& hypotheses);

struct WeightedBleuOptions {
  double keyword_weight = 1.0;
  double other_weight = 0.2;
  // codebleu 0.7.0 measures the reference length of a [tokens, weights] pair,
  // i.e. always 2, so the brevity penalty is practically never applied.
  bool reference_length_quirk = true;
};

// Unigram matches count with the weight of the token (keyword or other), clipped
// against the reference ("modified recall"); higher orders count 1 each.
double weighted_corpus_bleu(const std::vector<std::vector<Tokens>>& references,
                            const std::vector<Tokens>& hypotheses,
                            const std::unordered_set<std::string>& keywords,
                            const WeightedBleuOptions& options = {});

}  // namespace codeloom::eval::detail
