// The shared SQLite wrapper (include/codeloom/sqlite/sqlite.h): statements
// round-trip values, and SQLite's failures map to codeloom errors a user can act on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "codeloom/sqlite/sqlite.h"

namespace codeloom::sqlite {
namespace {

std::string scratch(const std::string& name) {
  const auto dir = std::filesystem::path(CODELOOM_BINARY_DIR) / "sqlite-test";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / name);
  return (dir / name).string();
}

TEST(Sqlite, StatementsRoundTripTextIntegersAndNull) {
  auto db = Db::open(scratch("rt.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db) << db.error().message;
  ASSERT_TRUE(db->exec("CREATE TABLE t(k TEXT, v INTEGER, n TEXT)", "create").ok());
  auto ins = Stmt::prepare(db->get(), "INSERT INTO t(k, v) VALUES (?, ?)");
  ASSERT_TRUE(ins);
  ASSERT_TRUE(ins->bind(1, std::string_view("a\0b", 3)).bind(2, std::int64_t{1} << 40).run("insert").ok());
  auto sel = Stmt::prepare(db->get(), "SELECT k, v, n FROM t");
  ASSERT_TRUE(sel);
  auto row = sel->step("select");
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(sel->text(0), std::string("a\0b", 3));
  EXPECT_EQ(sel->int64(1), std::int64_t{1} << 40);
  EXPECT_TRUE(sel->is_null(2));
  row = sel->step("select");
  ASSERT_TRUE(row);
  EXPECT_FALSE(*row);
  auto count = db->query_int("SELECT count(*) FROM t", "count");
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 1);
}

TEST(Sqlite, ANonDatabaseFileIsCorrupt) {
  const std::string path = scratch("not-a-db.db");
  std::ofstream(path) << std::string(4096, 'x');
  auto db = Db::open(path, SQLITE_OPEN_READWRITE);
  Status s = db ? db->exec("SELECT * FROM sqlite_master", "read schema") : Status(db.error());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt) << s.error().message;
  EXPECT_NE(s.error().message.find("not a SQLite database"), std::string::npos) << s.error().message;
}

TEST(Sqlite, ConstraintViolationIsInvalidArgumentAndSyntaxErrorsSayWhat) {
  auto db = Db::open(scratch("c.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->exec("CREATE TABLE u(k TEXT PRIMARY KEY)", "create").ok());
  ASSERT_TRUE(db->exec("INSERT INTO u VALUES ('x')", "insert").ok());
  Status dup = db->exec("INSERT INTO u VALUES ('x')", "insert again");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidArgument) << dup.error().message;
  auto bad = Stmt::prepare(db->get(), "SELEKT 1");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("syntax error"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace codeloom::sqlite
