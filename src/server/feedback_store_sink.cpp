#include "feedback_store_sink.h"

#include <cmath>

#include "codeloom/common/log.h"

namespace codeloom::server {

Result<std::unique_ptr<StoreFeedbackSink>> StoreFeedbackSink::open(const std::string& path) {
  auto store = feedback::Store::open({.path = path});
  if (!store) return store.error();
  std::unique_ptr<StoreFeedbackSink> s(new StoreFeedbackSink());
  s->path_ = path;
  s->store_ = std::move(*store);
  StoreFeedbackSink* raw = s.get();
  s->thread_ = std::thread([raw] { raw->writer(); });
  return s;
}

StoreFeedbackSink::~StoreFeedbackSink() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StoreFeedbackSink::writer() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, all written
    feedback::CompletionRecord rec = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Status st = store_->record_completion(rec);
    if (!st) CODELOOM_LOG(kWarn, "could not record completion " << rec.id << ": " << st.error().message);
    lock.lock();
    pending_.erase(rec.id);
    cv_.notify_all();
  }
}

Status StoreFeedbackSink::record_completion(const ServedCompletion& c) {
  feedback::CompletionRecord rec;
  rec.id = c.id;
  rec.user_id = c.user_id;
  rec.model = c.model;
  rec.endpoint = c.endpoint;
  rec.prompt_hash = c.prompt_hash;
  rec.language = c.language;
  rec.params_json = c.params_json;
  rec.candidates = c.candidates;
  rec.created_ms = c.created_ms;
  rec.latency_ms = static_cast<std::int64_t>(std::llround(c.latency_ms));
  {
    std::lock_guard lock(mu_);
    if (stop_) return make_error(ErrorCode::kCancelled, "the feedback store is closing");
    pending_.insert(rec.id);
    queue_.push_back(std::move(rec));
  }
  cv_.notify_all();
  return Status::Ok();
}

Status StoreFeedbackSink::record_event(const FeedbackEventIn& e) {
  auto type = feedback::parse_event_type(e.type);
  if (!type) return make_error(ErrorCode::kInvalidArgument, "unknown feedback event type '" + e.type + "'");
  {
    // An event may arrive right after its completion was served: wait for that record.
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return pending_.count(e.completion_id) == 0; });
  }
  feedback::FeedbackEvent ev;
  ev.completion_id = e.completion_id;
  ev.user_id = e.user_id;
  ev.type = *type;
  ev.candidate_index = e.candidate_index;
  ev.accepted_text = e.accepted_text;
  ev.edited_text = e.edited_text;
  ev.client_ms = e.client_ms;
  ev.server_ms = e.server_ms;
  auto id = store_->record_event(ev);
  if (!id) return id.error();
  return Status::Ok();
}

Result<std::unique_ptr<FeedbackSink>> open_feedback_store(const std::string& path) {
  auto s = StoreFeedbackSink::open(path);
  if (!s) return s.error();
  return std::unique_ptr<FeedbackSink>(std::move(*s));
}

}  // namespace codeloom::server
