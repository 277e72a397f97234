// CodeXGLUE BLEU; see include/codeloom/eval/bleu.h for the exact definition.
#include "codeloom/eval/bleu.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "codeloom/common/text.h"
#include "ngrams.h"
#include "py_text.h"

namespace codeloom::eval {

Result<BleuResult> codexglue_bleu(std::span<const std::vector<std::string>> references,
                                  std::span<const std::string> hypotheses,
                                  const BleuOptions& options) {
  if (references.size() != hypotheses.size())
    return make_error(ErrorCode::kInvalidArgument,
                      "bleu: " + std::to_string(references.size()) + " references but " +
                          std::to_string(hypotheses.size()) + " hypotheses");
  if (options.max_order < 1 || options.max_order > 4)
    return make_error(ErrorCode::kInvalidArgument, "bleu: max_order must be in 1..4");
  const int max_order = options.max_order;
  std::vector<long long> matches(max_order, 0), possible(max_order, 0);
  std::size_t ref_len = 0, hyp_len = 0;
  detail::Interner interner;
  for (std::size_t s = 0; s < hypotheses.size(); ++s) {
    if (references[s].empty())
      return make_error(ErrorCode::kInvalidArgument,
                        "bleu: segment " + std::to_string(s) + " has no reference");
    std::vector<std::vector<std::uint32_t>> refs;
    std::size_t shortest = SIZE_MAX;
    for (const std::string& r : references[s]) {
      refs.push_back(interner.ids(detail::py_split(detail::py_strip(r))));
      shortest = std::min(shortest, refs.back().size());
    }
    std::vector<std::uint32_t> hyp = interner.ids(detail::py_split(detail::py_strip(hypotheses[s])));
    ref_len += shortest;
    hyp_len += hyp.size();
    for (int order = 1; order <= max_order; ++order) {
      // Counter union over references = element-wise max of counts.
      detail::NgramCounts merged;
      for (const auto& r : refs)
        for (const auto& [g, n] : detail::count_ngrams(r, order)) merged[g] = std::max(merged[g], n);
      for (const auto& [g, n] : detail::count_ngrams(hyp, order)) {
        auto it = merged.find(g);
        if (it != merged.end()) matches[order - 1] += std::min(n, it->second);
      }
      long long p = static_cast<long long>(hyp.size()) - order + 1;
      if (p > 0) possible[order - 1] += p;
    }
  }
  if (ref_len == 0 || hyp_len == 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "bleu: empty references or hypotheses (no tokens); the score is undefined");
  BleuResult out;
  out.precisions.resize(max_order);
  for (int i = 0; i < max_order; ++i) {
    if (options.smooth)
      out.precisions[i] = (static_cast<double>(matches[i]) + 1.0) / (static_cast<double>(possible[i]) + 1.0);
    else
      out.precisions[i] = possible[i] > 0 ? static_cast<double>(matches[i]) / static_cast<double>(possible[i]) : 0.0;
  }
  double geo_mean = 0.0;
  if (*std::min_element(out.precisions.begin(), out.precisions.end()) > 0) {
    double log_sum = 0.0;  // summed in order, like Python's sum()
    for (double p : out.precisions) log_sum += (1.0 / max_order) * std::log(p);
    geo_mean = std::exp(log_sum);
  }
  out.translation_length = hyp_len;
  out.reference_length = ref_len;
  out.ratio = static_cast<double>(hyp_len) / static_cast<double>(ref_len);
  out.brevity_penalty = out.ratio > 1.0 ? 1.0 : std::exp(1.0 - 1.0 / out.ratio);
  out.bleu = geo_mean * out.brevity_penalty;
  return out;
}

Result<BleuResult> codexglue_bleu(std::span<const std::string> references,
                                  std::span<const std::string> hypotheses,
                                  const BleuOptions& options) {
  std::vector<std::vector<std::string>> refs;
  refs.reserve(references.size());
  for (const auto& r : references) refs.push_back({r});
  return codexglue_bleu(std::span<const std::vector<std::string>>(refs), hypotheses, options);
}

double codexglue_bleu_x100(const BleuResult& result) {
  // printf rounds the exact binary value half-to-even, as Python's round() does.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", 100.0 * result.bleu);
  return std::strtod(buf, nullptr);
}

Result<BleuResult> codexglue_bleu_files(const std::string& reference_path,
                                        const std::string& hypothesis_path,
                                        const BleuOptions& options) {
  auto ref_text = read_text_file(reference_path);
  if (!ref_text) return ref_text.error();
  auto hyp_text = read_text_file(hypothesis_path);
  if (!hyp_text) return hyp_text.error();
  std::vector<std::string> refs = detail::py_readlines(*ref_text);
  std::vector<std::string> hyps = detail::py_readlines(*hyp_text);
  // compute_bleu zips the two lists: extra lines in the longer file are ignored.
  std::size_t n = std::min(refs.size(), hyps.size());
  refs.resize(n);
  hyps.resize(n);
  return codexglue_bleu(std::span<const std::string>(refs), std::span<const std::string>(hyps), options);
}

}  // namespace codeloom::eval
