#include "codeloom/eval/pass_at_k.h"

#include <string>

namespace codeloom::eval {

Result<double> pass_at_k(std::int64_t n, std::int64_t c, std::int64_t k) {
  if (n < 1 || c < 0 || c > n || k < 1 || k > n)
    return make_error(ErrorCode::kInvalidArgument,
                      "pass_at_k: need 0 <= c <= n and 1 <= k <= n (n=" + std::to_string(n) +
                          ", c=" + std::to_string(c) + ", k=" + std::to_string(k) + ")");
  if (n - c < k) return 1.0;
  // Same operation order as numpy: 1 - k / arange(n-c+1, n+1), multiplied left to right.
  double prod = 1.0;
  const double kd = static_cast<double>(k);
  for (std::int64_t i = n - c + 1; i <= n; ++i) prod *= 1.0 - kd / static_cast<double>(i);
  return 1.0 - prod;
}

Result<double> mean_pass_at_k(std::span<const std::int64_t> n, std::span<const std::int64_t> c,
                              std::int64_t k) {
  if (n.size() != c.size() || n.empty())
    return make_error(ErrorCode::kInvalidArgument,
                      "mean_pass_at_k: need the same non-zero number of n and c values");
  double sum = 0;
  for (std::size_t i = 0; i < n.size(); ++i) {
    auto p = pass_at_k(n[i], c[i], k);
    if (!p) return p.error();
    sum += *p;
  }
  return sum / static_cast<double>(n.size());
}

}  // namespace codeloom::eval
