// MinHash signatures and LSH banding (the algorithm of datasketch's MinHash and
// MinHashLSH, bit-compatible when given the same permutations).
//
//   MinHasher hasher({.num_perm = 128, .seed = 1});
//   std::vector<std::uint32_t> sig = hasher.signature(shingles);
//   double j = estimate_jaccard(sig_a, sig_b);
//   LshParams p = optimal_lsh_params(0.85, 128);          // b bands of r rows
//   auto pairs = lsh_candidate_pairs(signatures, p);       // sorted (i < j) pairs
//
// Hash family (docs/data.md): shingle hashes h are 32-bit; permutation i maps
//   h -> ((a_i * h + b_i) mod 2^64) mod (2^61 - 1), keeping the low 32 bits,
// with a_i in [1, p), b_i in [0, p) drawn from splitmix64(seed). The mod 2^64 is
// datasketch's numpy uint64 wrap-around, reproduced on purpose for parity.
// The signature value of an empty set is 2^32 - 1 in every slot.
// MinHasher is immutable after construction: thread-safe for concurrent use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace codeloom::data {

struct MinHashOptions {
  std::size_t num_perm = 128;
  std::uint64_t seed = 1;
};

class MinHasher {
 public:
  explicit MinHasher(const MinHashOptions& options = {});
  // Explicit permutations (e.g. datasketch's, for parity tests); a.size() == b.size().
  MinHasher(std::vector<std::uint64_t> a, std::vector<std::uint64_t> b);

  std::size_t num_perm() const { return a_.size(); }
  std::span<const std::uint64_t> a() const { return a_; }
  std::span<const std::uint64_t> b() const { return b_; }

  std::vector<std::uint32_t> signature(std::span<const std::uint32_t> shingles) const;
  // Writes num_perm() values to `out` (no allocation).
  void signature_into(std::span<const std::uint32_t> shingles, std::span<std::uint32_t> out) const;

 private:
  std::vector<std::uint64_t> a_, b_;
};

// Fraction of equal slots (0 for empty or mismatched signatures).
double estimate_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

struct LshParams {
  std::size_t bands = 0;  // b
  std::size_t rows = 0;   // r; b * r <= num_perm, the first b*r slots are used
};

// datasketch's _optimal_param: the (b, r) with b * r <= num_perm minimizing
//   fp_weight * integral_0^t P(s) ds + fn_weight * integral_t^1 (1 - P(s)) ds,
// with P(s) = 1 - (1 - s^r)^b the chance two sets of Jaccard s share a bucket.
LshParams optimal_lsh_params(double threshold, std::size_t num_perm, double fp_weight = 0.5,
                             double fn_weight = 0.5);

// Pairs (i, j), i < j, whose signatures agree on all rows of at least one band;
// sorted, unique. Band keys are the xxh64 of the band's values (a 64-bit collision
// could add a spurious candidate; verification removes it). Empty when rows == 0
// or a signature is shorter than bands * rows.
std::vector<std::pair<std::uint32_t, std::uint32_t>> lsh_candidate_pairs(
    std::span<const std::vector<std::uint32_t>> signatures, const LshParams& params);

}  // namespace codeloom::data
