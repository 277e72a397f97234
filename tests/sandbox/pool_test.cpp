// Pool: order, callbacks, real concurrency, thread-safe submission, shutdown.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "codeloom/sandbox/pool.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

using Clock = std::chrono::steady_clock;

TEST(SandboxPool, ResultsInSubmissionOrder) {
  Pool pool(testing::shared_sandbox(), PoolOptions{2});
  EXPECT_EQ(pool.workers(), 2);
  std::vector<Job> jobs;
  // Earlier jobs sleep longer, so completion order differs from submission order.
  for (int i = 0; i < 6; ++i) {
    jobs.push_back(testing::python_job("import time\ntime.sleep(" + std::to_string(0.05 * (6 - i)) +
                                       ")\nprint(" + std::to_string(i) + ")\n"));
  }
  std::vector<Result<JobResult>> r = pool.run_all(jobs);
  ASSERT_EQ(r.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    ASSERT_TRUE(r[static_cast<size_t>(i)]);
    EXPECT_EQ(r[static_cast<size_t>(i)]->stdout_data, std::to_string(i) + "\n");
  }
}

TEST(SandboxPool, RunsJobsConcurrently) {
  Pool pool(testing::shared_sandbox(), PoolOptions{2});
  std::vector<Job> jobs(4, testing::python_job("import time\ntime.sleep(1.0)\n"));
  auto t0 = Clock::now();
  std::vector<Result<JobResult>> r = pool.run_all(jobs);
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  for (const auto& x : r) EXPECT_EQ(x->outcome, Outcome::kPass);
  // Serial would be >= 4 s; two workers need ~2 s plus start-up (generous
  // margin: the build machine is shared and loaded).
  EXPECT_LT(secs, 3.6);
  EXPECT_GE(secs, 2.0);
}

TEST(SandboxPool, CallbacksFromManyThreads) {
  Pool pool(testing::shared_sandbox(), PoolOptions{2});
  std::atomic<int> passed{0}, done{0};
  std::vector<std::thread> submitters;
  for (int t = 0; t < 4; ++t) {
    submitters.emplace_back([&, t] {
      for (int i = 0; i < 3; ++i) {
        pool.submit(testing::python_job("print(" + std::to_string(t * 10 + i) + ")"), [&](Result<JobResult> r) {
          if (r && r->outcome == Outcome::kPass) ++passed;
          ++done;
        });
      }
    });
  }
  for (auto& s : submitters) s.join();
  auto deadline = Clock::now() + std::chrono::seconds(30);
  while (done.load() < 12 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(done.load(), 12);
  EXPECT_EQ(passed.load(), 12);
}

TEST(SandboxPool, ShutdownCancelsQueuedJobs) {
  std::vector<std::future<Result<JobResult>>> futures;
  {
    Pool pool(testing::shared_sandbox(), PoolOptions{1});
    for (int i = 0; i < 5; ++i) futures.push_back(pool.submit(testing::python_job("import time\ntime.sleep(0.3)")));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  int cancelled = 0, finished = 0;
  for (auto& f : futures) {
    Result<JobResult> r = f.get();
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
      ++cancelled;
    } else {
      EXPECT_EQ(r->outcome, Outcome::kPass);
      ++finished;
    }
  }
  EXPECT_GE(finished, 1);  // the running job completes
  EXPECT_GE(cancelled, 3);
}

}  // namespace
}  // namespace codeloom::sandbox
