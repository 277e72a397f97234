// MinHash permutations, datasketch-compatible (see minhash.h for the hash family).
#include "codeloom/data/minhash.h"

#include <algorithm>
#include <utility>

namespace codeloom::data {
namespace {

constexpr std::uint64_t kMersenne61 = (std::uint64_t{1} << 61) - 1;
constexpr std::uint32_t kMaxHash = 0xFFFFFFFFu;

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

MinHasher::MinHasher(const MinHashOptions& options) {
  std::uint64_t state = options.seed;
  a_.resize(options.num_perm);
  b_.resize(options.num_perm);
  // Like datasketch: a in [1, p), b in [0, p). The modulo bias (2^64 vs 2^61) is negligible.
  for (std::size_t i = 0; i < options.num_perm; ++i) a_[i] = 1 + splitmix64(state) % (kMersenne61 - 1);
  for (std::size_t i = 0; i < options.num_perm; ++i) b_[i] = splitmix64(state) % kMersenne61;
}

MinHasher::MinHasher(std::vector<std::uint64_t> a, std::vector<std::uint64_t> b)
    : a_(std::move(a)), b_(std::move(b)) {
  b_.resize(a_.size());
}

std::vector<std::uint32_t> MinHasher::signature(std::span<const std::uint32_t> shingles) const {
  std::vector<std::uint32_t> out(num_perm());
  signature_into(shingles, out);
  return out;
}

void MinHasher::signature_into(std::span<const std::uint32_t> shingles, std::span<std::uint32_t> out) const {
  const std::size_t n = std::min(out.size(), num_perm());
  std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n), kMaxHash);
  const std::uint64_t* a = a_.data();
  const std::uint64_t* b = b_.data();
  std::uint32_t* o = out.data();
  for (std::uint32_t h : shingles) {
    const std::uint64_t hv = h;
    for (std::size_t i = 0; i < n; ++i) {
      // Unsigned wrap-around here is the mod 2^64 datasketch gets from numpy.
      const std::uint64_t x = a[i] * hv + b[i];
      // x mod (2^61 - 1) without division: fold the high bits twice.
      std::uint64_t m = (x & kMersenne61) + (x >> 61);
      m = m >= kMersenne61 ? m - kMersenne61 : m;
      const std::uint32_t v = static_cast<std::uint32_t>(m);
      o[i] = v < o[i] ? v : o[i];
    }
  }
}

double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  if (a.empty() || a.size() != b.size()) return 0.0;
  std::size_t eq = 0;
  for (std::size_t i = 0; i < a.size(); ++i) eq += a[i] == b[i];
  return static_cast<double>(eq) / static_cast<double>(a.size());
}

}  // namespace codeloom::data
