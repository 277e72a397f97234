// Round trips, rejection rules, concurrent writers and the read queries.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "codeloom/feedback/store.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

CompletionRecord completion(const std::string& id, const std::string& user, const std::string& model, int n = 2,
                            std::int64_t created = 1000) {
  CompletionRecord c;
  c.id = id;
  c.user_id = user;
  c.model = model;
  c.endpoint = "/v1/completions";
  c.prompt_hash = "sha256:" + id;
  c.language = "python";
  c.params_json = R"({"temperature":0.2,"n":2})";
  for (int i = 0; i < n; ++i) c.candidates.push_back("cand " + std::to_string(i) + " \"quoted\"\n\xc3\xa9");
  c.created_ms = created;
  c.latency_ms = 42;
  return c;
}

FeedbackEvent event(const std::string& cid, EventType t, int idx = -1) {
  FeedbackEvent e;
  e.completion_id = cid;
  e.type = t;
  e.candidate_index = idx;
  return e;
}

std::unique_ptr<Store> open_store(const std::string& path, std::int64_t clock = 5000) {
  StoreOptions o;
  o.path = path;
  o.now_ms = [clock] { return clock; };
  auto s = Store::open(o);
  EXPECT_TRUE(s) << s.error().message;
  return s ? std::move(*s) : nullptr;
}

TEST(FeedbackStore, ParsesEventTypes) {
  EXPECT_EQ(parse_event_type("shown"), EventType::kShown);
  EXPECT_EQ(parse_event_type("accepted"), EventType::kAccepted);
  EXPECT_EQ(parse_event_type("rejected"), EventType::kRejected);
  EXPECT_EQ(parse_event_type("edited"), EventType::kEditedAfterAccept);
  EXPECT_EQ(parse_event_type("edited_after_accept"), EventType::kEditedAfterAccept);
  EXPECT_FALSE(parse_event_type("Accepted"));
  EXPECT_FALSE(parse_event_type(""));
  for (auto t : {EventType::kShown, EventType::kAccepted, EventType::kRejected, EventType::kEditedAfterAccept})
    EXPECT_EQ(parse_event_type(event_type_name(t)), t);
}

