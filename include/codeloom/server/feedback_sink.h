// Where the server records what it served and what users did with it.
//
// The HTTP layer calls record_completion() for every completion it returns
// and record_event() for every POST /v1/feedback; it answers 200 only after
// record_event() returned Ok, so a sink that commits durably before returning
// makes every acknowledged event survive a crash. The production sink wraps
// the SQLite feedback::Store (feedback module); MemoryFeedbackSink is for
// tests and for running without a database.
//
// Thread-safety: implementations must accept calls from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::server {

struct ServedCompletion {
  std::string id;            // "cmpl-..." as returned to the client
  std::string user_id;       // request "user", may be empty
  std::string model;
  std::string endpoint;      // "/v1/completions", "/infill", ...
  std::string prompt_hash;   // hex hash of the prompt tokens (the prompt itself is not stored)
  std::string language;      // may be empty
  std::string params_json;   // the sampling parameters as JSON
  std::vector<std::string> candidates;
  std::int64_t created_ms = 0;   // unix time
  double latency_ms = 0;
};

struct FeedbackEventIn {
  std::string completion_id;
  std::string user_id;
  std::string type;           // "shown" | "accepted" | "rejected" | "edited"
  int candidate_index = -1;   // -1: not given
  std::string accepted_text;
  std::string edited_text;
  std::int64_t client_ms = 0;  // client clock, 0 when not given
  std::int64_t server_ms = 0;  // set by the server
};

class FeedbackSink {
 public:
  virtual ~FeedbackSink() = default;
  virtual Status record_completion(const ServedCompletion& completion) = 0;
  // Must return only once the event is stored as durably as the sink can.
  // kInvalidArgument for an unknown event type.
  virtual Status record_event(const FeedbackEventIn& event) = 0;
  virtual std::string describe() const = 0;  // for logs and /health
};

// Keeps everything in memory (lost on exit). Thread-safe.
class MemoryFeedbackSink final : public FeedbackSink {
 public:
  Status record_completion(const ServedCompletion& completion) override;
  Status record_event(const FeedbackEventIn& event) override;
  std::string describe() const override { return "memory (not durable)"; }
  std::vector<ServedCompletion> completions() const;
  std::vector<FeedbackEventIn> events() const;

 private:
  mutable std::mutex mu_;
  std::vector<ServedCompletion> completions_;
  std::vector<FeedbackEventIn> events_;
};

// The event types the API accepts.
bool is_feedback_event_type(const std::string& type);


// The durable sink: the SQLite feedback::Store at `path` (created or migrated).
// Completions are written off the response path; events are acknowledged only
// once committed, after their completion (see src/server/feedback_store_sink.h).
Result<std::unique_ptr<FeedbackSink>> open_feedback_store(const std::string& path);

}  // namespace codeloom::server
