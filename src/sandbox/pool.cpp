#include "codeloom/sandbox/pool.h"

#include <memory>

#include "codeloom/sandbox/sandbox.h"

namespace codeloom::sandbox {

Pool::Pool(const Sandbox& sandbox, PoolOptions options) : sandbox_(sandbox) {
  int n = options.workers > 0 ? options.workers : static_cast<int>(std::thread::hardware_concurrency());
  if (n <= 0) n = 1;
  threads_.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { worker_loop(); });
}

Pool::~Pool() {
  std::deque<Task> cancelled;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    cancelled.swap(queue_);
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
  for (Task& t : cancelled) {
    t.on_done(make_error(ErrorCode::kCancelled, "sandbox pool shut down before the job started"));
  }
}

void Pool::submit(Job job, Callback on_done) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(Task{std::move(job), std::move(on_done)});
  }
  cv_.notify_one();
}

std::future<Result<JobResult>> Pool::submit(Job job) {
  auto promise = std::make_shared<std::promise<Result<JobResult>>>();
  std::future<Result<JobResult>> fut = promise->get_future();
  submit(std::move(job), [promise](Result<JobResult> r) { promise->set_value(std::move(r)); });
  return fut;
}

std::vector<Result<JobResult>> Pool::run_all(std::vector<Job> jobs) {
  std::vector<std::future<Result<JobResult>>> futures;
  futures.reserve(jobs.size());
  for (Job& j : jobs) futures.push_back(submit(std::move(j)));
  std::vector<Result<JobResult>> out;
  out.reserve(futures.size());
  for (auto& f : futures) out.push_back(f.get());
  return out;
}

void Pool::worker_loop() {
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;  // queued tasks are cancelled by the destructor
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    Result<JobResult> r = make_error(ErrorCode::kInternal, "sandbox job threw an exception");
    try {
      r = sandbox_.run(task.job);
    } catch (const std::exception& e) {  // e.g. bad_alloc: end this job, not the pool
      r = make_error(ErrorCode::kInternal, std::string("sandbox job failed: ") + e.what());
    }
    task.on_done(std::move(r));
  }
}

}  // namespace codeloom::sandbox
