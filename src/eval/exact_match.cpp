#include "codeloom/eval/exact_match.h"

#include <algorithm>

#include "py_text.h"

namespace codeloom::eval {

bool exact_match(std::string_view prediction, std::string_view reference,
                 const ExactMatchOptions& options) {
  if (options.compare_tokens) return detail::py_split(prediction) == detail::py_split(reference);
  return detail::py_strip(prediction) == detail::py_strip(reference);
}

Result<double> exact_match_rate(std::span<const std::string> predictions,
                                std::span<const std::string> references,
                                const ExactMatchOptions& options) {
  if (predictions.size() != references.size() || predictions.empty())
    return make_error(ErrorCode::kInvalidArgument,
                      "exact_match_rate: need the same non-zero number of predictions (" +
                          std::to_string(predictions.size()) + ") and references (" +
                          std::to_string(references.size()) + ")");
  std::size_t hits = 0;
  for (std::size_t i = 0; i < predictions.size(); ++i)
    hits += exact_match(predictions[i], references[i], options) ? 1 : 0;
  return static_cast<double>(hits) / static_cast<double>(predictions.size());
}

Result<double> top_k_accuracy(std::span<const std::vector<std::string>> candidates,
                              std::span<const std::string> references, std::size_t k,
                              const ExactMatchOptions& options) {
  if (candidates.size() != references.size() || candidates.empty() || k == 0)
    return make_error(ErrorCode::kInvalidArgument,
                      "top_k_accuracy: need k >= 1 and the same non-zero number of candidate "
                      "lists and references");
  std::size_t hits = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::size_t n = std::min(k, candidates[i].size());
    for (std::size_t j = 0; j < n; ++j) {
      if (exact_match(candidates[i][j], references[i], options)) {
        ++hits;
        break;
      }
    }
  }
  return static_cast<double>(hits) / static_cast<double>(candidates.size());
}

}  // namespace codeloom::eval
