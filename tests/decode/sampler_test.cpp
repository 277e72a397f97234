// Sampler properties over real logits from a tiny model (random weights,
// real deepseek-coder tokenizer), raw and sharpened (x40) so both flat and
// peaked distributions are covered.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "codeloom/decode/sampler.h"
#include "codeloom/llm/session.h"
#include "prompt/test_models.h"

namespace codeloom::decode {
namespace {

std::vector<std::vector<float>> real_logits() {
  static std::vector<std::vector<float>> cached = [] {
    std::vector<std::vector<float>> out;
    auto m = testing::named_model("deepseek-coder", /*vocab_only=*/false);
    EXPECT_TRUE(m) << m.error().message;
    if (!m) return out;
    auto s = llm::Session::create(*m, {.n_ctx = 128, .n_threads = 2});
    EXPECT_TRUE(s) << s.error().message;
    if (!s) return out;
    for (const char* text : {"def add(a, b):\n    return", "int main() {", "// sort the list"}) {
      auto toks = (*m)->tokenize(text, true);
      auto st = (*s)->prefill(toks);
      EXPECT_TRUE(st) << st.error().message;
      if (!st) continue;
      std::vector<float> l((*s)->logits().begin(), (*s)->logits().end());
      std::vector<float> sharp = l;
      for (float& v : sharp) v *= 40.0f;
      out.push_back(std::move(l));
      out.push_back(std::move(sharp));
    }
    return out;
  }();
  return cached;
}

std::vector<double> probs(const std::vector<float>& l) {
  const float mx = *std::max_element(l.begin(), l.end());
  std::vector<double> p(l.size());
  double sum = 0;
  for (std::size_t i = 0; i < l.size(); ++i) sum += p[i] = std::exp(static_cast<double>(l[i]) - mx);
  for (double& v : p) v /= sum;
  return p;
}

TEST(Sampler, GreedyIsArgmaxAndTopK1IsGreedy) {
  const auto all = real_logits();
  ASSERT_FALSE(all.empty());
  for (const auto& l : all) {
    Sampler greedy({.temperature = 0.0f}, static_cast<int>(l.size()));
    Sampler k1({.temperature = 0.8f, .top_k = 1}, static_cast<int>(l.size()));
    const llm::Token best = argmax(l);
    EXPECT_EQ(l[static_cast<std::size_t>(best)], *std::max_element(l.begin(), l.end()));
    EXPECT_EQ(greedy.sample(l), best);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(k1.sample(l), best);
  }
}


TEST(Sampler, GreedySkipsBannedTokensAsLibllamasChainDoes) {
  // Greedy with banned tokens (ignore_eos) takes the argmax fast path; it must
  // pick what libllama's logit-bias chain picks (top_k = 1 goes through it).
  const auto all = real_logits();
  ASSERT_FALSE(all.empty());
  for (const auto& l : all) {
    std::vector<llm::Token> order(l.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](llm::Token a, llm::Token b) {
      return l[static_cast<std::size_t>(a)] > l[static_cast<std::size_t>(b)];
    });
    const int n = static_cast<int>(l.size());
    // Banned winner and runner-up: the third wins. A banned token that is not
    // the winner changes nothing.
    for (const std::vector<llm::Token>& banned :
         {std::vector<llm::Token>{order[0], order[1]}, std::vector<llm::Token>{order[5]}}) {
      Sampler greedy({.temperature = 0.0f, .banned = banned}, n);
      Sampler chain({.temperature = 0.8f, .top_k = 1, .banned = banned}, n);
      const llm::Token want = banned.size() == 2 ? order[2] : order[0];
      EXPECT_EQ(greedy.sample(l), want);
      EXPECT_EQ(chain.sample(l), want);
    }
  }
}
TEST(Sampler, FixedSeedReproducesAndOtherSeedsDiffer) {
  const auto l = real_logits().at(0);  // flat: many tokens are likely
  auto draw = [&](std::uint32_t seed) {
    Sampler s({.temperature = 1.0f, .top_k = 0, .top_p = 1.0f, .seed = seed}, static_cast<int>(l.size()));
    std::vector<llm::Token> out;
    for (int i = 0; i < 40; ++i) out.push_back(s.sample(l));
    return out;
  };
  EXPECT_EQ(draw(kDefaultSeed), draw(kDefaultSeed));
  EXPECT_EQ(draw(7), draw(7));
  EXPECT_NE(draw(kDefaultSeed), draw(7));
}

TEST(Sampler, TopKTopPMinPRestrictTheSupport) {
  for (const auto& l : real_logits()) {
    const int n = static_cast<int>(l.size());
    const auto p = probs(l);
    {
      Sampler s({.top_k = 40, .top_p = 1.0f}, n);
      auto sup = s.support(l);
      ASSERT_EQ(sup.size(), 40u);
      float lowest_kept = INFINITY;
      for (auto t : sup) lowest_kept = std::min(lowest_kept, l[static_cast<std::size_t>(t)]);
      std::size_t above = 0;
      for (float v : l) above += v > lowest_kept ? 1 : 0;
      EXPECT_LT(above, 40u);  // nothing outside the support beats its weakest member
    }
    for (float top_p : {0.5f, 0.9f}) {
      Sampler s({.top_k = 0, .top_p = top_p}, n);
      auto sup = s.support(l);
      ASSERT_FALSE(sup.empty());
      double mass = 0, smallest = 1;
      for (auto t : sup) {
        mass += p[static_cast<std::size_t>(t)];
        smallest = std::min(smallest, p[static_cast<std::size_t>(t)]);
      }
      EXPECT_GE(mass, top_p - 1e-4);                // covers p
      EXPECT_LT(mass - smallest, top_p + 1e-4);     // and is minimal
    }
    {
      const float min_p = 0.05f;
      Sampler s({.top_k = 0, .top_p = 1.0f, .min_p = min_p}, n);
      auto sup = s.support(l);
      const double pmax = *std::max_element(p.begin(), p.end());
      std::size_t expected = 0;
      for (double v : p) expected += v >= min_p * pmax * (1 + 1e-6) ? 1 : 0;
      EXPECT_NEAR(static_cast<double>(sup.size()), static_cast<double>(expected), 1.0);
      for (auto t : sup) EXPECT_GE(p[static_cast<std::size_t>(t)], min_p * pmax * (1 - 1e-4));
    }
    {
      Sampler s({.temperature = 1.0f, .top_k = 30, .top_p = 0.9f}, n);
      auto sup = s.support(l);
      for (int i = 0; i < 200; ++i) {
        const llm::Token t = s.sample(l);
        EXPECT_NE(std::find(sup.begin(), sup.end(), t), sup.end());
      }
    }
  }
}

TEST(Sampler, RepetitionPenaltyFollowsTheCtrlRule) {
  for (const auto& l : real_logits()) {
    const llm::Token best = argmax(l);
    Sampler s({.temperature = 0.0f, .repetition_penalty = 50.0f, .last_n = 8}, static_cast<int>(l.size()));
    s.accept(best);
    // CTRL's rule, as llama.cpp applies it: positive logits divided, negative multiplied.
    std::vector<float> pen = l;
    float& v = pen[static_cast<std::size_t>(best)];
    v = v > 0 ? v / 50.0f : v * 50.0f;
    EXPECT_EQ(s.sample(l), argmax(pen));
    s.reset();  // the window is empty again
    EXPECT_EQ(s.sample(l), best);
  }
}

TEST(Sampler, LogprobIsLogSoftmaxAtTemperatureOne) {
  const auto l = real_logits().at(1);
  const auto p = probs(l);
  // token_logprob is O(n_vocab); check a spread of tokens against the reference softmax.
  for (std::size_t i = 0; i < l.size(); i += 997) {
    EXPECT_NEAR(token_logprob(l, static_cast<llm::Token>(i)), std::log(p[i]), 1e-6);
  }
  // The vectorised exp is accurate to 1e-7 relative, so 1e-6 bounds the log too.
  const llm::Token best = argmax(l);
  EXPECT_NEAR(token_logprob(l, best), std::log(p[static_cast<std::size_t>(best)]), 1e-6);
  EXPECT_EQ(token_logprob(l, -1), -INFINITY);
}

TEST(Sampler, ValidateRejectsBadValues) {
  EXPECT_TRUE(validate({}).ok());
  EXPECT_FALSE(validate({.temperature = NAN}).ok());
  EXPECT_FALSE(validate({.top_p = -0.1f}).ok());
  EXPECT_FALSE(validate({.min_p = 1.5f}).ok());
  EXPECT_FALSE(validate({.repetition_penalty = 0.0f}).ok());
  EXPECT_FALSE(validate({.last_n = -1}).ok());
}

}  // namespace
}  // namespace codeloom::decode
