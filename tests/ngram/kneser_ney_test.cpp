// Kneser–Ney against a direct, map-based implementation of the same formulas,
// plus the properties that define it: distributions sum to 1, continuation
// counts beat raw frequency at lower orders, unseen contexts back off.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "codeloom/ngram/kneser_ney.h"

namespace codeloom::ngram {
namespace {

using Seq = std::vector<std::int32_t>;

// Interpolated modified KN written straight from Chen & Goodman, with maps.
class Reference {
 public:
  Reference(const std::vector<Seq>& seqs, int order, int vocab) : n_(order), v_(vocab), counts_(order + 1) {
    for (const Seq& s : seqs)
      for (std::size_t i = 0; i + n_ <= s.size(); ++i) counts_[n_][Seq(s.begin() + i, s.begin() + i + n_)]++;
    for (int k = n_ - 1; k >= 1; --k) {
      std::map<Seq, std::set<std::int32_t>> left;
      for (const auto& [g, c] : counts_[k + 1]) left[Seq(g.begin() + 1, g.end())].insert(g[0]);
      for (const auto& [g, l] : left) counts_[k][g] += static_cast<double>(l.size());
      for (const Seq& s : seqs)
        if (static_cast<int>(s.size()) >= k) counts_[k][Seq(s.begin(), s.begin() + k)] += 1;
    }
    d_.resize(n_ + 1);
    for (int k = 1; k <= n_; ++k) {
      double cc[5] = {0, 0, 0, 0, 0};
      for (const auto& [g, c] : counts_[k])
        if (c <= 4) cc[static_cast<int>(c)]++;
      // Same fallbacks as the implementation when a count of counts is 0.
      const double y = cc[1] > 0 ? cc[1] / (cc[1] + 2 * cc[2]) : 0.5;
      const auto d = [&](int c, double fallback) {
        if (cc[c] == 0 || cc[c + 1] == 0) return fallback;
        return std::clamp(c - (c + 1) * y * cc[c + 1] / cc[c], 0.0, static_cast<double>(c));
      };
      d_[k] = {0, d(1, 0.5), d(2, 1.0), d(3, 1.5)};
    }
  }
  double p(const Seq& ctx, std::int32_t w, int k) const {
    if (k == 0) return 1.0 / v_;
    Seq h(ctx.end() - (k - 1), ctx.end());
    double total = 0, n1 = 0, n2 = 0, n3 = 0, cw = 0;
    for (const auto& [g, c] : counts_[k]) {
      if (!std::equal(h.begin(), h.end(), g.begin())) continue;
      total += c;
      (c == 1 ? n1 : c == 2 ? n2 : n3) += 1;
      if (g.back() == w) cw = c;
    }
    if (total == 0) return p(ctx, w, k - 1);
    const auto& d = d_[k];
    const double dc = cw == 0 ? 0 : cw == 1 ? d[1] : cw == 2 ? d[2] : d[3];
    const double gamma = (d[1] * n1 + d[2] * n2 + d[3] * n3) / total;
    return std::max(cw - dc, 0.0) / total + gamma * p(ctx, w, k - 1);
  }
  double p(const Seq& ctx, std::int32_t w) const {
    int k = std::min<int>(n_, static_cast<int>(ctx.size()) + 1);
    // Use the longest context that was seen (an unseen one backs off fully).
    return p(ctx, w, k);
  }

 private:
  int n_, v_;
  std::vector<std::map<Seq, double>> counts_;
  std::vector<std::vector<double>> d_;
};

std::vector<Seq> random_corpus(int vocab, int n_seqs, std::uint32_t seed) {
  std::mt19937 rng(seed);
  // A skewed, structured source: tokens follow small patterns with noise.
  std::vector<Seq> seqs;
  for (int s = 0; s < n_seqs; ++s) {
    Seq x = {0};
    const int len = 5 + static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) {
      const std::int32_t prev = x.back();
      x.push_back(rng() % 4 == 0 ? static_cast<std::int32_t>(rng() % vocab) : (prev * 7 + 3) % vocab);
    }
    seqs.push_back(x);
  }
  return seqs;
}

TEST(KneserNey, MatchesAMapBasedReferenceImplementation) {
  const int vocab = 40;
  const auto corpus = random_corpus(vocab, 300, 7);
  for (int order : {1, 2, 3, 4}) {
    auto lm = KneserNey::train(corpus, vocab, {order});
    ASSERT_TRUE(lm) << lm.error().message;
    Reference ref(corpus, order, vocab);
    std::mt19937 rng(order);
    for (int trial = 0; trial < 25; ++trial) {
      Seq ctx = corpus[rng() % corpus.size()];
      ctx.resize(1 + rng() % ctx.size());
      if (trial % 5 == 0) ctx.push_back(static_cast<std::int32_t>(rng() % vocab));  // often unseen
      std::vector<float> p(vocab);
      lm->distribution(ctx, p);
      for (std::int32_t w = 0; w < vocab; ++w)
        ASSERT_NEAR(p[w], ref.p(ctx, w), 2e-6) << "order " << order << " trial " << trial << " w " << w;
    }
  }
}

TEST(KneserNey, DistributionsSumToOne) {
  const auto corpus = random_corpus(300, 500, 3);
  auto lm = KneserNey::train(corpus, 300, {4});
  ASSERT_TRUE(lm);
  for (const Seq& ctx : {Seq{}, Seq{0}, Seq{0, 3}, Seq{0, 3, 24}, Seq{299, 298, 297}, corpus[5]}) {
    std::vector<float> p(300);
    lm->distribution(ctx, p);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-5);
    EXPECT_GT(*std::min_element(p.begin(), p.end()), 0.0f);  // never zero: interpolation down to uniform
  }
}

TEST(KneserNey, ContinuationCountsBeatRawFrequency) {
  // "Francisco" (9) is frequent but only follows "San" (8); "glasses" (5) is
  // rarer but follows many words. As a unigram, KN prefers "glasses".
  std::vector<Seq> corpus;
  for (int i = 0; i < 50; ++i) corpus.push_back({8, 9});
  for (int w = 10; w < 30; ++w) corpus.push_back({w, 5});
  auto lm = KneserNey::train(corpus, 40, {2});
  ASSERT_TRUE(lm);
  EXPECT_GT(lm->prob({}, 5), lm->prob({}, 9));
  EXPECT_GT(lm->prob(Seq{8}, 9), 0.9);                 // ... but after "San", "Francisco"
  EXPECT_GT(lm->prob(Seq{31}, 5), lm->prob(Seq{31}, 9));  // unseen context backs off to continuation counts
}

TEST(KneserNey, StoresNgramsAndDiscounts) {
  auto lm = KneserNey::train({{1, 2, 3, 1, 2, 4}}, 5, {3});
  ASSERT_TRUE(lm);
  EXPECT_EQ(lm->ngram_count(3), 4u);  // 123 231 312 124
  EXPECT_GE(lm->discount(3, 1), 0.0);
  EXPECT_LE(lm->discount(3, 1), 1.0);
}

TEST(KneserNey, BadInputIsAnError) {
  EXPECT_FALSE(KneserNey::train({{1, 2}}, 5, {0}));
  EXPECT_FALSE(KneserNey::train({{1, 7}}, 5, {2}));
  EXPECT_FALSE(KneserNey::train({{-1}}, 5, {2}));
  auto big = KneserNey::train({{1}}, 1 << 20, {4});  // 4 x 20 bits > 64
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("bits"), std::string::npos);
}

}  // namespace
}  // namespace codeloom::ngram
