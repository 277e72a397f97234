// Lock contention with another process's connection and odd text: the store
// reports kIo after busy_timeout_ms, recovers once the lock is gone, and
// never throws on invalid UTF-8.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "codeloom/feedback/export.h"
#include "codeloom/feedback/store.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

// Another connection holding the write lock, as another process would.
class WriteLock {
 public:
  explicit WriteLock(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
  }
  ~WriteLock() {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST(FeedbackContention, LockedDatabaseGivesIoErrorThenRecovers) {
  testing::TempDir dir;
  const std::string path = dir.file("fb.db");
  StoreOptions o{.path = path, .synchronous = Synchronous::kNormal, .busy_timeout_ms = 100};
  auto store = Store::open(o);
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->record_completion({.id = "c", .candidates = {"x"}}));
  {
    WriteLock lock(path);
    auto id = (*store)->record_event({.completion_id = "c"});
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().code, ErrorCode::kIo);
    EXPECT_NE(id.error().message.find("lock"), std::string::npos) << id.error().message;
    // Opening a current file does not need the write lock (e.g. the CLI beside a busy server)...
    auto other = Store::open(o);
    ASSERT_TRUE(other) << other.error().message;
    // ...but creating or migrating one does.
    const std::string fresh = dir.file("fresh.db");
    {
      WriteLock fresh_lock(fresh);
      auto created = Store::open({.path = fresh, .busy_timeout_ms = 100});
      ASSERT_FALSE(created);
      EXPECT_EQ(created.error().code, ErrorCode::kIo);
    }
    // Reads still work under a writer's lock (WAL).
    EXPECT_EQ(*(*store)->count_events(), 0);
  }
  auto id = (*store)->record_event({.completion_id = "c"});
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(*(*store)->count_events(), 1);
}

TEST(FeedbackContention, InvalidUtf8IsStoredAndExportedWithoutThrowing) {
  testing::TempDir dir;
  auto store = Store::open({.path = dir.file("fb.db"), .synchronous = Synchronous::kNormal});
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->record_completion({.id = "c\xff", .candidates = {"ok\xff", std::string("nul\0in", 6)}}));
  ASSERT_TRUE((*store)->record_event({.completion_id = "c\xff", .type = EventType::kAccepted,
                                      .candidate_index = 0, .accepted_text = "bad\xc3"}));
  auto c = (*store)->get_completion("c\xff");
  ASSERT_TRUE(c && c->has_value());
  EXPECT_EQ((*c)->candidates[0], "ok\xef\xbf\xbd");  // replaced by U+FFFD in the JSON column
  EXPECT_EQ((*c)->candidates[1], std::string("nul\0in", 6));
  std::ostringstream out;
  auto n = export_jsonl(**store, out);
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(*n, 1);
  EXPECT_NE(out.str().find("bad\xef\xbf\xbd"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace codeloom::feedback
