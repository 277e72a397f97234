// Exact rendered text, escaping, registration rules and concurrent increments.
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>
#include <thread>
#include <vector>

#include "codeloom/metrics/registry.h"

namespace codeloom::metrics {
namespace {

TEST(MetricsRegistry, RendersCountersAndGaugesExactly) {
  Registry reg;
  auto& req = reg.counter_family("codeloom_http_requests_total", "HTTP requests by endpoint and status.",
                                 {"endpoint", "code"});
  req.labels({"/v1/completions", "200"}).inc();
  req.labels({"/v1/completions", "200"}).inc(2);
  req.labels({"/infill", "400"}).inc();
  auto& up = reg.gauge("codeloom_slots_busy", "Decode slots in use.");
  up.set(3);
  up.dec(0.5);
  reg.counter("codeloom_bytes_total", "Bytes.").inc(1.5);
  EXPECT_EQ(reg.render(),
            "# HELP codeloom_bytes_total Bytes.\n"
            "# TYPE codeloom_bytes_total counter\n"
            "codeloom_bytes_total 1.5\n"
            "# HELP codeloom_http_requests_total HTTP requests by endpoint and status.\n"
            "# TYPE codeloom_http_requests_total counter\n"
            "codeloom_http_requests_total{endpoint=\"/infill\",code=\"400\"} 1\n"
            "codeloom_http_requests_total{endpoint=\"/v1/completions\",code=\"200\"} 3\n"
            "# HELP codeloom_slots_busy Decode slots in use.\n"
            "# TYPE codeloom_slots_busy gauge\n"
            "codeloom_slots_busy 2.5\n");
}

TEST(MetricsRegistry, EscapesLabelValuesAndHelp) {
  Registry reg;
  reg.counter_family("x_total", "line one\nback\\slash \"quotes\" stay", {"path"})
      .labels({"C:\\dir\n\"q\""})
      .inc();
  EXPECT_EQ(reg.render(),
            "# HELP x_total line one\\nback\\\\slash \"quotes\" stay\n"
            "# TYPE x_total counter\n"
            "x_total{path=\"C:\\\\dir\\n\\\"q\\\"\"} 1\n");
  EXPECT_EQ(escape_label_value("\xc3\xa9t\xc3\xa9"), "\xc3\xa9t\xc3\xa9");  // UTF-8 passes through
}

TEST(MetricsRegistry, FormatsSpecialValues) {
  EXPECT_EQ(format_value(0), "0");
  EXPECT_EQ(format_value(0.1), "0.1");
  EXPECT_EQ(format_value(1e21), "1e+21");
  EXPECT_EQ(format_value(-2.5), "-2.5");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_value(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(MetricsRegistry, FamilyWithoutChildrenRendersOnlyHeader) {
  Registry reg;
  reg.counter_family("errors_total", "Errors.", {"kind"});
  EXPECT_EQ(reg.render(), "# HELP errors_total Errors.\n# TYPE errors_total counter\n");
}

TEST(MetricsRegistry, ValidatesNames) {
  EXPECT_TRUE(valid_metric_name("a:b_c9"));
  EXPECT_FALSE(valid_metric_name("9abc"));
  EXPECT_FALSE(valid_metric_name("a-b"));
  EXPECT_FALSE(valid_metric_name(""));
  EXPECT_TRUE(valid_label_name("_x1"));
  EXPECT_FALSE(valid_label_name("__reserved"));
  EXPECT_FALSE(valid_label_name("a:b"));
  Registry reg;
  EXPECT_THROW(reg.counter("bad-name", ""), std::invalid_argument);
  EXPECT_THROW(reg.counter_family("ok_total", "", {"bad label"}), std::invalid_argument);
  EXPECT_THROW(reg.histogram_family("h", "", {"le"}, {1}), std::invalid_argument);
}

TEST(MetricsRegistry, ReRegistrationReturnsSameMetricOrThrowsOnConflict) {
  Registry reg;
  Counter& a = reg.counter("c_total", "C.");
  Counter& b = reg.counter("c_total", "C.");
  EXPECT_EQ(&a, &b);
  EXPECT_THROW(reg.gauge("c_total", "C."), std::invalid_argument);
  EXPECT_THROW(reg.counter_family("c_total", "C.", {"x"}), std::invalid_argument);
  auto& f = reg.counter_family("f_total", "F.", {"a", "b"});
  EXPECT_THROW(f.labels({"only-one"}), std::invalid_argument);
  EXPECT_EQ(&f.labels({"1", "2"}), &f.labels({"1", "2"}));
}

TEST(MetricsRegistry, CounterNeverDecreases) {
  Counter c;
  c.inc(-5.0);
  c.inc(std::numeric_limits<double>::quiet_NaN());
  c.inc(0.25);
  EXPECT_EQ(c.value(), 0.25);
}

TEST(MetricsRegistry, ConcurrentIncrementsSumExactly) {
  Registry reg;
  auto& fam = reg.counter_family("hits_total", "Hits.", {"worker"});
  Counter& shared = reg.counter("shared_total", "Shared.");
  Gauge& g = reg.gauge("g", "G.");
  Histogram& h = reg.histogram("h", "H.", {1, 2});
  constexpr int kThreads = 8, kIters = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kIters; ++i) {
        shared.inc();
        fam.labels({std::to_string(t % 2)}).inc();  // first-use insertion races too
        g.inc();
        h.observe(i % 3);  // 0,1 -> le=1; 2 -> le=2
        if (i % 100 == 0) (void)reg.render();  // scrapes concurrent with updates
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(shared.value(), kThreads * kIters);
  EXPECT_EQ(fam.labels({"0"}).value() + fam.labels({"1"}).value(), kThreads * kIters);
  EXPECT_EQ(g.value(), kThreads * kIters);
  const auto s = h.snapshot();
  EXPECT_EQ(s.count, static_cast<std::uint64_t>(kThreads * kIters));
  std::uint64_t twos = 0;
  double expected_sum = 0;
  for (int i = 0; i < kIters; ++i) twos += (i % 3 == 2), expected_sum += i % 3;
  EXPECT_EQ(s.cumulative[1] - s.cumulative[0], twos * kThreads);
  EXPECT_EQ(s.sum, expected_sum * kThreads);  // small integers: exact in double whatever the order
}

}  // namespace
}  // namespace codeloom::metrics
