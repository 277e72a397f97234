// Bad files and places: each gives a clear error code and message, never a crash.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <fstream>

#include "codeloom/feedback/store.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

Error open_error(const std::string& path, bool read_only = false) {
  StoreOptions o;
  o.path = path;
  o.read_only = read_only;
  auto s = Store::open(o);
  EXPECT_FALSE(s) << path << " opened unexpectedly";
  return s ? Error{} : s.error();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

void sqlite_exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// A valid store with some rows, closed (checkpointed into the main file).
void make_store(const std::string& path, int events) {
  auto s = Store::open({.path = path, .synchronous = Synchronous::kNormal});
  ASSERT_TRUE(s) << s.error().message;
  CompletionRecord c{.id = "c", .candidates = {"x"}};
  ASSERT_TRUE((*s)->record_completion(c));
  for (int i = 0; i < events; ++i)
    ASSERT_TRUE((*s)->record_event({.completion_id = "c", .accepted_text = std::string(200, 'a' + i % 26)}));
}

TEST(FeedbackOpen, RejectsPathsThatCannotHoldADb) {
  EXPECT_EQ(open_error("").code, ErrorCode::kInvalidArgument);
  testing::TempDir dir;
  Error d = open_error(dir.path().string());
  EXPECT_EQ(d.code, ErrorCode::kInvalidArgument);
  EXPECT_NE(d.message.find("is a directory"), std::string::npos);
  Error m = open_error(dir.file("no/such/dir/fb.db"));
  EXPECT_EQ(m.code, ErrorCode::kNotFound);
  EXPECT_NE(m.message.find("does not exist"), std::string::npos);
  EXPECT_EQ(open_error(dir.file("absent.db"), /*read_only=*/true).code, ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.file("absent.db")));  // read-only never creates
}

TEST(FeedbackOpen, ReadOnlyFilesystemGivesIoError) {
  // procfs refuses new files even to root, so this runs under any uid.
  Error e = open_error("/proc/codeloom-feedback-test.db");
  EXPECT_EQ(e.code, ErrorCode::kIo);
  EXPECT_NE(e.message.find("/proc/codeloom-feedback-test.db"), std::string::npos) << e.message;
}

TEST(FeedbackOpen, ReadOnlyDirectoryGivesIoError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions (ReadOnlyFilesystemGivesIoError covers it)";
  testing::TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  EXPECT_EQ(open_error(dir.file("fb.db")).code, ErrorCode::kIo);
}

TEST(FeedbackOpen, NonSqliteFileIsCorrupt) {
  testing::TempDir dir;
  const std::string path = dir.file("notes.txt");
  std::string text = "this is a text file, not a database\n";
  text.append(4096, 'x');
  write_file(path, text);
  Error e = open_error(path);
  EXPECT_EQ(e.code, ErrorCode::kCorrupt);
  EXPECT_NE(e.message.find("not a codeloom feedback DB"), std::string::npos) << e.message;
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  EXPECT_EQ(first, "this is a text file, not a database");  // untouched
}

TEST(FeedbackOpen, EmptyFileBecomesANewStore) {
  testing::TempDir dir;
  const std::string path = dir.file("empty.db");
  write_file(path, "");
  auto s = Store::open({.path = path});
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(*(*s)->schema_version(), kSchemaVersion);
}

TEST(FeedbackOpen, OtherProgramsSqliteDbIsRefusedUnchanged) {
  testing::TempDir dir;
  const std::string path = dir.file("other.db");
  sqlite_exec(path, "CREATE TABLE users(name TEXT); INSERT INTO users VALUES ('x');");
  Error e = open_error(path);
  EXPECT_EQ(e.code, ErrorCode::kCorrupt);
  EXPECT_NE(e.message.find("another program"), std::string::npos) << e.message;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "delete");  // not switched to WAL
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(FeedbackOpen, NewerSchemaVersionIsUnsupported) {
  testing::TempDir dir;
  const std::string path = dir.file("future.db");
  make_store(path, 1);
  sqlite_exec(path, "PRAGMA user_version = 99");
  Error e = open_error(path);
  EXPECT_EQ(e.code, ErrorCode::kUnsupported);
  EXPECT_NE(e.message.find("newer codeloom"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("v99"), std::string::npos) << e.message;
  EXPECT_EQ(open_error(path, /*read_only=*/true).code, ErrorCode::kUnsupported);
}

TEST(FeedbackOpen, DamagedSchemaPageIsCorrupt) {
  testing::TempDir dir;
  const std::string path = dir.file("damaged.db");
  make_store(path, 10);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);  // page 1 after the file header: the b-tree of sqlite_master
    const std::string junk(1000, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  Error e = open_error(path);
  EXPECT_EQ(e.code, ErrorCode::kCorrupt) << e.message;
  EXPECT_NE(e.message.find(path), std::string::npos) << e.message;
}

TEST(FeedbackOpen, DamagedDataPagesFailIntegrityCheckWithoutCrashing) {
  testing::TempDir dir;
  const std::string path = dir.file("damaged.db");
  make_store(path, 200);  // several pages of events
  const auto size = std::filesystem::file_size(path);
  ASSERT_GT(size, 8u * 4096u);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    for (std::uintmax_t off = 2 * 4096; off + 4096 <= size; off += 4096) {
      f.seekp(static_cast<std::streamoff>(off));
      const std::string junk(4096, '\x5A');
      f.write(junk.data(), 4096);
    }
  }
  auto s = Store::open({.path = path});
  if (!s) {
    EXPECT_EQ(s.error().code, ErrorCode::kCorrupt) << s.error().message;
    return;
  }
  Status check = (*s)->check_integrity();
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(check.error().message.find("integrity_check"), std::string::npos);
  auto n = (*s)->count_events();  // may fail or not, but must not crash
  if (!n) {
    EXPECT_EQ(n.error().code, ErrorCode::kCorrupt) << n.error().message;
  }
  auto st = (*s)->stats();
  if (!st) {
    EXPECT_EQ(st.error().code, ErrorCode::kCorrupt) << st.error().message;
  }
}

TEST(FeedbackOpen, TruncatedFileIsCorrupt) {
  testing::TempDir dir;
  const std::string path = dir.file("truncated.db");
  make_store(path, 200);
  std::filesystem::resize_file(path, 3 * 4096 + 17);
  auto s = Store::open({.path = path});
  if (!s) {
    EXPECT_EQ(s.error().code, ErrorCode::kCorrupt) << s.error().message;
    return;
  }
  Status check = (*s)->check_integrity();
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().code, ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace codeloom::feedback
