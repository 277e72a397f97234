// FeedbackSink over the SQLite feedback::Store.
//
// Completions are recorded off the response path: record_completion() queues
// the record for a background thread and returns at once, so the client does
// not wait for a commit. record_event() first waits until the completion it
// names is committed (when it is still queued), then records the event and
// returns only after the store committed it — a 200 on /v1/feedback means the
// event and its completion are on disk. A crash can lose only completions
// served in the last moments, never an acknowledged event.
//
// Thread-safety: all methods from any thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "codeloom/feedback/store.h"
#include "codeloom/server/feedback_sink.h"

namespace codeloom::server {

class StoreFeedbackSink final : public FeedbackSink {
 public:
  // Opens (creating or migrating) the store; errors of feedback::Store::open.
  static Result<std::unique_ptr<StoreFeedbackSink>> open(const std::string& path);
  ~StoreFeedbackSink() override;  // writes what is queued, then closes

  Status record_completion(const ServedCompletion& completion) override;
  // kNotFound: no such completion; kOutOfRange: candidate_index out of range.
  Status record_event(const FeedbackEventIn& event) override;
  std::string describe() const override { return "sqlite " + path_; }

 private:
  StoreFeedbackSink() = default;
  void writer();
  std::string path_;
  std::unique_ptr<feedback::Store> store_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<feedback::CompletionRecord> queue_;
  std::set<std::string> pending_;  // ids queued or being written
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace codeloom::server
