#include "codeloom/feedback/store.h"

namespace codeloom::feedback {

std::optional<EventType> parse_event_type(std::string_view text) {
  if (text == "shown") return EventType::kShown;
  if (text == "accepted") return EventType::kAccepted;
  if (text == "rejected") return EventType::kRejected;
  if (text == "edited" || text == "edited_after_accept") return EventType::kEditedAfterAccept;
  return std::nullopt;
}

const char* event_type_name(EventType type) {
  switch (type) {
    case EventType::kShown: return "shown";
    case EventType::kAccepted: return "accepted";
    case EventType::kRejected: return "rejected";
    case EventType::kEditedAfterAccept: return "edited";
  }
  return "shown";
}

}  // namespace codeloom::feedback
