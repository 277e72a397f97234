// Counter, Gauge and Histogram values: relaxed atomics, since a scrape only
// needs each number to be a value it really had, not a cross-metric snapshot.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "codeloom/metrics/registry.h"

namespace codeloom::metrics {
namespace {

void check_bounds(const std::vector<double>& b) {
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (!std::isfinite(b[i])) throw std::invalid_argument("histogram bucket bounds must be finite (+Inf is implicit)");
    if (i > 0 && !(b[i] > b[i - 1])) throw std::invalid_argument("histogram bucket bounds must be strictly increasing");
  }
}

}  // namespace

void Counter::inc(double v) {
  if (!(v > 0)) return;  // also drops NaN
  fraction_.fetch_add(v, std::memory_order_relaxed);
}

double Counter::value() const {
  return static_cast<double>(whole_.load(std::memory_order_relaxed)) + fraction_.load(std::memory_order_relaxed);
}

Histogram::Histogram(std::vector<double> upper_bounds) : bounds_(std::move(upper_bounds)) {
  check_bounds(bounds_);
  buckets_ = std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1);
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double v) {
  // lower_bound: the first bound >= v, so v == bound counts in that bucket (le is inclusive).
  // NaN compares false with everything and lands in +Inf, as in the Go client.
  const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), v);
  buckets_[static_cast<std::size_t>(it - bounds_.begin())].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot s;
  s.upper_bounds = bounds_;
  s.cumulative.resize(bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative[i] = running;
  }
  s.count = running;
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

std::vector<double> linear_buckets(double start, double width, int count) {
  if (count < 1 || !(width > 0)) throw std::invalid_argument("linear_buckets: need count >= 1 and width > 0");
  std::vector<double> b;
  for (int i = 0; i < count; ++i) b.push_back(start + width * i);
  check_bounds(b);
  return b;
}

std::vector<double> exponential_buckets(double start, double factor, int count) {
  if (count < 1 || !(start > 0) || !(factor > 1))
    throw std::invalid_argument("exponential_buckets: need count >= 1, start > 0 and factor > 1");
  std::vector<double> b;
  double v = start;
  for (int i = 0; i < count; ++i, v *= factor) b.push_back(v);
  check_bounds(b);
  return b;
}

std::vector<double> default_buckets() { return {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}; }

}  // namespace codeloom::metrics
