// Schema of the feedback DB: identification (PRAGMA application_id), version
// (PRAGMA user_version) and ordered migrations v0 -> kSchemaVersion.
#pragma once

#include <string>

#include "codeloom/common/status.h"
#include "codeloom/sqlite/sqlite.h"

namespace codeloom::feedback {
namespace sql = codeloom::sqlite;  // the shared SQLite wrapper (src/sqlite/)
}  // namespace codeloom::feedback

namespace codeloom::feedback::schema {

// "Clfb": marks a SQLite file as a codeloom feedback DB.
inline constexpr std::int64_t kApplicationId = 0x436C6662;

// Checks that `db` is empty or a codeloom feedback DB no newer than this
// build; returns its current version (0 for an empty file).
Result<int> inspect(sql::Db& db, const std::string& path);

// Applies the missing migrations in one transaction (all or nothing).
Status migrate(sql::Db& db, const std::string& path, int target_version);

}  // namespace codeloom::feedback::schema
