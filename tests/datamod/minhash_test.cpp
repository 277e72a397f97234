// MinHash and LSH parameters against datasketch's own outputs
// (tests/data/pipeline/datasketch_golden.json, bench/reference/datasketch_golden.py).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "codeloom/data/minhash.h"
#include "codeloom/data/shingles.h"

namespace codeloom::data {
namespace {

nlohmann::json golden() {
  std::ifstream in(std::string(CODELOOM_TEST_DATA_DIR) + "/pipeline/datasketch_golden.json");
  return nlohmann::json::parse(in);
}

TEST(MinHash, MatchesDatasketchGivenItsPermutations) {
  const auto g = golden();
  MinHasher hasher(g["a"].get<std::vector<std::uint64_t>>(), g["b"].get<std::vector<std::uint64_t>>());
  ASSERT_EQ(hasher.num_perm(), 16u);
  for (const auto& c : g["minhash"]) {
    const auto shingles = c["shingles"].get<std::vector<std::uint32_t>>();
    EXPECT_EQ(hasher.signature(shingles), c["hashvalues"].get<std::vector<std::uint32_t>>())
        << shingles.size() << " shingles";
  }
}

TEST(MinHash, OptimalParamsMatchDatasketch) {
  const auto g = golden();  // a range-for over golden()[...] would dangle
  for (const auto& c : g["lsh_params"]) {
    const auto p = optimal_lsh_params(c["threshold"].get<double>(), c["num_perm"].get<std::size_t>());
    EXPECT_EQ(p.bands, c["bands"].get<std::size_t>()) << c.dump();
    EXPECT_EQ(p.rows, c["rows"].get<std::size_t>()) << c.dump();
  }
}

TEST(MinHash, EstimateTracksExactJaccard) {
  std::mt19937 rng(42);
  MinHasher hasher({.num_perm = 256, .seed = 3});
  for (double target : {0.2, 0.5, 0.85, 0.95}) {
    std::vector<std::uint32_t> a, b;
    for (std::uint32_t i = 0; i < 2000; ++i) {
      const std::uint32_t h = rng();
      if (std::uniform_real_distribution<>(0, 1)(rng) < target) { a.push_back(h); b.push_back(h); }
      else if (rng() & 1) a.push_back(h);
      else b.push_back(h);
    }
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    const double exact = exact_jaccard(a, b);
    // 256 permutations: standard error <= sqrt(0.25 / 256) ~ 0.031; allow ~3.5 sigma.
    EXPECT_NEAR(estimate_jaccard(hasher.signature(a), hasher.signature(b)), exact, 0.11) << target;
  }
}

TEST(MinHash, DeterministicAndSeedDependent) {
  const std::vector<std::uint32_t> s = {1, 2, 3, 99, 12345};
  EXPECT_EQ(MinHasher({.seed = 1}).signature(s), MinHasher({.seed = 1}).signature(s));
  EXPECT_NE(MinHasher({.seed = 1}).signature(s), MinHasher({.seed = 2}).signature(s));
  const auto empty = MinHasher({.num_perm = 4}).signature({});
  EXPECT_EQ(empty, std::vector<std::uint32_t>(4, 0xFFFFFFFFu));
}

TEST(Lsh, CandidatesShareABand) {
  // 3 signatures of 4 values, 2 bands of 2 rows: 0 and 1 share band 0; 2 shares nothing.
  const std::vector<std::vector<std::uint32_t>> sigs = {{1, 2, 3, 4}, {1, 2, 9, 9}, {5, 6, 7, 8}};
  const auto pairs = lsh_candidate_pairs(sigs, {.bands = 2, .rows = 2});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0], (std::pair<std::uint32_t, std::uint32_t>{0, 1}));
  // Rows beyond bands * rows are ignored: 1 band of 2 rows.
  EXPECT_EQ(lsh_candidate_pairs(sigs, {.bands = 1, .rows = 2}).size(), 1u);
  EXPECT_TRUE(lsh_candidate_pairs(sigs, {.bands = 1, .rows = 3}).empty());
  // Malformed parameters: no candidates, no out-of-bounds read.
  EXPECT_TRUE(lsh_candidate_pairs(sigs, {.bands = 3, .rows = 2}).empty());
  EXPECT_TRUE(lsh_candidate_pairs(sigs, {.bands = 2, .rows = 0}).empty());
}

TEST(Shingles, IdentifierNormalizationCatchesRenames) {
  auto a = shingles_from_text("def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
                              lang::Language::kPython);
  auto b = shingles_from_text("def f(vals):\n    acc = 0\n    for v in vals:\n        acc += v\n    return acc\n",
                              lang::Language::kPython);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  auto ra = shingles_from_text("def f(xs):\n    total = 0\n    return total\n", lang::Language::kPython,
                               {.normalize_identifiers = false});
  auto rb = shingles_from_text("def f(vals):\n    acc = 0\n    return acc\n", lang::Language::kPython,
                               {.normalize_identifiers = false});
  ASSERT_TRUE(ra && rb);
  EXPECT_LT(exact_jaccard(*ra, *rb), 0.5);
  // Comments do not count.
  auto c = shingles_from_text("def f(xs):  # sum\n    total = 0\n    for x in xs:\n        total += x\n"
                              "    return total\n", lang::Language::kPython);
  ASSERT_TRUE(c);
  EXPECT_EQ(*a, *c);
}

}  // namespace
}  // namespace codeloom::data
