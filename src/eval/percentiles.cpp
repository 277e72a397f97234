#include "codeloom/eval/percentiles.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace codeloom::eval {
namespace {

Status check(std::span<const double> values) {
  if (values.empty()) return make_error(ErrorCode::kInvalidArgument, "percentile: no values");
  for (double v : values)
    if (std::isnan(v)) return make_error(ErrorCode::kInvalidArgument, "percentile: NaN value");
  return Status::Ok();
}

// numpy's _lerp: a + t*(b-a), recomputed from the upper end when t >= 0.5 so
// results stay monotonic and exact at the ends (bit-compatible with numpy).
double lerp(double a, double b, double t) {
  double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

double sorted_percentile(const std::vector<double>& x, double q) {
  double h = (static_cast<double>(x.size()) - 1.0) * (q / 100.0);
  double lo = std::floor(h);
  std::size_t i = static_cast<std::size_t>(lo);
  if (i + 1 >= x.size()) return x.back();
  return lerp(x[i], x[i + 1], h - lo);
}

}  // namespace

Result<double> percentile(std::span<const double> values, double q) {
  if (Status s = check(values); !s) return s.error();
  if (!(q >= 0.0 && q <= 100.0))
    return make_error(ErrorCode::kInvalidArgument, "percentile: q must be in [0, 100]");
  std::vector<double> x(values.begin(), values.end());
  std::sort(x.begin(), x.end());
  return sorted_percentile(x, q);
}

Result<LatencySummary> summarize_latencies(std::span<const double> values) {
  if (Status s = check(values); !s) return s.error();
  std::vector<double> x(values.begin(), values.end());
  std::sort(x.begin(), x.end());
  LatencySummary out;
  out.count = x.size();
  out.min = x.front();
  out.max = x.back();
  double sum = 0;
  for (double v : x) sum += v;
  out.mean = sum / static_cast<double>(x.size());
  out.p50 = sorted_percentile(x, 50);
  out.p90 = sorted_percentile(x, 90);
  out.p95 = sorted_percentile(x, 95);
  out.p99 = sorted_percentile(x, 99);
  return out;
}

}  // namespace codeloom::eval
