// Feedback store write throughput: N threads call record_event as fast as the
// store acknowledges (each call returns after its commit). Compares group
// commit (default) with one transaction per write (--max-batch 1).
//   feedback_throughput --writers 8 --seconds 3 --sync full [--max-batch 1] [--dir /tmp]
// Prints one JSON line: events/s, commits, mean batch size.
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "codeloom/feedback/store.h"

int main(int argc, char** argv) {
  using namespace codeloom::feedback;
  CLI::App app{"feedback store write throughput"};
  int writers = 1;
  double seconds = 3;
  std::string sync = "full", dir = std::filesystem::temp_directory_path().string();
  std::size_t max_batch = StoreOptions{}.max_batch;
  app.add_option("--writers", writers)->check(CLI::Range(1, 256));
  app.add_option("--seconds", seconds);
  app.add_option("--sync", sync)->check(CLI::IsMember({"full", "normal"}));
  app.add_option("--max-batch", max_batch)->check(CLI::Range(1, 1 << 20));
  app.add_option("--dir", dir, "where the temporary DB goes (its filesystem decides fsync cost)");
  CLI11_PARSE(app, argc, argv);

  std::string tmpl = (std::filesystem::path(dir) / "codeloom-fb-bench-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    std::perror("mkdtemp");
    return 1;
  }
  int rc = 0;
  {
    StoreOptions o;
    o.path = tmpl + "/fb.db";
    o.synchronous = sync == "full" ? Synchronous::kFull : Synchronous::kNormal;
    o.max_batch = max_batch;
    auto store = Store::open(o);
    if (!store) {
      std::fprintf(stderr, "%s\n", store.error().message.c_str());
      return 1;
    }
    for (int t = 0; t < writers; ++t) {
      CompletionRecord c{.id = "c" + std::to_string(t), .user_id = "u" + std::to_string(t), .model = "m",
                         .candidates = {"return a + b", "return b + a"}};
      if (!(*store)->record_completion(c)) return 1;
    }
    const auto before = (*store)->write_stats();
    std::atomic<bool> stop{false};
    std::atomic<long> events{0}, failures{0};
    std::vector<std::thread> pool;
    const auto t0 = std::chrono::steady_clock::now();
    for (int t = 0; t < writers; ++t) {
      pool.emplace_back([&, t] {
        FeedbackEvent e{.completion_id = "c" + std::to_string(t), .type = EventType::kAccepted,
                        .candidate_index = 1, .accepted_text = "return b + a", .client_ms = 1};
        while (!stop.load(std::memory_order_relaxed)) {
          if ((*store)->record_event(e)) events.fetch_add(1);
          else failures.fetch_add(1);
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& th : pool) th.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto after = (*store)->write_stats();
    const long commits = after.commits - before.commits;
    std::printf(
        "{\"writers\":%d,\"sync\":\"%s\",\"max_batch\":%zu,\"seconds\":%.2f,\"events\":%ld,\"events_per_s\":%.0f,"
        "\"commits\":%ld,\"mean_batch\":%.2f,\"failures\":%ld}\n",
        writers, sync.c_str(), max_batch, elapsed, events.load(), events.load() / elapsed, commits,
        commits ? static_cast<double>(after.writes - before.writes) / commits : 0.0, failures.load());
    rc = failures.load() ? 1 : 0;
  }
  std::filesystem::remove_all(tmpl);
  return rc;
}