TEST(FeedbackStore, RoundTripsCompletionsAndEvents) {
  testing::TempDir dir;
  auto store = open_store(dir.file("fb.db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->schema_version(), kSchemaVersion);
  const CompletionRecord c = completion("cmpl-a", "alice", "m1", 3);
  ASSERT_TRUE(store->record_completion(c));
  auto got = store->get_completion("cmpl-a");
  ASSERT_TRUE(got && got->has_value());
  EXPECT_EQ((*got)->candidates, c.candidates);
  EXPECT_EQ((*got)->params_json, c.params_json);
  EXPECT_EQ((*got)->latency_ms, 42);
  EXPECT_FALSE(store->get_completion("nope")->has_value());

  FeedbackEvent acc = event("cmpl-a", EventType::kAccepted, 2);
  acc.accepted_text = c.candidates[2];
  acc.client_ms = 4000;
  auto id1 = store->record_event(event("cmpl-a", EventType::kShown));
  auto id2 = store->record_event(acc);
  ASSERT_TRUE(id1 && id2) << (id1 ? id2.error().message : id1.error().message);
  EXPECT_LT(*id1, *id2);
  auto evs = store->events({.user_id = "alice"});
  ASSERT_TRUE(evs);
  ASSERT_EQ(evs->size(), 2u);
  const JoinedEvent& newest = (*evs)[0];  // same server_ms: higher id first
  EXPECT_EQ(newest.event_id, *id2);
  EXPECT_EQ(newest.event.type, EventType::kAccepted);
  EXPECT_EQ(newest.event.user_id, "alice");  // inherited from the completion
  EXPECT_EQ(newest.event.server_ms, 5000);   // from the injected clock
  EXPECT_EQ(newest.event.client_ms, 4000);
  EXPECT_EQ(newest.event.accepted_text, c.candidates[2]);
  EXPECT_EQ(newest.completion.model, "m1");
  EXPECT_TRUE(store->events({.user_id = "bob"})->empty());
  EXPECT_TRUE(store->check_integrity());
}

TEST(FeedbackStore, RejectsOrphansBadIndexesAndDuplicates) {
  testing::TempDir dir;
  auto store = open_store(dir.file("fb.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->record_completion(completion("c1", "u", "m", 2)));

  auto orphan = store->record_event(event("missing", EventType::kShown));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);
  EXPECT_NE(orphan.error().message.find("missing"), std::string::npos);

  auto idx = store->record_event(event("c1", EventType::kAccepted, 2));
  ASSERT_FALSE(idx);
  EXPECT_EQ(idx.error().code, ErrorCode::kOutOfRange);
  EXPECT_FALSE(store->record_event(event("c1", EventType::kAccepted, -2)));
  EXPECT_TRUE(store->record_event(event("c1", EventType::kAccepted, 1)));

  auto empty = store->record_event(event("", EventType::kShown));
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);

  Status dup = store->record_completion(completion("c1", "u", "m"));
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(dup.error().message.find("already recorded"), std::string::npos);
  EXPECT_FALSE(store->record_completion(completion("", "u", "m")));

  EXPECT_EQ(*store->count_events(), 1);  // only the valid accept was stored
}

TEST(FeedbackStore, ConcurrentWritersAllCommittedWithUniqueIds) {
  testing::TempDir dir;
  StoreOptions o;
  o.path = dir.file("fb.db");
  o.synchronous = Synchronous::kNormal;  // this test is about concurrency, not fsync
  auto opened = Store::open(o);
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = **opened;
  constexpr int kThreads = 8, kPerThread = 150;
  std::vector<std::vector<std::int64_t>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string cid = "c" + std::to_string(t);
      ASSERT_TRUE(store.record_completion(completion(cid, "user" + std::to_string(t % 3), "m", 1)));
      for (int i = 0; i < kPerThread; ++i) {
        // A rejected write in the middle of a batch must not affect the others.
        if (i % 50 == 0) {
          EXPECT_FALSE(store.record_event(event("orphan", EventType::kShown)));
        }
        auto id = store.record_event(event(cid, i % 2 ? EventType::kShown : EventType::kRejected));
        ASSERT_TRUE(id) << id.error().message;
        ids[t].push_back(*id);
        // Acknowledged means visible to readers.
        if (i % 37 == 0) {
          EXPECT_GE(*store.count_events(), 1);
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::int64_t> all;
  for (const auto& v : ids) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(*store.count_events(), kThreads * kPerThread);
  EXPECT_EQ(*store.count_events(EventType::kShown), kThreads * kPerThread / 2);
}

TEST(FeedbackStore, StatsCountTypesAndAcceptanceRates) {
  testing::TempDir dir;
  auto store = open_store(dir.file("fb.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->record_completion(completion("a1", "alice", "m1")));
  ASSERT_TRUE(store->record_completion(completion("a2", "alice", "m1")));
  ASSERT_TRUE(store->record_completion(completion("b1", "bob", "m2")));
  ASSERT_TRUE(store->record_completion(completion("b2", "bob", "m2")));  // never shown
  for (auto [cid, t, idx] : std::vector<std::tuple<const char*, EventType, int>>{
           {"a1", EventType::kShown, -1},
           {"a1", EventType::kAccepted, 0},
           {"a1", EventType::kEditedAfterAccept, 0},
           {"a2", EventType::kShown, -1},
           {"a2", EventType::kRejected, -1},
           {"b1", EventType::kAccepted, 1}}) {  // accepted without a shown event still counts as shown
    ASSERT_TRUE(store->record_event(event(cid, t, idx)));
  }
  auto s = store->stats();
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->schema_version, kSchemaVersion);
  EXPECT_EQ(s->completions, 4);
  EXPECT_EQ(s->events, 6);
  EXPECT_EQ(s->events_by_type.at(EventType::kShown), 2);
  EXPECT_EQ(s->events_by_type.at(EventType::kAccepted), 2);
  EXPECT_EQ(s->events_by_type.at(EventType::kRejected), 1);
  EXPECT_EQ(s->events_by_type.at(EventType::kEditedAfterAccept), 1);
  ASSERT_EQ(s->by_model.size(), 2u);
  EXPECT_EQ(s->by_model[0].key, "m1");
  EXPECT_EQ(s->by_model[0].completions, 2);
  EXPECT_EQ(s->by_model[0].shown, 2);
  EXPECT_EQ(s->by_model[0].accepted, 1);
  EXPECT_DOUBLE_EQ(s->by_model[0].acceptance_rate(), 0.5);
  EXPECT_EQ(s->by_model[1].shown, 1);
  EXPECT_DOUBLE_EQ(s->by_model[1].acceptance_rate(), 1.0);
  ASSERT_EQ(s->by_user.size(), 2u);
  EXPECT_EQ(s->by_user[1].key, "bob");
  EXPECT_EQ(s->by_user[1].completions, 2);
}

TEST(FeedbackStore, ForEachCompletionGroupsEventsInOrder) {
  testing::TempDir dir;
  auto store = open_store(dir.file("fb.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->record_completion(completion("late", "u", "m", 1, 2000)));
  ASSERT_TRUE(store->record_completion(completion("early", "u", "m", 1, 1000)));
  ASSERT_TRUE(store->record_completion(completion("none", "u", "m", 1, 1500)));
  ASSERT_TRUE(store->record_event(event("late", EventType::kShown)));
  ASSERT_TRUE(store->record_event(event("early", EventType::kShown)));
  ASSERT_TRUE(store->record_event(event("late", EventType::kRejected)));
  std::vector<std::string> seen;
  std::vector<std::size_t> counts;
  ASSERT_TRUE(store->for_each_completion([&](const CompletionRecord& c, const std::vector<JoinedEvent>& evs) {
    seen.push_back(c.id);
    counts.push_back(evs.size());
    for (const auto& e : evs) EXPECT_EQ(e.event.completion_id, c.id);
    return true;
  }));
  EXPECT_EQ(seen, (std::vector<std::string>{"early", "none", "late"}));
  EXPECT_EQ(counts, (std::vector<std::size_t>{1, 0, 2}));
  int calls = 0;
  ASSERT_TRUE(store->for_each_completion([&](const auto&, const auto&) { return ++calls < 2; }));
  EXPECT_EQ(calls, 2);  // stopped early
}

TEST(FeedbackStore, DataSurvivesReopenAndReadOnlyRejectsWrites) {
  testing::TempDir dir;
  const std::string path = dir.file("fb.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->record_completion(completion("c", "u", "m")));
    ASSERT_TRUE(store->record_event(event("c", EventType::kShown)));
  }
  StoreOptions o;
  o.path = path;
  o.read_only = true;
  auto ro = Store::open(o);
  ASSERT_TRUE(ro) << ro.error().message;
  EXPECT_EQ(*(*ro)->count_events(), 1);
  Status w = (*ro)->record_completion(completion("d", "u", "m"));
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().code, ErrorCode::kUnsupported);
  // A second writer on the same file (e.g. the CLI next to the server) works too.
  auto again = open_store(path);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->record_event(event("c", EventType::kRejected)));
  EXPECT_EQ(*(*ro)->count_events(), 2);  // the read-only store sees the other writer's commit
}

}  // namespace
}  // namespace codeloom::feedback
