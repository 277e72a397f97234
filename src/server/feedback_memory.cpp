#include "codeloom/server/feedback_sink.h"

namespace codeloom::server {

bool is_feedback_event_type(const std::string& type) {
  return type == "shown" || type == "accepted" || type == "rejected" || type == "edited";
}

Status MemoryFeedbackSink::record_completion(const ServedCompletion& completion) {
  std::lock_guard lock(mu_);
  completions_.push_back(completion);
  return Status::Ok();
}

Status MemoryFeedbackSink::record_event(const FeedbackEventIn& event) {
  if (!is_feedback_event_type(event.type)) {
    return make_error(ErrorCode::kInvalidArgument, "unknown feedback event type '" + event.type + "'");
  }
  std::lock_guard lock(mu_);
  events_.push_back(event);
  return Status::Ok();
}

std::vector<ServedCompletion> MemoryFeedbackSink::completions() const {
  std::lock_guard lock(mu_);
  return completions_;
}

std::vector<FeedbackEventIn> MemoryFeedbackSink::events() const {
  std::lock_guard lock(mu_);
  return events_;
}

}  // namespace codeloom::server
