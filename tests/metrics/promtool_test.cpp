// Validates the rendered exposition with Prometheus' own parser and linter
// (promtool check metrics). Skips when promtool is not installed.
#include <gtest/gtest.h>

#include <filesystem>

#include "codeloom/metrics/registry.h"
#include "support/run_process.h"

namespace codeloom::metrics {
namespace {

std::string promtool() {
  if (const char* env = std::getenv("CODELOOM_PROMTOOL")) return env;
  return CODELOOM_PROMTOOL;
}

TEST(MetricsPromtool, RenderedTextPassesCheckMetrics) {
  const std::string tool = promtool();
  if (tool.empty() || !std::filesystem::exists(tool))
    GTEST_SKIP() << "promtool not found (Debian package prometheus; see docs/prometheus.md)";
  Registry reg;
  auto& req = reg.counter_family("codeloom_http_requests_total", "HTTP requests.", {"endpoint", "code"});
  req.labels({"/v1/completions", "200"}).inc(5);
  req.labels({"/weird\"path\\with\nnewline", "500"}).inc();
  reg.gauge("codeloom_queue_depth", "Queued requests.\nSecond line.").set(-1.25);
  auto& lat = reg.histogram_family("codeloom_request_duration_seconds", "Latency.", {"endpoint"}, default_buckets());
  lat.labels({"/infill"}).observe(0.3);
  lat.labels({"/infill"}).observe(100);
  reg.histogram("codeloom_completion_tokens", "Tokens.", exponential_buckets(1, 2, 8)).observe(17);
  reg.counter("codeloom_feedback_events_total", "Events.").inc(0.5);

  auto out = testing::run_process({tool, "check", "metrics"}, {.stdin_text = reg.render(), .timeout_s = 60});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->exit_code, 0) << out->out << out->err << "\n--- input ---\n" << reg.render();

  // The check has teeth: an unescaped quote in a label value is rejected.
  auto bad = testing::run_process({tool, "check", "metrics"},
                                  {.stdin_text = "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"\"\"} 1\n",
                                   .timeout_s = 60});
  ASSERT_TRUE(bad) << bad.error().message;
  EXPECT_NE(bad->exit_code, 0);
}

}  // namespace
}  // namespace codeloom::metrics
