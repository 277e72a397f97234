// What the server measures, behind one small class so the exporter can change
// (the feedback branch's metrics::Registry) without touching the handlers.
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>

#include "codeloom/server/engine.h"

namespace codeloom::server {

class ServerMetrics {
 public:
  void request(const std::string& endpoint, int status, double seconds);
  void generation(std::size_t prompt_tokens, std::size_t reused_tokens, std::size_t generated_tokens,
                  double generate_seconds);
  void cancelled();
  void rejected();  // queue full (429)
  // Prometheus text exposition format, including the engine's gauges.
  std::string render(const EngineStats& engine) const;

  static constexpr std::array<double, 12> kLatencyBuckets = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                             1,    2.5,   5,    10,  30,   60};

 private:
  struct Histogram {
    std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::uint64_t prompt_tokens_ = 0, reused_tokens_ = 0, generated_tokens_ = 0;
  double generate_seconds_ = 0;
  std::uint64_t cancelled_ = 0, rejected_ = 0;
};

}  // namespace codeloom::server
