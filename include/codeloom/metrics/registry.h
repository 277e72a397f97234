// A small thread-safe Prometheus registry: counters, gauges and histograms
// (each optionally with labels), rendered in the text exposition format 0.0.4
// for a /metrics endpoint.
//
//   metrics::Registry reg;
//   auto& requests = reg.counter_family("codeloom_http_requests_total", "HTTP requests", {"endpoint", "code"});
//   auto& latency = reg.histogram("codeloom_request_seconds", "Request latency", {0.01, 0.1, 1, 10});
//   requests.labels({"/v1/completions", "200"}).inc();   // cache the reference on hot paths
//   latency.observe(0.042);
//   std::string body = reg.render();                      // Content-Type: metrics::kContentType
//
// Thread-safety: everything is safe to call from any thread. Increments,
// set() and observe() are lock-free atomics; labels() takes a shared lock
// (an exclusive one the first time a label set is seen), so hot paths should
// keep the returned reference, which stays valid as long as the Registry.
//
// Registration errors (an invalid metric or label name, the same name
// registered again with another type, labels or buckets, a wrong number of
// label values) are programmer bugs found at start-up: they throw
// std::invalid_argument rather than render a broken exposition later.
// Registering the same name again with the same shape returns the existing metric.
#pragma once

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace codeloom::metrics {

inline constexpr const char* kContentType = "text/plain; version=0.0.4; charset=utf-8";

// A monotonically increasing value. inc() with an integer step is a single
// atomic add; fractional steps go to a separate atomic double.
class Counter {
 public:
  void inc() { whole_.fetch_add(1, std::memory_order_relaxed); }
  template <typename I>
    requires std::is_integral_v<I>
  void inc(I n) {  // n <= 0 is ignored
    if (n > 0) whole_.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
  }
  void inc(double v);  // v < 0 or NaN is ignored: a counter never goes down
  double value() const;

 private:
  std::atomic<std::uint64_t> whole_{0};
  std::atomic<double> fraction_{0.0};
};

// A value that goes up and down (queue depth, loaded models).
class Gauge {
 public:
  void set(double v) { v_.store(v, std::memory_order_relaxed); }
  void inc(double v = 1.0) { v_.fetch_add(v, std::memory_order_relaxed); }
  void dec(double v = 1.0) { v_.fetch_sub(v, std::memory_order_relaxed); }
  double value() const { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> v_{0.0};
};

// Observations counted into buckets with inclusive upper bounds (le): an
// observation equal to a bound falls into that bound's bucket. +Inf is implicit.
class Histogram {
 public:
  explicit Histogram(std::vector<double> upper_bounds);  // sorted, finite, strictly increasing
  void observe(double v);

  struct Snapshot {
    std::vector<double> upper_bounds;         // without +Inf
    std::vector<std::uint64_t> cumulative;    // one per bound, then one for +Inf (== count)
    double sum = 0.0;
    std::uint64_t count = 0;
  };
  // _count is taken as the +Inf bucket so a scrape is always self-consistent;
  // _sum may lag an observe() that is in flight.
  Snapshot snapshot() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1 (last = +Inf)
  std::atomic<double> sum_{0.0};
};

// Bucket helpers (validated like Histogram's constructor).
std::vector<double> linear_buckets(double start, double width, int count);
std::vector<double> exponential_buckets(double start, double factor, int count);
// Prometheus client defaults: .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10 (seconds).
std::vector<double> default_buckets();

// One metric name with a fixed list of label names; one child per label-value set.
template <typename M>
class Family {
 public:
  // Values in the order of the label names given at registration.
  M& labels(const std::vector<std::string>& values);
  M& labels(std::initializer_list<std::string_view> values);

  const std::vector<std::string>& label_names() const { return label_names_; }

 private:
  friend class Registry;
  Family(std::vector<std::string> label_names, std::vector<double> buckets)
      : label_names_(std::move(label_names)), buckets_(std::move(buckets)) {}
  std::unique_ptr<M> make() const;

  std::vector<std::string> label_names_;
  std::vector<double> buckets_;  // histograms only
  mutable std::shared_mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<M>> children_;  // sorted: stable output
};

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  Counter& counter(const std::string& name, const std::string& help);
  Gauge& gauge(const std::string& name, const std::string& help);
  Histogram& histogram(const std::string& name, const std::string& help, std::vector<double> buckets);

  Family<Counter>& counter_family(const std::string& name, const std::string& help,
                                  std::vector<std::string> label_names);
  Family<Gauge>& gauge_family(const std::string& name, const std::string& help,
                              std::vector<std::string> label_names);
  Family<Histogram>& histogram_family(const std::string& name, const std::string& help,
                                      std::vector<std::string> label_names, std::vector<double> buckets);

  // The text exposition format 0.0.4, families sorted by name, series by
  // label values. A family with labels but no child yet renders only HELP/TYPE.
  std::string render() const;

 private:
  struct Entry;
  Entry& add(const std::string& name, const std::string& help, int type, std::vector<std::string> label_names,
             std::vector<double> buckets);

  mutable std::mutex mu_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
};

// Exposed for tests and for servers that render extra lines themselves.
bool valid_metric_name(std::string_view name);
bool valid_label_name(std::string_view name);
std::string escape_label_value(std::string_view value);  // \ " and newline
std::string escape_help(std::string_view help);          // \ and newline
std::string format_value(double v);                      // shortest round-trip; +Inf, -Inf, NaN

}  // namespace codeloom::metrics
