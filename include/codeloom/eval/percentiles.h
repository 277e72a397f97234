// Latency percentiles with numpy's default interpolation (method="linear"):
// sort the n values, h = (n - 1) * q / 100, result = x[floor(h)] +
// (h - floor(h)) * (x[floor(h) + 1] - x[floor(h)]). q = 0 gives the minimum,
// q = 100 the maximum.
//
//   std::vector<double> ms = {12.0, 15.5, 11.2, 40.1};
//   auto s = codeloom::eval::summarize_latencies(ms);
//   if (s) std::cout << s->p50 << " " << s->p99;
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <span>

#include "codeloom/common/status.h"

namespace codeloom::eval {

// kInvalidArgument for no values, NaN values, or q outside [0, 100].
Result<double> percentile(std::span<const double> values, double q);

struct LatencySummary {
  std::size_t count = 0;
  double min = 0, max = 0, mean = 0;
  double p50 = 0, p90 = 0, p95 = 0, p99 = 0;
};

Result<LatencySummary> summarize_latencies(std::span<const double> values);

}  // namespace codeloom::eval
