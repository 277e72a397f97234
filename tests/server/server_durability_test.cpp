// Durability of /v1/feedback: clients send events while the server is killed
// with SIGKILL and restarted on the same database; every event answered 200
// must be in the database afterwards.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "codeloom/feedback/store.h"
#include "server_process.h"
#include "support/tiny_model.h"

namespace codeloom::testing {
namespace {

TEST(ServerDurability, AcknowledgedFeedbackSurvivesSigkill) {
  const std::string dir = make_temp_dir("codeloom-serve-durability");
  const std::string db = dir + "/feedback.db";
  const std::vector<std::string> args = {"--model", server_test_model(), "--slots", "1", "--feedback-db", db};
  std::string err;
  auto srv = ServerProcess::start(args, &err);
  ASSERT_NE(srv, nullptr) << err;
  auto c = post_json(srv->port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"user":"dura"})");
  ASSERT_EQ(c.status, 200) << c.body;
  const std::string id = c.json()["id"];

  std::mutex mu;
  std::set<std::string> acked;  // accepted_text markers answered 200
  std::atomic<int> port{srv->port()};
  std::atomic<bool> stop{false};
  std::atomic<int> seq{0};
  auto client = [&] {
    while (!stop) {
      const std::string marker = "edit-" + std::to_string(seq++);
      nlohmann::json ev = {{"completion_id", id}, {"event", "accepted"}, {"accepted_text", marker}};
      auto r = post_json(port.load(), "/v1/feedback", ev.dump());
      if (r.status == 200) {
        std::lock_guard lock(mu);
        acked.insert(marker);
      } else if (r.status == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // server down: retry later
      }
    }
  };
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) clients.emplace_back(client);
  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    EXPECT_EQ(srv->stop(SIGKILL), 128 + SIGKILL);
    srv = ServerProcess::start(args, &err);
    ASSERT_NE(srv, nullptr) << err;
    port = srv->port();
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  stop = true;
  for (auto& t : clients) t.join();
  srv->stop(SIGKILL);

  auto store = feedback::Store::open({.path = db, .read_only = true});
  ASSERT_TRUE(store) << store.error().message;
  auto events = (*store)->events({.limit = 0});
  ASSERT_TRUE(events) << events.error().message;
  std::set<std::string> stored;
  for (const auto& e : *events) stored.insert(e.event.accepted_text);
  std::printf("acknowledged events: %zu, stored: %zu\n", acked.size(), stored.size());
  EXPECT_GT(acked.size(), 20u);  // the load really ran
  std::size_t missing = 0;
  for (const auto& m : acked) missing += stored.count(m) == 0;
  EXPECT_EQ(missing, 0u) << "of " << acked.size() << " acknowledged events";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace codeloom::testing
