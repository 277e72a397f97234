// Reads on the store's read connection: they see every acknowledged write
// (WAL readers see all commits made before their transaction starts).
#include <nlohmann/json.hpp>

#include "store_impl.h"

namespace codeloom::feedback {
namespace {

constexpr const char* kCompletionColumns =
    "c.id, c.user_id, c.model, c.endpoint, c.prompt_hash, c.language, c.params_json, c.candidates_json, "
    "c.created_ms, c.latency_ms";
constexpr int kCompletionColumnCount = 10;
constexpr const char* kEventColumns =
    "e.id, e.completion_id, e.user_id, e.type, e.candidate_index, e.accepted_text, e.edited_text, e.client_ms, "
    "e.server_ms";

CompletionRecord read_completion(const sql::Stmt& st, int col) {
  CompletionRecord c;
  c.id = st.text(col);
  c.user_id = st.text(col + 1);
  c.model = st.text(col + 2);
  c.endpoint = st.text(col + 3);
  c.prompt_hash = st.text(col + 4);
  c.language = st.text(col + 5);
  c.params_json = st.text(col + 6);
  // Written by us as a JSON array of strings; tolerate damage rather than throw.
  auto parsed = nlohmann::json::parse(st.text(col + 7), nullptr, false);
  if (parsed.is_array())
    for (const auto& v : parsed)
      if (v.is_string()) c.candidates.push_back(v.get<std::string>());
  c.created_ms = st.int64(col + 8);
  c.latency_ms = st.int64(col + 9);
  return c;
}

JoinedEvent read_event(const sql::Stmt& st, int col) {
  JoinedEvent j;
  j.event_id = st.int64(col);
  j.event.completion_id = st.text(col + 1);
  j.event.user_id = st.text(col + 2);
  j.event.type = parse_event_type(st.text(col + 3)).value_or(EventType::kShown);  // CHECK constraint keeps it valid
  j.event.candidate_index = static_cast<int>(st.int64(col + 4));
  j.event.accepted_text = st.text(col + 5);
  j.event.edited_text = st.text(col + 6);
  j.event.client_ms = st.int64(col + 7);
  j.event.server_ms = st.int64(col + 8);
  return j;
}

Result<std::vector<AcceptanceRow>> acceptance_by(sql::Db& db, const char* column) {
  // shown: completions with any event; accepted: with an accepted event.
  const std::string q = std::string("SELECT c.") + column +
                        ", count(*), "
                        "sum(EXISTS (SELECT 1 FROM events e WHERE e.completion_id = c.id)), "
                        "sum(EXISTS (SELECT 1 FROM events e WHERE e.completion_id = c.id AND e.type = 'accepted')) "
                        "FROM completions c GROUP BY c." +
                        column + " ORDER BY c." + column;
  auto st = sql::Stmt::prepare(db.get(), q);
  if (!st) return st.error();
  std::vector<AcceptanceRow> rows;
  for (;;) {
    auto r = st->step("computing acceptance by " + std::string(column));
    if (!r) return r.error();
    if (!*r) break;
    rows.push_back({st->text(0), st->int64(1), st->int64(2), st->int64(3)});
  }
  return rows;
}

}  // namespace

Result<int> Store::schema_version() {
  std::lock_guard lock(impl_->read_mu);
  auto v = impl_->read_db.query_int("PRAGMA user_version", "reading the schema version");
  if (!v) return v.error();
  return static_cast<int>(*v);
}

Result<std::optional<CompletionRecord>> Store::get_completion(const std::string& id) {
  std::lock_guard lock(impl_->read_mu);
  auto st = sql::Stmt::prepare(impl_->read_db.get(),
                               std::string("SELECT ") + kCompletionColumns + " FROM completions c WHERE c.id = ?");
  if (!st) return st.error();
  st->bind(1, id);
  auto r = st->step("reading completion " + id);
  if (!r) return r.error();
  if (!*r) return std::optional<CompletionRecord>();
  return std::optional<CompletionRecord>(read_completion(*st, 0));
}

Result<std::vector<JoinedEvent>> Store::events(const EventQuery& query) {
  std::lock_guard lock(impl_->read_mu);
  std::string q = std::string("SELECT ") + kEventColumns + ", " + kCompletionColumns +
                  " FROM events e JOIN completions c ON c.id = e.completion_id WHERE e.server_ms >= ?";
  if (!query.user_id.empty()) q += " AND e.user_id = ?";
  q += " ORDER BY e.server_ms DESC, e.id DESC";
  if (query.limit > 0) q += " LIMIT " + std::to_string(query.limit);
  auto st = sql::Stmt::prepare(impl_->read_db.get(), q);
  if (!st) return st.error();
  st->bind(1, query.since_server_ms);
  if (!query.user_id.empty()) st->bind(2, query.user_id);
  std::vector<JoinedEvent> out;
  for (;;) {
    auto r = st->step("reading feedback events");
    if (!r) return r.error();
    if (!*r) break;
    JoinedEvent j = read_event(*st, 0);
    j.completion = read_completion(*st, 9);
    out.push_back(std::move(j));
  }
  return out;
}

Result<std::int64_t> Store::count_events(std::optional<EventType> type) {
  std::lock_guard lock(impl_->read_mu);
  auto st = sql::Stmt::prepare(impl_->read_db.get(), type ? "SELECT count(*) FROM events WHERE type = ?"
                                                          : "SELECT count(*) FROM events");
  if (!st) return st.error();
  if (type) st->bind(1, event_type_name(*type));
  auto r = st->step("counting feedback events");
  if (!r) return r.error();
  return st->int64(0);
}

Result<Stats> Store::stats() {
  std::lock_guard lock(impl_->read_mu);
  sql::Db& db = impl_->read_db;
  // One read transaction: every number comes from the same snapshot.
  if (auto s = db.exec("BEGIN", "starting a read"); !s) return s.error();
  auto body = [&]() -> Result<Stats> {
    Stats s;
    auto v = db.query_int("PRAGMA user_version", "reading the schema version");
    if (!v) return v.error();
    s.schema_version = static_cast<int>(*v);
    auto nc = db.query_int("SELECT count(*) FROM completions", "counting completions");
    if (!nc) return nc.error();
    s.completions = *nc;
    for (EventType t : {EventType::kShown, EventType::kAccepted, EventType::kRejected, EventType::kEditedAfterAccept})
      s.events_by_type[t] = 0;
    auto st = sql::Stmt::prepare(db.get(), "SELECT type, count(*) FROM events GROUP BY type");
    if (!st) return st.error();
    for (;;) {
      auto r = st->step("counting events by type");
      if (!r) return r.error();
      if (!*r) break;
      if (auto t = parse_event_type(st->text(0))) s.events_by_type[*t] = st->int64(1);
      s.events += st->int64(1);
    }
    auto m = acceptance_by(db, "model");
    if (!m) return m.error();
    s.by_model = std::move(*m);
    auto u = acceptance_by(db, "user_id");
    if (!u) return u.error();
    s.by_user = std::move(*u);
    return s;
  };
  auto out = body();
  (void)db.exec("COMMIT", "ending a read");
  return out;
}

Status Store::for_each_completion(
    const std::function<bool(const CompletionRecord&, const std::vector<JoinedEvent>&)>& fn) {
  std::lock_guard lock(impl_->read_mu);
  sql::Db& db = impl_->read_db;
  if (auto s = db.exec("BEGIN", "starting a read"); !s) return s;
  // One pass over completions LEFT JOIN events, grouped as rows arrive.
  const std::string q = std::string("SELECT ") + kCompletionColumns + ", " + kEventColumns +
                        " FROM completions c LEFT JOIN events e ON e.completion_id = c.id "
                        "ORDER BY c.created_ms, c.id, e.id";
  auto body = [&]() -> Status {
    auto st = sql::Stmt::prepare(db.get(), q);
    if (!st) return st.error();
    std::optional<CompletionRecord> current;
    std::vector<JoinedEvent> events;
    for (;;) {
      auto r = st->step("exporting feedback");
      if (!r) return r.error();
      if (!*r || !current || current->id != st->text(0)) {
        if (current && !fn(*current, events)) return Status::Ok();
        if (!*r) return Status::Ok();
        current = read_completion(*st, 0);
        events.clear();
      }
      if (!st->is_null(kCompletionColumnCount)) {
        JoinedEvent j = read_event(*st, kCompletionColumnCount);
        j.completion.id = current->id;
        events.push_back(std::move(j));
      }
    }
  };
  Status s = body();
  (void)db.exec("COMMIT", "ending a read");
  return s;
}

Status Store::check_integrity() {
  std::lock_guard lock(impl_->read_mu);
  auto st = sql::Stmt::prepare(impl_->read_db.get(), "PRAGMA integrity_check");
  if (!st) return st.error();
  std::string report;
  for (;;) {
    auto r = st->step("running integrity_check on " + impl_->options.path);
    if (!r) return r.error();
    if (!*r) break;
    if (!report.empty()) report += "; ";
    report += st->text(0);
  }
  if (report != "ok") return make_error(ErrorCode::kCorrupt, impl_->options.path + " failed integrity_check: " + report);
  return Status::Ok();
}

}  // namespace codeloom::feedback
