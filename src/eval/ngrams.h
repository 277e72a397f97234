// N-gram counting over interned tokens, shared by BLEU and CodeBLEU.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace codeloom::eval::detail {

// Maps token strings to dense ids so n-grams hash as small integer tuples.
class Interner {
 public:
  std::uint32_t id(const std::string& token) {
    auto [it, inserted] = ids_.try_emplace(token, static_cast<std::uint32_t>(ids_.size()));
    return it->second;
  }
  std::vector<std::uint32_t> ids(const std::vector<std::string>& tokens) {
    std::vector<std::uint32_t> out;
    out.reserve(tokens.size());
    for (const auto& t : tokens) out.push_back(id(t));
    return out;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

// An n-gram of order 1..4; unused slots hold a sentinel so orders never collide.
struct Ngram {
  std::array<std::uint32_t, 4> t{~0u, ~0u, ~0u, ~0u};
  friend bool operator==(const Ngram&, const Ngram&) = default;
};

struct NgramHash {
  std::size_t operator()(const Ngram& g) const {
    std::uint64_t h = 1469598103934665603ull;
    for (std::uint32_t v : g.t) h = (h ^ v) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

using NgramCounts = std::unordered_map<Ngram, long long, NgramHash>;

// Counts of all n-grams of exactly `order` (1..4) in `seq`.
inline NgramCounts count_ngrams(const std::vector<std::uint32_t>& seq, int order) {
  NgramCounts counts;
  if (static_cast<int>(seq.size()) < order) return counts;
  counts.reserve(seq.size());
  for (std::size_t i = 0; i + order <= seq.size(); ++i) {
    Ngram g;
    for (int k = 0; k < order; ++k) g.t[k] = seq[i + k];
    ++counts[g];
  }
  return counts;
}

}  // namespace codeloom::eval::detail
