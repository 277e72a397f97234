// Store internals shared by the write path (store.cpp) and the reads (reads.cpp).
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "codeloom/feedback/store.h"
#include "codeloom/sqlite/sqlite.h"

namespace codeloom::feedback {
namespace sql = codeloom::sqlite;  // the shared SQLite wrapper (src/sqlite/)
}  // namespace codeloom::feedback

namespace codeloom::feedback {

// One queued write; lives on its caller's stack until `done`.
struct PendingWrite {
  const CompletionRecord* completion = nullptr;
  const FeedbackEvent* event = nullptr;
  Status status;
  std::int64_t event_id = 0;
  bool done = false;  // guarded by Store::Impl::mu
};

struct Store::Impl {
  StoreOptions options;

  // Writes: owned by the writer thread once it runs. Declared before read_db
  // so that it closes last: only a read-write connection can checkpoint the
  // WAL into the main file and remove it on close.
  sql::Db write_db;
  sql::Stmt insert_completion, find_completion, insert_event;

  // Reads: own connection, one reader at a time (SQLite connections are not
  // shared across threads without a lock).
  std::mutex read_mu;
  sql::Db read_db;

  std::mutex mu;
  std::condition_variable work_cv;  // writer waits for queued writes
  std::condition_variable done_cv;  // callers wait for their batch's commit
  std::deque<PendingWrite*> queue;
  bool stopping = false;
  std::thread writer;
  std::atomic<std::int64_t> writes{0}, commits{0};

  Status submit(PendingWrite& w);  // blocks until committed or failed
  void writer_loop();
  void commit_batch(const std::vector<PendingWrite*>& batch);
  Status apply(PendingWrite& w);  // inside the batch transaction
};

}  // namespace codeloom::feedback
