// LSH banding: parameter choice (datasketch's _optimal_param) and candidate pairs.
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "codeloom/data/minhash.h"

namespace codeloom::data {
namespace {

// Composite Simpson's rule; the integrands are smooth polynomials in s, so 1000
// intervals agree with scipy's quad far below the differences between (b, r) choices.
template <typename F>
double integrate(F f, double lo, double hi) {
  constexpr int kN = 1000;
  const double h = (hi - lo) / kN;
  double sum = f(lo) + f(hi);
  for (int i = 1; i < kN; ++i) sum += f(lo + i * h) * (i % 2 ? 4.0 : 2.0);
  return sum * h / 3.0;
}

}  // namespace

LshParams optimal_lsh_params(double threshold, std::size_t num_perm, double fp_weight, double fn_weight) {
  LshParams best{1, std::max<std::size_t>(1, num_perm)};
  double min_error = std::numeric_limits<double>::infinity();
  for (std::size_t b = 1; b <= num_perm; ++b) {
    for (std::size_t r = 1; r <= num_perm / b; ++r) {
      const double bd = static_cast<double>(b), rd = static_cast<double>(r);
      auto p = [&](double s) { return 1.0 - std::pow(1.0 - std::pow(s, rd), bd); };
      const double fp = integrate(p, 0.0, threshold);
      const double fn = integrate([&](double s) { return 1.0 - p(s); }, threshold, 1.0);
      const double error = fp * fp_weight + fn * fn_weight;
      if (error < min_error) {
        min_error = error;
        best = {b, r};
      }
    }
  }
  return best;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> lsh_candidate_pairs(
    std::span<const std::vector<std::uint32_t>> signatures, const LshParams& params) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  const std::size_t n = signatures.size();
  // Malformed input gives no candidates rather than reading past a signature.
  const std::size_t need = params.bands * params.rows;
  if (params.rows == 0) return pairs;
  for (const auto& sig : signatures)
    if (sig.size() < need) return pairs;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(n);
  for (std::size_t band = 0; band < params.bands; ++band) {
    const std::size_t off = band * params.rows;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& sig = signatures[i];
      keys[i] = {XXH64(sig.data() + off, params.rows * sizeof(std::uint32_t), band),
                 static_cast<std::uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < n;) {
      std::size_t j = i + 1;
      while (j < n && keys[j].first == keys[i].first) ++j;
      for (std::size_t x = i; x < j; ++x)
        for (std::size_t y = x + 1; y < j; ++y) pairs.emplace_back(keys[x].second, keys[y].second);
      i = j;
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

}  // namespace codeloom::data
