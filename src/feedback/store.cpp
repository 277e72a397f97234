// Store::open and the write path: one writer thread, group commit.
//
// Why a writer thread: SQLite serializes writers anyway, and the cost of a
// durable commit is the fsync, not the inserts. Callers queue their write and
// sleep; the writer takes everything queued, commits it in one transaction
// (one WAL fsync with synchronous = FULL) and wakes them all. Under load the
// batch grows by itself while the previous fsync runs, so no timer is needed.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "codeloom/common/log.h"
#include "schema.h"
#include "store_impl.h"

namespace codeloom::feedback {
namespace {

std::int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool per_item_error(ErrorCode c) {
  // Rejections of one write that leave the transaction usable for the others.
  return c == ErrorCode::kInvalidArgument || c == ErrorCode::kNotFound || c == ErrorCode::kOutOfRange;
}

Status check_path(const StoreOptions& o) {
  namespace fs = std::filesystem;
  if (o.path.empty()) return make_error(ErrorCode::kInvalidArgument, "feedback DB path is empty");
  std::error_code ec;
  const fs::path p(o.path);
  if (fs::is_directory(p, ec))
    return make_error(ErrorCode::kInvalidArgument, o.path + " is a directory; give a file path for the feedback DB");
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    return make_error(ErrorCode::kNotFound, "directory " + dir.string() + " of the feedback DB does not exist");
  if (o.read_only && !fs::exists(p, ec))
    return make_error(ErrorCode::kNotFound, "feedback DB " + o.path + " does not exist");
  if (o.max_batch == 0) return make_error(ErrorCode::kInvalidArgument, "max_batch must be at least 1");
  return Status::Ok();
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() {
  if (impl_->writer.joinable()) {
    {
      std::lock_guard lock(impl_->mu);
      impl_->stopping = true;
    }
    impl_->work_cv.notify_one();
    impl_->writer.join();
  }
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  if (auto s = check_path(options); !s) return s.error();
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (!impl->options.now_ms) impl->options.now_ms = system_now_ms;
  const std::string& path = options.path;
  const std::string timeout = "PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms);

  if (!options.read_only) {
    auto db = sql::Db::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db) return db.error();
    if (auto s = db->exec(timeout.c_str(), "setting the busy timeout"); !s) return s.error();
    // Identify the file before changing it (journal mode, migrations).
    auto version = schema::inspect(*db, path);
    if (!version) return version.error();
    auto mode = sql::Stmt::prepare(db->get(), "PRAGMA journal_mode = WAL");
    if (!mode) return mode.error();
    auto row = mode->step("switching " + path + " to WAL mode");
    if (!row) return row.error();
    if (!*row || mode->text(0) != "wal")
      return make_error(ErrorCode::kIo, "cannot use WAL mode for " + path + " (got '" + mode->text(0) +
                                            "'); put the DB on a local filesystem");
    mode = sql::Stmt();
    // Only an older file takes the write lock here (migrate re-checks under it),
    // so opening next to a busy writer does not wait for its lock.
    if (*version < kSchemaVersion) {
      if (auto s = schema::migrate(*db, path, kSchemaVersion); !s) return s.error();
    }
    const char* sync = options.synchronous == Synchronous::kFull ? "PRAGMA synchronous = FULL"
                                                                 : "PRAGMA synchronous = NORMAL";
    if (auto s = db->exec(sync, "setting synchronous"); !s) return s.error();
    if (auto s = db->exec("PRAGMA foreign_keys = ON", "enabling foreign keys"); !s) return s.error();
    impl->write_db = std::move(*db);
    sqlite3* w = impl->write_db.get();
    auto ic = sql::Stmt::prepare(
        w, "INSERT INTO completions (id, user_id, model, endpoint, prompt_hash, language, params_json, "
           "candidates_json, n_candidates, created_ms, latency_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    auto fc = sql::Stmt::prepare(w, "SELECT user_id, n_candidates FROM completions WHERE id = ?");
    auto ie = sql::Stmt::prepare(
        w, "INSERT INTO events (completion_id, user_id, type, candidate_index, accepted_text, edited_text, "
           "client_ms, server_ms) VALUES (?,?,?,?,?,?,?,?)");
    if (!ic) return ic.error();
    if (!fc) return fc.error();
    if (!ie) return ie.error();
    impl->insert_completion = std::move(*ic);
    impl->find_completion = std::move(*fc);
    impl->insert_event = std::move(*ie);
  }

  auto rdb = sql::Db::open(path, SQLITE_OPEN_READONLY);
  if (!rdb) return rdb.error();
  if (auto s = rdb->exec(timeout.c_str(), "setting the busy timeout"); !s) return s.error();
  auto version = schema::inspect(*rdb, path);
  if (!version) return version.error();
  if (*version != kSchemaVersion)  // only reachable read-only: a writer migrated above
    return make_error(ErrorCode::kUnsupported, path + " has feedback schema v" + std::to_string(*version) +
                                                   " and needs migrating to v" + std::to_string(kSchemaVersion) +
                                                   "; open it once without read-only");
  impl->read_db = std::move(*rdb);

  Impl* raw = impl.get();
  if (!options.read_only) raw->writer = std::thread([raw] { raw->writer_loop(); });
  CODELOOM_LOG(kInfo, "feedback store " << path << " open (schema v" << kSchemaVersion << ")");
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::Impl::submit(PendingWrite& w) {
  if (options.read_only)
    return make_error(ErrorCode::kUnsupported, "the feedback store " + options.path + " is open read-only");
  std::unique_lock lock(mu);
  queue.push_back(&w);
  work_cv.notify_one();
  done_cv.wait(lock, [&] { return w.done; });
  return w.status;
}

void Store::Impl::writer_loop() {
  std::vector<PendingWrite*> batch;
  for (;;) {
    batch.clear();
    {
      std::unique_lock lock(mu);
      work_cv.wait(lock, [&] { return stopping || !queue.empty(); });
      if (queue.empty()) return;  // stopping, and every write is answered
      while (!queue.empty() && batch.size() < options.max_batch) {
        batch.push_back(queue.front());
        queue.pop_front();
      }
    }
    commit_batch(batch);
    writes.fetch_add(static_cast<std::int64_t>(batch.size()), std::memory_order_relaxed);
    {
      std::lock_guard lock(mu);
      for (PendingWrite* w : batch) w->done = true;
    }
    done_cv.notify_all();
  }
}

void Store::Impl::commit_batch(const std::vector<PendingWrite*>& batch) {
  auto fail_all = [&](const Status& s) {
    for (PendingWrite* w : batch) {
      if (w->status) w->status = s, w->event_id = 0;  // a rejected write keeps its own error
    }
  };
  if (auto s = write_db.exec("BEGIN IMMEDIATE", "starting a transaction on " + options.path); !s) {
    fail_all(s);
    return;
  }
  for (PendingWrite* w : batch) {
    w->status = apply(*w);
    if (!w->status && !per_item_error(w->status.error().code)) {
      // I/O or corruption: SQLite may have rolled back already; nothing in this batch is committed.
      Status s = w->status;
      (void)write_db.exec("ROLLBACK", "rollback");
      fail_all(s);
      return;
    }
  }
  if (auto s = write_db.exec("COMMIT", "committing to " + options.path); !s) {
    (void)write_db.exec("ROLLBACK", "rollback");
    fail_all(s);
    return;
  }
  commits.fetch_add(1, std::memory_order_relaxed);
}

Status Store::Impl::apply(PendingWrite& w) {
  if (w.completion) {
    const CompletionRecord& c = *w.completion;
    if (c.id.empty()) return make_error(ErrorCode::kInvalidArgument, "completion id is empty");
    const std::string candidates = nlohmann::json(c.candidates).dump(-1, ' ', false,
                                                                     nlohmann::json::error_handler_t::replace);
    auto& st = insert_completion;
    st.bind(1, c.id).bind(2, c.user_id).bind(3, c.model).bind(4, c.endpoint).bind(5, c.prompt_hash);
    st.bind(6, c.language).bind(7, c.params_json).bind(8, candidates);
    st.bind(9, static_cast<std::int64_t>(c.candidates.size())).bind(10, c.created_ms).bind(11, c.latency_ms);
    Status s = st.run("recording completion " + c.id);
    if (!s && s.error().code == ErrorCode::kInvalidArgument)
      return make_error(ErrorCode::kInvalidArgument, "completion id '" + c.id + "' is already recorded");
    return s;
  }
  const FeedbackEvent& e = *w.event;
  if (e.completion_id.empty()) return make_error(ErrorCode::kInvalidArgument, "feedback event has no completion_id");
  auto& find = find_completion;
  find.bind(1, e.completion_id);
  auto row = find.step("looking up completion " + e.completion_id);
  if (!row) return find.reset(), row.error();
  if (!*row) {
    find.reset();
    return make_error(ErrorCode::kNotFound, "unknown completion_id '" + e.completion_id + "'");
  }
  const std::string owner = find.text(0);
  const std::int64_t n_candidates = find.int64(1);
  find.reset();
  if (e.candidate_index < -1 || e.candidate_index >= n_candidates)
    return make_error(ErrorCode::kOutOfRange, "candidate_index " + std::to_string(e.candidate_index) +
                                                  " is not a candidate of completion '" + e.completion_id +
                                                  "' (it has " + std::to_string(n_candidates) + ")");
  auto& st = insert_event;
  st.bind(1, e.completion_id).bind(2, e.user_id.empty() ? owner : e.user_id).bind(3, event_type_name(e.type));
  st.bind_int(4, e.candidate_index).bind(5, e.accepted_text).bind(6, e.edited_text).bind(7, e.client_ms);
  st.bind(8, e.server_ms != 0 ? e.server_ms : options.now_ms());
  if (auto s = st.run("recording a feedback event"); !s) return s;
  w.event_id = sqlite3_last_insert_rowid(write_db.get());
  return Status::Ok();
}

Store::WriteStats Store::write_stats() const {
  return {impl_->writes.load(std::memory_order_relaxed), impl_->commits.load(std::memory_order_relaxed)};
}

Status Store::record_completion(const CompletionRecord& record) {
  PendingWrite w;
  w.completion = &record;
  return impl_->submit(w);
}

Result<std::int64_t> Store::record_event(const FeedbackEvent& event) {
  PendingWrite w;
  w.event = &event;
  if (auto s = impl_->submit(w); !s) return s.error();
  return w.event_id;
}

}  // namespace codeloom::feedback
