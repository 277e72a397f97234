// tests/data/feedback/v1.db was written by feedback schema v1 (make_v1.sql):
// opening a copy migrates it to the current version with its data intact.
#include <gtest/gtest.h>

#include "codeloom/feedback/store.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

TEST(FeedbackMigration, OpensAndMigratesV1File) {
  testing::TempDir dir;
  const std::string path = dir.file("v1.db");
  std::filesystem::copy_file(std::string(CODELOOM_TEST_DATA_DIR) + "/feedback/v1.db", path);

  {  // read-only cannot migrate: a clear error, the file stays v1
    StoreOptions ro;
    ro.path = path;
    ro.read_only = true;
    auto s = Store::open(ro);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(s.error().message.find("v1"), std::string::npos) << s.error().message;
  }

  auto opened = Store::open({.path = path});
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = **opened;
  EXPECT_EQ(*store.schema_version(), kSchemaVersion);
  EXPECT_TRUE(store.check_integrity());

  auto c2 = store.get_completion("cmpl-2");
  ASSERT_TRUE(c2 && c2->has_value());
  EXPECT_EQ((*c2)->candidates, (std::vector<std::string>{"i++;", "i += 1;", "++i;"}));
  EXPECT_EQ((*c2)->endpoint, "/infill");
  EXPECT_EQ((*c2)->latency_ms, 95);

  auto stats = store.stats();
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->completions, 3);
  EXPECT_EQ(stats->events, 6);
  EXPECT_EQ(stats->events_by_type.at(EventType::kShown), 3);
  EXPECT_EQ(stats->events_by_type.at(EventType::kEditedAfterAccept), 1);

  auto alice = store.events({.user_id = "alice"});
  ASSERT_TRUE(alice);
  ASSERT_EQ(alice->size(), 4u);
  // Newest first: the edit of cmpl-1, then cmpl-3 shown.
  EXPECT_EQ((*alice)[0].event.type, EventType::kEditedAfterAccept);
  EXPECT_EQ((*alice)[0].event.edited_text, "return b + a  # sum");
  EXPECT_EQ((*alice)[0].completion.model, "qwen2.5-coder-0.5b");
  EXPECT_EQ((*alice)[1].event.type, EventType::kShown);
  EXPECT_EQ((*alice)[1].completion.model, "starcoder2-3b");

  // v2's backfilled n_candidates drives the candidate_index check on old rows.
  EXPECT_TRUE(store.record_event({.completion_id = "cmpl-2", .type = EventType::kAccepted, .candidate_index = 2}));
  auto bad = store.record_event({.completion_id = "cmpl-2", .type = EventType::kAccepted, .candidate_index = 3});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kOutOfRange);
  auto next = store.record_event({.completion_id = "cmpl-3", .type = EventType::kRejected});
  ASSERT_TRUE(next);
  EXPECT_GT(*next, 6);  // AUTOINCREMENT continues after the v1 rows
}

TEST(FeedbackMigration, MigratedFileReopensWithoutChanges) {
  testing::TempDir dir;
  const std::string path = dir.file("v1.db");
  std::filesystem::copy_file(std::string(CODELOOM_TEST_DATA_DIR) + "/feedback/v1.db", path);
  { ASSERT_TRUE(Store::open({.path = path})); }
  StoreOptions ro;
  ro.path = path;
  ro.read_only = true;
  auto again = Store::open(ro);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*(*again)->count_events(), 6);
}

}  // namespace
}  // namespace codeloom::feedback
