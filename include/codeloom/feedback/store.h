// Durable store of served completions and the user feedback on them
// (shown / accepted / rejected / edited), in one SQLite file (WAL mode).
// Schema, durability guarantees and example queries: docs/feedback.md.
//
//   auto store = feedback::Store::open({.path = "feedback.db"});
//   if (!store) return fail(store.error());
//   (*store)->record_completion(rec);                 // committed when it returns
//   auto id = (*store)->record_event({.completion_id = rec.id, .type = EventType::kAccepted,
//                                     .candidate_index = 0});
//
// Thread-safety: a Store may be used from any number of threads. Writes are
// queued to one writer thread that commits everything queued in one
// transaction ("group commit") and then wakes all of their callers, so a
// returned success means the row is committed (and, with the default
// synchronous = FULL, fsynced) while concurrent callers share the fsync.
// Reads use their own connection and see every acknowledged write.
// Several processes may open the same file (SQLite locking); one writer
// process at a time is the intended use.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::feedback {

// The schema version this build writes; files from older versions are
// migrated on open, files from newer versions are refused (kUnsupported).
inline constexpr int kSchemaVersion = 2;

enum class Synchronous {
  kFull,    // fsync the WAL on every commit: an acknowledged write survives power loss
  kNormal,  // fsync only at checkpoints: survives a process crash (SIGKILL), may lose the
            // last commits on power loss or OS crash; several times faster per commit
};

struct StoreOptions {
  std::string path;                        // created if missing (its directory must exist)
  bool read_only = false;                  // no writer thread; the file must exist at kSchemaVersion
  Synchronous synchronous = Synchronous::kFull;
  int busy_timeout_ms = 5000;              // waiting for another process's lock before kIo
  std::size_t max_batch = 512;             // writes per group-commit transaction (1 disables grouping)
  std::function<std::int64_t()> now_ms;    // clock for FeedbackEvent::server_ms; default: system clock
};

struct CompletionRecord {
  std::string id;             // unique, chosen by the server (e.g. "cmpl-<uuid>"); required
  std::string user_id;        // opaque, may be empty (anonymous)
  std::string model;          // model name or file as served
  std::string endpoint;       // "/v1/completions", "/infill", ...
  std::string prompt_hash;    // hash of the prompt, never the prompt itself
  std::string language;       // "python", ... or empty
  std::string params_json;    // sampling parameters as sent (JSON object text or empty)
  std::vector<std::string> candidates;
  std::int64_t created_ms = 0;  // unix ms
  std::int64_t latency_ms = 0;
};

enum class EventType { kShown, kAccepted, kRejected, kEditedAfterAccept };

struct FeedbackEvent {
  std::string completion_id;   // must name a recorded completion (see record_event)
  std::string user_id;         // empty: the completion's user_id
  EventType type = EventType::kShown;
  int candidate_index = -1;    // -1: not given; otherwise < number of candidates
  std::string accepted_text;   // what the user took (kAccepted)
  std::string edited_text;     // the text after the user's edit (kEditedAfterAccept)
  std::int64_t client_ms = 0;  // client clock, unix ms (0: unknown)
  std::int64_t server_ms = 0;  // 0: set from StoreOptions::now_ms when recorded
};

// "shown" | "accepted" | "rejected" | "edited" (also "edited_after_accept").
std::optional<EventType> parse_event_type(std::string_view text);
const char* event_type_name(EventType type);  // the short names above

// An event with the completion it refers to (reads for personalization).
struct JoinedEvent {
  std::int64_t event_id = 0;
  FeedbackEvent event;
  CompletionRecord completion;
};

struct AcceptanceRow {
  std::string key;               // model or user_id
  std::int64_t completions = 0;  // completions recorded
  std::int64_t shown = 0;        // completions with any feedback event (an accept implies shown)
  std::int64_t accepted = 0;     // completions with at least one accepted event
  double acceptance_rate() const { return shown > 0 ? static_cast<double>(accepted) / shown : 0.0; }
};

struct Stats {
  int schema_version = 0;
  std::int64_t completions = 0;
  std::int64_t events = 0;
  std::map<EventType, std::int64_t> events_by_type;  // every type present, 0 when none
  std::vector<AcceptanceRow> by_model;  // sorted by key
  std::vector<AcceptanceRow> by_user;
};

struct EventQuery {
  std::string user_id;               // empty: all users
  std::int64_t since_server_ms = 0;  // events with server_ms >= this
  std::int64_t limit = 1000;         // newest first; <= 0: no limit
};

class Store {
 public:
  // Creates the file or migrates it to kSchemaVersion. Errors: kInvalidArgument
  // (empty path), kNotFound (missing directory, or missing file when read_only),
  // kIo (cannot create/open: permissions, read-only filesystem, locked),
  // kCorrupt (not a SQLite file, damaged, or a SQLite file of another program),
  // kUnsupported (written by a newer codeloom).
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();  // finishes queued writes, then closes; no other thread may still be calling the Store
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Returns once the row is committed. Errors: kInvalidArgument (empty id or an
  // id already recorded), kUnsupported (read_only store), kIo / kCorrupt.
  Status record_completion(const CompletionRecord& record);

  // Returns the event's row id once committed. Orphans are rejected: an
  // unknown completion_id gives kNotFound (the server answers 404), so every
  // stored event joins a completion. kOutOfRange when candidate_index is not
  // a candidate of that completion; kInvalidArgument for an empty completion_id.
  Result<std::int64_t> record_event(const FeedbackEvent& event);

  Result<int> schema_version();
  Result<std::optional<CompletionRecord>> get_completion(const std::string& id);
  Result<std::vector<JoinedEvent>> events(const EventQuery& query);
  Result<std::int64_t> count_events(std::optional<EventType> type = std::nullopt);
  Result<Stats> stats();
  // Every completion in created order with its events in id order (export).
  // The callback returning false stops early.
  Status for_each_completion(
      const std::function<bool(const CompletionRecord&, const std::vector<JoinedEvent>&)>& fn);
  // Group-commit counters since open (for metrics and the benchmark):
  // writes / commits is the mean batch size.
  struct WriteStats {
    std::int64_t writes = 0;   // record_* calls answered (committed or rejected)
    std::int64_t commits = 0;  // transactions committed
  };
  WriteStats write_stats() const;

  // PRAGMA integrity_check over the whole file (linear in its size). kCorrupt with SQLite's report.
  Status check_integrity();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace codeloom::feedback
