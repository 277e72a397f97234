// Migrations are append-only: never edit a released step, add a new one.
// tests/data/feedback/v1.db keeps a file written by v1 so the chain is tested.
#include "schema.h"

#include "codeloom/feedback/store.h"

namespace codeloom::feedback::schema {
namespace {

// kMigrations[v - 1] turns version v - 1 into version v.
constexpr const char* kMigrations[] = {
    // v1: completions and events.
    R"sql(
      PRAGMA application_id = 1131177570;
      CREATE TABLE completions (
        id TEXT PRIMARY KEY NOT NULL,
        user_id TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        endpoint TEXT NOT NULL DEFAULT '',
        prompt_hash TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        params_json TEXT NOT NULL DEFAULT '',
        candidates_json TEXT NOT NULL DEFAULT '[]',
        created_ms INTEGER NOT NULL,
        latency_ms INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        completion_id TEXT NOT NULL REFERENCES completions(id),
        user_id TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('shown', 'accepted', 'rejected', 'edited')),
        candidate_index INTEGER NOT NULL DEFAULT -1,
        accepted_text TEXT NOT NULL DEFAULT '',
        edited_text TEXT NOT NULL DEFAULT '',
        client_ms INTEGER NOT NULL DEFAULT 0,
        server_ms INTEGER NOT NULL
      );
      CREATE INDEX events_by_completion ON events(completion_id);
    )sql",
    // v2: candidate count (checks candidate_index without parsing JSON), indexes
    // for per-user reads (personalization) and time-ordered exports.
    R"sql(
      ALTER TABLE completions ADD COLUMN n_candidates INTEGER NOT NULL DEFAULT 0;
      UPDATE completions SET n_candidates = json_array_length(candidates_json);
      CREATE INDEX events_by_user_time ON events(user_id, server_ms);
      CREATE INDEX completions_by_user_time ON completions(user_id, created_ms);
      CREATE INDEX completions_by_time ON completions(created_ms);
    )sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

}  // namespace

Result<int> inspect(sql::Db& db, const std::string& path) {
  // Reading the schema is the first access to the file's content: a file that
  // is not SQLite fails here with SQLITE_NOTADB.
  auto tables = db.query_int("SELECT count(*) FROM sqlite_master", "reading " + path);
  if (!tables) {
    Error e = tables.error();
    if (e.code == ErrorCode::kCorrupt)
      e.message = path + " is not a codeloom feedback DB: it is not a SQLite database or it is damaged (" +
                  e.message + ")";
    return e;
  }
  auto app_id = db.query_int("PRAGMA application_id", "reading " + path);
  if (!app_id) return app_id.error();
  auto version = db.query_int("PRAGMA user_version", "reading " + path);
  if (!version) return version.error();
  if (*app_id != kApplicationId) {
    if (*app_id == 0 && *tables == 0 && *version == 0) return 0;  // empty file: create
    return make_error(ErrorCode::kCorrupt,
                      path + " is a SQLite database of another program (application_id " + std::to_string(*app_id) +
                          ", " + std::to_string(*tables) +
                          " schema objects), not a codeloom feedback DB; choose another path");
  }
  if (*version > kSchemaVersion)
    return make_error(ErrorCode::kUnsupported,
                      path + " was written by a newer codeloom (feedback schema v" + std::to_string(*version) +
                          ", this build reads up to v" + std::to_string(kSchemaVersion) + "); upgrade codeloom");
  if (*version < 1)
    return make_error(ErrorCode::kCorrupt, path + " is marked as a codeloom feedback DB but has no schema version");
  return static_cast<int>(*version);
}

Status migrate(sql::Db& db, const std::string& path, int target_version) {
  // IMMEDIATE: take the write lock before reading the version, so two
  // processes opening an old file at once cannot both migrate it.
  if (auto s = db.exec("BEGIN IMMEDIATE", "locking " + path + " to migrate it"); !s) return s;
  auto fail = [&](Status s) {
    (void)db.exec("ROLLBACK", "rollback");
    return s;
  };
  auto current = inspect(db, path);
  if (!current) return fail(current.error());
  for (int v = *current + 1; v <= target_version; ++v) {
    if (auto s = db.exec(kMigrations[v - 1], "migrating " + path + " to feedback schema v" + std::to_string(v)); !s)
      return fail(s);
  }
  if (*current < target_version) {
    const std::string set = "PRAGMA user_version = " + std::to_string(target_version);
    if (auto s = db.exec(set.c_str(), "writing the schema version of " + path); !s) return fail(s);
  }
  if (auto s = db.exec("COMMIT", "committing the migration of " + path); !s) return fail(s);
  return Status::Ok();
}

}  // namespace codeloom::feedback::schema
