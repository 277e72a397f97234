// Percentiles vs numpy.percentile(method="linear") (golden_percentiles.json).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "codeloom/eval/percentiles.h"
#include "golden_util.h"

namespace codeloom::eval {
namespace {

TEST(Percentiles, MatchNumpyLinear) {
  auto cases = test::load_json("golden_percentiles.json").at("cases");
  ASSERT_FALSE(cases.empty());
  for (const auto& c : cases) {
    std::vector<double> xs = c.at("values").get<std::vector<double>>();
    for (std::size_t i = 0; i < c.at("q").size(); ++i) {
      auto p = percentile(xs, c.at("q")[i].get<double>());
      ASSERT_TRUE(p);
      double want = c.at("expected")[i].get<double>();
      EXPECT_NEAR(*p, want, 1e-12 * std::max(1.0, std::fabs(want)));
    }
  }
}

TEST(Percentiles, HandComputed) {
  std::vector<double> xs{4, 1, 3, 2};  // sorted 1 2 3 4
  EXPECT_DOUBLE_EQ(*percentile(xs, 50), 2.5);
  EXPECT_DOUBLE_EQ(*percentile(xs, 90), 3.7);  // h = 2.7
  EXPECT_DOUBLE_EQ(*percentile(xs, 0), 1.0);
  EXPECT_DOUBLE_EQ(*percentile(xs, 100), 4.0);
  auto s = summarize_latencies(xs);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->count, 4u);
  EXPECT_DOUBLE_EQ(s->mean, 2.5);
  EXPECT_NEAR(s->p99, 3.97, 1e-12);  // h = 2.97 -> 3 + 0.97 * (4 - 3)
}

TEST(Percentiles, RejectsBadInput) {
  std::vector<double> none, nan{std::numeric_limits<double>::quiet_NaN()}, one{1};
  EXPECT_FALSE(percentile(none, 50));
  EXPECT_FALSE(percentile(nan, 50));
  EXPECT_FALSE(percentile(one, 101));
  EXPECT_FALSE(summarize_latencies(none));
}

}  // namespace
}  // namespace codeloom::eval
