// Test helper for durability_test: writes feedback from several threads and
// prints each id to stdout only after the store acknowledged it, until killed.
//   feedback_crash_writer DB full|normal THREADS ROUND
// Output lines: "C <completion id>" and "E <event row id>", flushed one by one.
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "codeloom/feedback/store.h"

int main(int argc, char** argv) {
  using namespace codeloom::feedback;
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s DB full|normal THREADS ROUND\n", argv[0]);
    return 2;
  }
  StoreOptions o;
  o.path = argv[1];
  o.synchronous = std::string(argv[2]) == "normal" ? Synchronous::kNormal : Synchronous::kFull;
  const int threads = std::atoi(argv[3]);
  const std::string round = argv[4];
  auto store = Store::open(o);
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.error().message.c_str());
    return 1;
  }
  std::mutex out_mu;
  auto say = [&](const std::string& line) {
    std::lock_guard lock(out_mu);
    std::fputs(line.c_str(), stdout);
    std::fflush(stdout);
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::string cid = "r" + round + "-t" + std::to_string(t);
      CompletionRecord c{.id = cid, .user_id = "u" + std::to_string(t), .model = "m", .candidates = {"a", "b"}};
      if (codeloom::Status s = (*store)->record_completion(c); !s) {
        std::fprintf(stderr, "completion: %s\n", s.error().message.c_str());
        std::_Exit(1);
      }
      say("C " + cid + "\n");
      for (long i = 0;; ++i) {
        FeedbackEvent e{.completion_id = cid, .type = i % 3 == 0 ? EventType::kShown : EventType::kAccepted,
                        .candidate_index = static_cast<int>(i % 2), .accepted_text = std::string(64, 'x')};
        auto id = (*store)->record_event(e);
        if (!id) {
          std::fprintf(stderr, "event: %s\n", id.error().message.c_str());
          std::_Exit(1);
        }
        say("E " + std::to_string(*id) + "\n");
      }
    });
  }
  for (auto& th : pool) th.join();  // never reached: the parent kills us
  return 0;
}
