// What the server measures, on the shared metrics::Registry (Prometheus text).
//
// Thread-safety: every method may be called from any thread.
#pragma once

#include <string>

#include "codeloom/metrics/registry.h"
#include "codeloom/server/engine.h"

namespace codeloom::server {

class ServerMetrics {
 public:
  ServerMetrics();
  void request(const std::string& endpoint, int status, double seconds);
  void generation(std::size_t prompt_tokens, std::size_t reused_tokens, std::size_t generated_tokens,
                  double generate_seconds);
  void cancelled();
  void rejected();  // queue full (429)
  // Prometheus text exposition format, with the engine's gauges as of now.
  std::string render(const EngineStats& engine);

 private:
  metrics::Registry reg_;
  metrics::Family<metrics::Counter>& requests_;
  metrics::Family<metrics::Histogram>& latency_;
  metrics::Counter& prompt_tokens_;
  metrics::Counter& cached_tokens_;
  metrics::Counter& generated_tokens_;
  metrics::Counter& generate_seconds_;
  metrics::Counter& cancelled_;
  metrics::Counter& rejected_;
  metrics::Gauge& hit_ratio_;
  metrics::Gauge& tokens_per_second_;
  metrics::Gauge& queue_depth_;
  metrics::Gauge& queue_capacity_;
  metrics::Gauge& slots_busy_;
  metrics::Gauge& slots_;
};

}  // namespace codeloom::server
