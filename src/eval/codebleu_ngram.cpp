#include "codebleu_ngram.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "ngrams.h"

namespace codeloom::eval::detail {
namespace {

constexpr int kOrders = 4;

// NLTK's closest_ref_length: min by (|len - hyp_len|, len).
std::size_t closest_length(const std::vector<std::size_t>& lens, std::size_t hyp_len) {
  std::size_t best = lens.front();
  auto key = [&](std::size_t l) {
    return std::make_pair(l > hyp_len ? l - hyp_len : hyp_len - l, l);
  };
  for (std::size_t l : lens)
    if (key(l) < key(best)) best = l;
  return best;
}

double brevity_penalty(double ref_len, double hyp_len) {
  if (hyp_len > ref_len) return 1.0;
  if (hyp_len == 0) return 0.0;
  return std::exp(1.0 - ref_len / hyp_len);
}

double finish(const double (&num)[kOrders], const double (&den)[kOrders], double bp) {
  if (num[0] == 0) return 0.0;
  double s = 0.0;
  for (int i = 0; i < kOrders; ++i) {
    double n = num[i] == 0 ? num[i] + 0.1 : num[i];  // SmoothingFunction().method1
    s += 0.25 * std::log(n / den[i]);
  }
  return bp * std::exp(s);
}

}  // namespace

double nltk_corpus_bleu(const std::vector<std::vector<Tokens>>& references,
                        const std::vector<Tokens>& hypotheses) {
  double num[kOrders] = {0, 0, 0, 0}, den[kOrders] = {0, 0, 0, 0};
  std::size_t hyp_total = 0, ref_total = 0;
  Interner interner;
  for (std::size_t s = 0; s < hypotheses.size(); ++s) {
    std::vector<std::uint32_t> hyp = interner.ids(hypotheses[s]);
    std::vector<std::vector<std::uint32_t>> refs;
    std::vector<std::size_t> lens;
    for (const Tokens& r : references[s]) {
      refs.push_back(interner.ids(r));
      lens.push_back(r.size());
    }
    for (int n = 1; n <= kOrders; ++n) {
      NgramCounts counts = count_ngrams(hyp, n);
      std::vector<NgramCounts> ref_counts;
      for (const auto& r : refs) ref_counts.push_back(count_ngrams(r, n));
      long long clipped = 0, total = 0;
      for (const auto& [g, c] : counts) {
        long long max_ref = 0;  // max count over references
        for (const auto& rc : ref_counts) {
          auto it = rc.find(g);
          if (it != rc.end()) max_ref = std::max(max_ref, it->second);
        }
        clipped += std::min(c, max_ref);
        total += c;
      }
      num[n - 1] += static_cast<double>(clipped);
      den[n - 1] += static_cast<double>(std::max<long long>(1, total));
    }
    hyp_total += hyp.size();
    if (!lens.empty()) ref_total += closest_length(lens, hyp.size());
  }
  return finish(num, den, brevity_penalty(static_cast<double>(ref_total), static_cast<double>(hyp_total)));
}

double weighted_corpus_bleu(const std::vector<std::vector<Tokens>>& references,
                            const std::vector<Tokens>& hypotheses,
                            const std::unordered_set<std::string>& keywords,
                            const WeightedBleuOptions& options) {
  double num[kOrders] = {0, 0, 0, 0}, den[kOrders] = {0, 0, 0, 0};
  std::size_t hyp_total = 0, ref_total = 0;
  Interner interner;
  std::vector<double> weight_of_id;  // by interned id
  auto ids = [&](const Tokens& t) {
    std::vector<std::uint32_t> out = interner.ids(t);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] >= weight_of_id.size()) weight_of_id.resize(out[i] + 1, -1.0);
      if (weight_of_id[out[i]] < 0)
        weight_of_id[out[i]] = keywords.count(t[i]) ? options.keyword_weight : options.other_weight;
    }
    return out;
  };
  for (std::size_t s = 0; s < hypotheses.size(); ++s) {
    std::vector<std::uint32_t> hyp = ids(hypotheses[s]);
    std::vector<std::size_t> lens;
    for (const Tokens& r : references[s]) {
      std::vector<std::uint32_t> ref = ids(r);
      lens.push_back(options.reference_length_quirk ? 2 : r.size());
      for (int n = 1; n <= kOrders; ++n) {
        NgramCounts counts = count_ngrams(hyp, n);
        NgramCounts rc = count_ngrams(ref, n);
        double clipped = 0, total = 0;
        for (const auto& [g, c] : rc) {
          auto it = counts.find(g);
          long long m = std::min(c, it == counts.end() ? 0LL : it->second);
          // Unigrams weigh by token: every reference token has a weight entry.
          double w = n == 1 ? weight_of_id[g.t[0]] : 1.0;
          clipped += static_cast<double>(m) * w;
          total += static_cast<double>(c) * w;
        }
        num[n - 1] += clipped;
        den[n - 1] += std::max(1.0, total);
      }
    }
    hyp_total += hyp.size();
    if (!lens.empty()) ref_total += closest_length(lens, hyp.size());
  }
  return finish(num, den, brevity_penalty(static_cast<double>(ref_total), static_cast<double>(hyp_total)));
}

}  // namespace codeloom::eval::detail
