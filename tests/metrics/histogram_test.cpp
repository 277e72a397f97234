// Histogram buckets: le is inclusive, +Inf catches the rest, rendering is cumulative.
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "codeloom/metrics/registry.h"

namespace codeloom::metrics {
namespace {

TEST(MetricsHistogram, UpperBoundIsInclusive) {
  Histogram h({0.1, 1, 10});
  for (double v : {0.1, 0.10000000000000002, 1.0, 10.0, 10.5, -3.0}) h.observe(v);
  const auto s = h.snapshot();
  ASSERT_EQ(s.cumulative.size(), 4u);
  EXPECT_EQ(s.cumulative[0], 2u);  // -3 and exactly 0.1
  EXPECT_EQ(s.cumulative[1], 4u);  // + 0.10000000000000002 and exactly 1
  EXPECT_EQ(s.cumulative[2], 5u);  // + exactly 10
  EXPECT_EQ(s.cumulative[3], 6u);  // + 10.5 in +Inf
  EXPECT_EQ(s.count, 6u);
}

TEST(MetricsHistogram, RendersBucketsSumAndCountExactly) {
  Registry reg;
  auto& lat = reg.histogram_family("codeloom_request_seconds", "Request latency.", {"endpoint"}, {0.05, 0.5, 5});
  lat.labels({"/infill"}).observe(0.05);
  lat.labels({"/infill"}).observe(0.25);
  lat.labels({"/infill"}).observe(7);
  EXPECT_EQ(reg.render(),
            "# HELP codeloom_request_seconds Request latency.\n"
            "# TYPE codeloom_request_seconds histogram\n"
            "codeloom_request_seconds_bucket{endpoint=\"/infill\",le=\"0.05\"} 1\n"
            "codeloom_request_seconds_bucket{endpoint=\"/infill\",le=\"0.5\"} 2\n"
            "codeloom_request_seconds_bucket{endpoint=\"/infill\",le=\"5\"} 2\n"
            "codeloom_request_seconds_bucket{endpoint=\"/infill\",le=\"+Inf\"} 3\n"
            "codeloom_request_seconds_sum{endpoint=\"/infill\"} 7.3\n"
            "codeloom_request_seconds_count{endpoint=\"/infill\"} 3\n");
}

TEST(MetricsHistogram, UnlabeledRendersLeOnly) {
  Registry reg;
  reg.histogram("tokens", "Tokens per request.", {8}).observe(8);
  EXPECT_EQ(reg.render(),
            "# HELP tokens Tokens per request.\n# TYPE tokens histogram\n"
            "tokens_bucket{le=\"8\"} 1\ntokens_bucket{le=\"+Inf\"} 1\ntokens_sum 8\ntokens_count 1\n");
}

TEST(MetricsHistogram, RejectsBadBounds) {
  EXPECT_THROW(Histogram({1, 1}), std::invalid_argument);
  EXPECT_THROW(Histogram({2, 1}), std::invalid_argument);
  EXPECT_THROW(Histogram({1, std::numeric_limits<double>::infinity()}), std::invalid_argument);
  Registry reg;
  EXPECT_THROW(reg.histogram("h", "", {3, 2}), std::invalid_argument);
  reg.histogram("h", "", {1, 2});
  EXPECT_THROW(reg.histogram("h", "", {1, 3}), std::invalid_argument);  // same name, other buckets
}

TEST(MetricsHistogram, BucketHelpers) {
  EXPECT_EQ(linear_buckets(1, 2, 3), (std::vector<double>{1, 3, 5}));
  EXPECT_EQ(exponential_buckets(1, 10, 3), (std::vector<double>{1, 10, 100}));
  EXPECT_EQ(default_buckets().size(), 11u);
  EXPECT_THROW(exponential_buckets(0, 2, 3), std::invalid_argument);
  EXPECT_THROW(linear_buckets(0, 0, 3), std::invalid_argument);
}

}  // namespace
}  // namespace codeloom::metrics
