// Noise distribution (unigram^0.75 alias table) and subsampling probability.
#include <gtest/gtest.h>

#include <cmath>

#include "codeloom/embed/train.h"
#include "embed_test_util.h"
#include "noise.h"
#include "sgns.h"

namespace codeloom::embed {
namespace {

TEST(EmbedNoise, AliasTableEncodesUnigramToThePower075) {
  const std::vector<std::uint64_t> counts = {100000, 5000, 5000, 300, 20, 7, 5, 1, 1, 1};
  const auto table = detail::build_alias_table(counts, 0.75);
  const auto p = detail::alias_probabilities(table);
  double z = 0;
  for (auto c : counts) z += std::pow(static_cast<double>(c), 0.75);
  for (std::size_t i = 0; i < counts.size(); ++i)
    EXPECT_NEAR(p[i], std::pow(static_cast<double>(counts[i]), 0.75) / z, 1e-8) << i;
}

TEST(EmbedNoise, SamplingMatchesTheDistribution) {
  const std::vector<std::uint64_t> counts = {1000, 400, 100, 10, 1};
  const auto table = detail::build_alias_table(counts, 0.75);
  detail::Rng rng(7);
  std::vector<double> hits(counts.size(), 0);
  const int n = 2000000;
  for (int i = 0; i < n; ++i) {
    // The same draw the training loop makes.
    const std::uint64_t r = rng.next();
    std::uint32_t t = detail::Rng::below(r, static_cast<std::uint32_t>(counts.size()));
    if (static_cast<std::uint32_t>(r) >= table.prob[t]) t = table.alias[t];
    ++hits[t];
  }
  double z = 0;
  for (auto c : counts) z += std::pow(static_cast<double>(c), 0.75);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double p = std::pow(static_cast<double>(counts[i]), 0.75) / z;
    const double sigma = std::sqrt(p * (1 - p) / n);
    EXPECT_NEAR(hits[i] / n, p, 5 * sigma) << i;
  }
}

TEST(EmbedNoise, SubsamplingFormulaIsWord2vecs) {
  // threshold = sample * total = 1000: p = (sqrt(c/1000) + 1) * 1000 / c, capped at 1.
  EXPECT_DOUBLE_EQ(keep_probability(1000, 1000000, 1e-3), 1.0);
  EXPECT_NEAR(keep_probability(10000, 1000000, 1e-3), (std::sqrt(10.0) + 1) * 0.1, 1e-12);
  EXPECT_NEAR(keep_probability(100000, 1000000, 1e-3), 0.11, 1e-12);
  EXPECT_DOUBLE_EQ(keep_probability(100000, 1000000, 0.0), 1.0);  // sample 0 = off
}

TEST(EmbedNoise, TrainingKeepsTheExpectedShareOfTokens) {
  // One very frequent token: the number of tokens kept must match sum(count * p).
  CorpusBuilder b;
  std::vector<std::string> toks;
  for (int s = 0; s < 400; ++s) {
    toks.clear();
    for (int i = 0; i < 100; ++i) toks.push_back(i % 2 ? "x" : "t" + std::to_string((s * 7 + i) % 50));
    std::vector<std::string_view> v(toks.begin(), toks.end());
    b.add_sequence(v);
  }
  Corpus c = std::move(b).finish({.min_count = 1});
  TrainOptions o;
  o.dim = 8;
  o.epochs = 1;
  o.sample = 1e-2;
  TrainStats stats;
  auto e = train(c, o, {}, &stats);
  ASSERT_TRUE(e) << e.error().message;
  double expected = 0, variance = 0;
  for (std::uint32_t i = 0; i < c.vocab.size(); ++i) {
    const double p = keep_probability(c.vocab.count(i), c.vocab.total_count(), o.sample);
    expected += c.vocab.count(i) * p;
    variance += c.vocab.count(i) * p * (1 - p);
  }
  EXPECT_EQ(stats.words, 40000u);
  EXPECT_NEAR(static_cast<double>(stats.trained_words), expected, 5 * std::sqrt(variance) + 1);
  EXPECT_LT(stats.trained_words, 30000u);  // "x" (half the corpus) is mostly dropped
}

}  // namespace
}  // namespace codeloom::embed
