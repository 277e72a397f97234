// JSON views of the feedback store: one JSONL line per completion with its
// events (codeloom feedback export, training-data pipelines) and the stats
// object printed by codeloom feedback stats --json. Format: docs/feedback.md.
//
//   std::ofstream out("feedback.jsonl");
//   auto n = feedback::export_jsonl(*store, out);   // lines written
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "codeloom/common/status.h"
#include "codeloom/feedback/store.h"

namespace codeloom::feedback {

// Writes every completion (created order) with its events. kIo when the
// stream fails; store errors pass through. Invalid UTF-8 is replaced (U+FFFD).
Result<std::int64_t> export_jsonl(Store& store, std::ostream& out);

// One JSON object (as text) for a completion and its events: the export line.
std::string completion_to_json(const CompletionRecord& completion, const std::vector<JoinedEvent>& events);

// Stats as pretty JSON text (codeloom feedback stats --json).
std::string stats_to_json(const Stats& stats);

}  // namespace codeloom::feedback
