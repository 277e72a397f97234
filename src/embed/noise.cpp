#include "noise.h"

#include <algorithm>
#include <cmath>

namespace codeloom::embed::detail {

AliasTable build_alias_table(const std::vector<std::uint64_t>& counts, double power) {
  const std::size_t n = counts.size();
  AliasTable t;
  t.prob.assign(n, 0xFFFFFFFFu);
  t.alias.resize(n);
  if (n == 0) return t;
  std::vector<double> p(n);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += (p[i] = std::pow(static_cast<double>(counts[i]), power));
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    p[i] = p[i] * static_cast<double>(n) / sum;  // mean 1
    t.alias[i] = static_cast<std::uint32_t>(i);
    (p[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  // Vose's method: pair each under-full column with an over-full donor.
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    t.prob[s] = static_cast<std::uint32_t>(std::min(p[s] * 4294967296.0, 4294967295.0));
    t.alias[s] = l;
    p[l] -= 1.0 - p[s];
    if (p[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Leftovers are full columns up to rounding: always keep.
  for (std::uint32_t i : small) t.prob[i] = 0xFFFFFFFFu;
  for (std::uint32_t i : large) t.prob[i] = 0xFFFFFFFFu;
  return t;
}

std::vector<double> alias_probabilities(const AliasTable& table) {
  const std::size_t n = table.prob.size();
  std::vector<double> p(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    // 0xFFFFFFFF stands for "always" (the draw's coin is < 2^32 - 1 except once in 2^32).
    const double keep = table.prob[i] == 0xFFFFFFFFu ? 1.0 : table.prob[i] / 4294967296.0;
    p[i] += keep / static_cast<double>(n);
    p[table.alias[i]] += (1.0 - keep) / static_cast<double>(n);
  }
  return p;
}

}  // namespace codeloom::embed::detail
