// Thin RAII over the SQLite C API, shared by codeloom's durable stores (the
// feedback store; the repository index): one owned connection, prepared
// statements, and SQLite result codes mapped to codeloom errors. Not
// thread-safe: each connection belongs to one thread (or is guarded by its
// owner's mutex).
//
//   auto db = codeloom::sqlite::Db::open("x.db", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
//   if (!db) return db.error();
//   auto st = codeloom::sqlite::Stmt::prepare(db->get(), "SELECT count(*) FROM t WHERE k = ?");
//   st->bind(1, "key");
//   while (*st->step("count rows")) n = st->int64(0);
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "codeloom/common/status.h"

namespace codeloom::sqlite {

// kCorrupt for SQLITE_CORRUPT / NOTADB, kIo for I/O, permission, locking and
// full-disk errors, kInvalidArgument for constraint violations, else kInternal.
Error to_error(int rc, sqlite3* db, std::string_view what);

class Db {
 public:
  Db() = default;
  ~Db();
  Db(Db&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Db& operator=(Db&& o) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  static Result<Db> open(const std::string& path, int flags);
  sqlite3* get() const { return db_; }
  Status exec(const char* sql, std::string_view what);
  // First column of the first row as an integer (e.g. a PRAGMA).
  Result<std::int64_t> query_int(const char* sql, std::string_view what);

 private:
  sqlite3* db_ = nullptr;
};

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(Stmt&& o) noexcept : st_(o.st_), db_(o.db_) { o.st_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  static Result<Stmt> prepare(sqlite3* db, std::string_view sql);

  // Bind by 1-based index; text is copied (SQLITE_TRANSIENT) so callers may pass temporaries.
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind_int(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }

  // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else -> error.
  Result<bool> step(std::string_view what);
  Status run(std::string_view what);  // step expecting DONE, then reset
  void reset() { sqlite3_reset(st_), sqlite3_clear_bindings(st_); }

  std::string text(int col) const;
  std::int64_t int64(int col) const { return sqlite3_column_int64(st_, col); }
  bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* st_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace codeloom::sqlite
