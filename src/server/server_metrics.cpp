#include "server_metrics.h"

#include <sstream>

namespace codeloom::server {

void ServerMetrics::request(const std::string& endpoint, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{endpoint, status}];
  auto& h = latency_[endpoint];
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void ServerMetrics::generation(std::size_t prompt, std::size_t reused, std::size_t generated, double seconds) {
  std::lock_guard lock(mu_);
  prompt_tokens_ += prompt;
  reused_tokens_ += reused;
  generated_tokens_ += generated;
  generate_seconds_ += seconds;
}

void ServerMetrics::cancelled() {
  std::lock_guard lock(mu_);
  ++cancelled_;
}

void ServerMetrics::rejected() {
  std::lock_guard lock(mu_);
  ++rejected_;
}

std::string ServerMetrics::render(const EngineStats& e) const {
  std::lock_guard lock(mu_);
  std::ostringstream o;
  o << "# HELP codeloom_requests_total HTTP requests by endpoint and status.\n"
       "# TYPE codeloom_requests_total counter\n";
  for (const auto& [k, v] : requests_) {
    o << "codeloom_requests_total{endpoint=\"" << k.first << "\",status=\"" << k.second << "\"} " << v << "\n";
  }
  o << "# HELP codeloom_request_duration_seconds Request latency (for streams: until the last byte).\n"
       "# TYPE codeloom_request_duration_seconds histogram\n";
  for (const auto& [ep, h] : latency_) {
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      o << "codeloom_request_duration_seconds_bucket{endpoint=\"" << ep << "\",le=\"" << kLatencyBuckets[i] << "\"} "
        << h.buckets[i] << "\n";
    }
    o << "codeloom_request_duration_seconds_bucket{endpoint=\"" << ep << "\",le=\"+Inf\"} " << h.count << "\n";
    o << "codeloom_request_duration_seconds_sum{endpoint=\"" << ep << "\"} " << h.sum << "\n";
    o << "codeloom_request_duration_seconds_count{endpoint=\"" << ep << "\"} " << h.count << "\n";
  }
  o << "# HELP codeloom_prompt_tokens_total Prompt tokens of served requests.\n"
       "# TYPE codeloom_prompt_tokens_total counter\n"
    << "codeloom_prompt_tokens_total " << prompt_tokens_ << "\n"
    << "# HELP codeloom_prompt_tokens_cached_total Prompt tokens found in a slot's KV cache (not recomputed).\n"
       "# TYPE codeloom_prompt_tokens_cached_total counter\n"
    << "codeloom_prompt_tokens_cached_total " << reused_tokens_ << "\n"
    << "# HELP codeloom_prefix_cache_hit_ratio Cached / all prompt tokens since start.\n"
       "# TYPE codeloom_prefix_cache_hit_ratio gauge\n"
    << "codeloom_prefix_cache_hit_ratio "
    << (prompt_tokens_ ? static_cast<double>(reused_tokens_) / static_cast<double>(prompt_tokens_) : 0.0) << "\n"
    << "# HELP codeloom_generated_tokens_total Tokens generated.\n"
       "# TYPE codeloom_generated_tokens_total counter\n"
    << "codeloom_generated_tokens_total " << generated_tokens_ << "\n"
    << "# HELP codeloom_generate_seconds_total Time spent generating (per slot, summed).\n"
       "# TYPE codeloom_generate_seconds_total counter\n"
    << "codeloom_generate_seconds_total " << generate_seconds_ << "\n"
    << "# HELP codeloom_tokens_per_second Generated tokens per second of generation time since start.\n"
       "# TYPE codeloom_tokens_per_second gauge\n"
    << "codeloom_tokens_per_second " << (generate_seconds_ > 0 ? generated_tokens_ / generate_seconds_ : 0.0) << "\n"
    << "# HELP codeloom_requests_cancelled_total Requests cancelled (client gone or time limit in the queue).\n"
       "# TYPE codeloom_requests_cancelled_total counter\n"
    << "codeloom_requests_cancelled_total " << cancelled_ << "\n"
    << "# HELP codeloom_requests_rejected_total Requests refused with 429 (queue full).\n"
       "# TYPE codeloom_requests_rejected_total counter\n"
    << "codeloom_requests_rejected_total " << rejected_ << "\n"
    << "# HELP codeloom_queue_depth Requests waiting for a slot.\n"
       "# TYPE codeloom_queue_depth gauge\n"
    << "codeloom_queue_depth " << e.queued << "\n"
    << "# HELP codeloom_queue_capacity Most requests that may wait.\n"
       "# TYPE codeloom_queue_capacity gauge\n"
    << "codeloom_queue_capacity " << e.queue_size << "\n"
    << "# HELP codeloom_slots_busy Slots generating now.\n"
       "# TYPE codeloom_slots_busy gauge\n"
    << "codeloom_slots_busy " << e.busy << "\n"
    << "# HELP codeloom_slots Slots in total.\n"
       "# TYPE codeloom_slots gauge\n"
    << "codeloom_slots " << e.slots << "\n";
  return o.str();
}

}  // namespace codeloom::server
