#include "server_metrics.h"

namespace codeloom::server {

ServerMetrics::ServerMetrics()
    : requests_(reg_.counter_family("codeloom_requests_total", "HTTP requests by endpoint and status.",
                                    {"endpoint", "status"})),
      latency_(reg_.histogram_family("codeloom_request_duration_seconds",
                                     "Request latency (for streams: until the last byte).", {"endpoint"},
                                     {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60})),
      prompt_tokens_(reg_.counter("codeloom_prompt_tokens_total", "Prompt tokens of served requests.")),
      cached_tokens_(reg_.counter("codeloom_prompt_tokens_cached_total",
                                  "Prompt tokens found in a slot's KV cache (not recomputed).")),
      generated_tokens_(reg_.counter("codeloom_generated_tokens_total", "Tokens generated.")),
      generate_seconds_(reg_.counter("codeloom_generate_seconds_total", "Time spent generating, summed over requests.")),
      cancelled_(reg_.counter("codeloom_requests_cancelled_total", "Requests cancelled because the client went away.")),
      rejected_(reg_.counter("codeloom_requests_rejected_total", "Requests refused with 429 (queue full).")),
      hit_ratio_(reg_.gauge("codeloom_prefix_cache_hit_ratio", "Cached / all prompt tokens since start.")),
      tokens_per_second_(reg_.gauge("codeloom_tokens_per_second",
                                    "Generated tokens per second of request generation time since start.")),
      queue_depth_(reg_.gauge("codeloom_queue_depth", "Requests waiting for a slot.")),
      queue_capacity_(reg_.gauge("codeloom_queue_capacity", "Most requests that may wait.")),
      slots_busy_(reg_.gauge("codeloom_slots_busy", "Slots generating now.")),
      slots_(reg_.gauge("codeloom_slots", "Slots in total.")) {}

void ServerMetrics::request(const std::string& endpoint, int status, double seconds) {
  requests_.labels({endpoint, std::to_string(status)}).inc();
  latency_.labels({endpoint}).observe(seconds);
}

void ServerMetrics::generation(std::size_t prompt, std::size_t reused, std::size_t generated, double seconds) {
  prompt_tokens_.inc(prompt);
  cached_tokens_.inc(reused);
  generated_tokens_.inc(generated);
  generate_seconds_.inc(seconds);
}

void ServerMetrics::cancelled() { cancelled_.inc(); }
void ServerMetrics::rejected() { rejected_.inc(); }

std::string ServerMetrics::render(const EngineStats& e) {
  const double prompt = prompt_tokens_.value();
  hit_ratio_.set(prompt > 0 ? cached_tokens_.value() / prompt : 0.0);
  const double secs = generate_seconds_.value();
  tokens_per_second_.set(secs > 0 ? generated_tokens_.value() / secs : 0.0);
  queue_depth_.set(e.queued);
  queue_capacity_.set(e.queue_size);
  slots_busy_.set(e.busy);
  slots_.set(e.slots);
  return reg_.render();
}

}  // namespace codeloom::server
