#include "codeloom/feedback/export.h"

#include <nlohmann/json.hpp>

namespace codeloom::feedback {
namespace {

using nlohmann::json;

std::string dump(const json& j, int indent = -1) { return j.dump(indent, ' ', false, json::error_handler_t::replace); }

json acceptance_rows(const std::vector<AcceptanceRow>& rows, const char* key_name) {
  json out = json::array();
  for (const auto& r : rows)
    out.push_back({{key_name, r.key},
                   {"completions", r.completions},
                   {"shown", r.shown},
                   {"accepted", r.accepted},
                   {"acceptance_rate", r.acceptance_rate()}});
  return out;
}

}  // namespace

std::string completion_to_json(const CompletionRecord& c, const std::vector<JoinedEvent>& events) {
  // params_json is what the client sent: embed it as an object when it parses, else as text.
  json params = c.params_json.empty() ? json::object() : json::parse(c.params_json, nullptr, false);
  if (params.is_discarded()) params = c.params_json;
  json evs = json::array();
  for (const auto& e : events)
    evs.push_back({{"id", e.event_id},
                   {"type", event_type_name(e.event.type)},
                   {"user_id", e.event.user_id},
                   {"candidate_index", e.event.candidate_index},
                   {"accepted_text", e.event.accepted_text},
                   {"edited_text", e.event.edited_text},
                   {"client_ms", e.event.client_ms},
                   {"server_ms", e.event.server_ms}});
  return dump({{"id", c.id},
               {"user_id", c.user_id},
               {"model", c.model},
               {"endpoint", c.endpoint},
               {"prompt_hash", c.prompt_hash},
               {"language", c.language},
               {"params", params},
               {"candidates", c.candidates},
               {"created_ms", c.created_ms},
               {"latency_ms", c.latency_ms},
               {"events", evs}});
}

Result<std::int64_t> export_jsonl(Store& store, std::ostream& out) {
  std::int64_t lines = 0;
  Status s = store.for_each_completion([&](const CompletionRecord& c, const std::vector<JoinedEvent>& events) {
    out << completion_to_json(c, events) << '\n';
    ++lines;
    return static_cast<bool>(out);
  });
  if (!s) return s.error();
  out.flush();
  if (!out) return make_error(ErrorCode::kIo, "writing the export failed (disk full or closed output?)");
  return lines;
}

std::string stats_to_json(const Stats& s) {
  json by_type = json::object();
  for (const auto& [t, n] : s.events_by_type) by_type[event_type_name(t)] = n;
  return dump({{"schema_version", s.schema_version},
               {"completions", s.completions},
               {"events", s.events},
               {"events_by_type", by_type},
               {"by_model", acceptance_rows(s.by_model, "model")},
               {"by_user", acceptance_rows(s.by_user, "user_id")}},
              2);
}

}  // namespace codeloom::feedback
