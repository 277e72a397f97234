#include "codeloom/sqlite/sqlite.h"

namespace codeloom::sqlite {

Error to_error(int rc, sqlite3* db, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string msg = std::string(what) + ": " + detail;
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return make_error(ErrorCode::kCorrupt, msg + " (the file is damaged or not a SQLite database)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return make_error(ErrorCode::kIo, msg + " (another process holds the database lock)");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return make_error(ErrorCode::kIo, msg + " (check the file's and its directory's permissions)");
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PROTOCOL:
      return make_error(ErrorCode::kIo, msg);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
      return make_error(ErrorCode::kInvalidArgument, msg);
    default:
      return make_error(ErrorCode::kInternal, msg);
  }
}

Db::~Db() { sqlite3_close_v2(db_); }

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    sqlite3_close_v2(db_);
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

Result<Db> Db::open(const std::string& path, int flags) {
  Db d;
  const int rc = sqlite3_open_v2(path.c_str(), &d.db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return to_error(rc, d.db_, "cannot open " + path);
  sqlite3_extended_result_codes(d.db_, 1);
  return d;
}

Status Db::exec(const char* sql, std::string_view what) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  sqlite3_free(err);  // sqlite3_errmsg() still holds the message
  if (rc != SQLITE_OK) return to_error(rc, db_, what);
  return Status::Ok();
}

Result<std::int64_t> Db::query_int(const char* sql, std::string_view what) {
  auto st = Stmt::prepare(db_, sql);
  if (!st) return st.error();
  auto row = st->step(what);
  if (!row) return row.error();
  if (!*row) return make_error(ErrorCode::kInternal, std::string(what) + ": no row");
  return st->int64(0);
}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(st_);
    st_ = o.st_;
    db_ = o.db_;
    o.st_ = nullptr;
  }
  return *this;
}

Result<Stmt> Stmt::prepare(sqlite3* db, std::string_view sql) {
  Stmt s;
  s.db_ = db;
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                    &s.st_, nullptr);
  if (rc != SQLITE_OK) return to_error(rc, db, "preparing a query");
  return s;
}

Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text64(st_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(st_, i, v);
  return *this;
}

Result<bool> Stmt::step(std::string_view what) {
  const int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = to_error(rc, db_, what);
  sqlite3_reset(st_);
  return e;
}

Status Stmt::run(std::string_view what) {
  auto r = step(what);
  reset();
  if (!r) return r.error();
  return Status::Ok();
}

std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
}

}  // namespace codeloom::sqlite
