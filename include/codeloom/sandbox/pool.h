// Runs sandbox jobs on N worker threads.
//
//   auto sb = codeloom::sandbox::Sandbox::create({});
//   codeloom::sandbox::Pool pool(**sb, {});          // N = hardware threads
//   auto fut = pool.submit(job);                       // std::future<Result<JobResult>>
//   pool.submit(job2, [](Result<JobResult> r) { ... }); // callback on a worker thread
//   std::vector<Result<JobResult>> all = pool.run_all(jobs);  // submission order
//
// Ownership: the Pool borrows the Sandbox, which must outlive it.
// Thread-safety: submit()/run_all() may be called from any thread. The
// destructor finishes running jobs and resolves queued ones with kCancelled.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::sandbox {

class Sandbox;

struct PoolOptions {
  int workers = 0;  // 0 = std::thread::hardware_concurrency()
};

class Pool {
 public:
  using Callback = std::function<void(Result<JobResult>)>;

  Pool(const Sandbox& sandbox, PoolOptions options);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  std::future<Result<JobResult>> submit(Job job);
  // The callback runs on a worker thread; it must not throw.
  void submit(Job job, Callback on_done);
  // Runs all jobs concurrently; results in the order of `jobs`.
  std::vector<Result<JobResult>> run_all(std::vector<Job> jobs);

  int workers() const { return static_cast<int>(threads_.size()); }

 private:
  struct Task {
    Job job;
    Callback on_done;
  };
  void worker_loop();

  const Sandbox& sandbox_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;  // guarded by mu_
  bool stopping_ = false;   // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace codeloom::sandbox
