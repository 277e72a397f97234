// Runs completion checks in the sandbox: one sandbox::Pool, calibrated
// timeouts. The only way the harness executes code.
//
//   auto ex = harness::Executor::create({.workers = 2});
//   std::vector<harness::Check> checks = {{&problem, completion}};
//   std::vector<harness::Verdict> v = (*ex)->run(bench, checks);
//
// Ownership: the Executor owns its Sandbox and Pool. Thread-safety: run() and
// submit() may be called from any thread; callbacks run on pool threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/harness/benchmark.h"
#include "codeloom/sandbox/calibration.h"
#include "codeloom/sandbox/pool.h"
#include "codeloom/sandbox/sandbox.h"

namespace codeloom::harness {

struct ExecutorOptions {
  int workers = 0;          // 0 = hardware threads
  bool calibrate = true;    // lengthen timeouts on slow or loaded machines
  sandbox::SandboxOptions sandbox;
};

struct Check {
  const Problem* problem = nullptr;  // must outlive the check
  std::string completion;
};

class Executor {
 public:
  // Errors of Sandbox::create / calibration (e.g. kUnsupported isolation).
  static Result<std::unique_ptr<Executor>> create(ExecutorOptions options);

  // Blocks until all checks ran; verdicts in the order of `checks`.
  // on_done(i) runs (on a pool thread) as check i finishes.
  std::vector<Verdict> run(const Benchmark& bench, std::span<const Check> checks,
                           const std::function<void(std::size_t)>& on_done = {});
  // Asynchronous single check; `done` runs on a pool thread and must not throw.
  void submit(const Benchmark& bench, const Check& check, std::function<void(Verdict)> done);

  double timeout_scale() const { return sandbox_->timeout_scale(); }
  int workers() const { return pool_->workers(); }
  const sandbox::Calibration& calibration() const { return calibration_; }

 private:
  Executor() = default;
  std::unique_ptr<sandbox::Sandbox> sandbox_;
  std::unique_ptr<sandbox::Pool> pool_;
  sandbox::Calibration calibration_;
};

// The verdict for a finished (or failed-to-run) job; `nonce` is its GradedJob's.
Verdict judge_result(const Benchmark& bench, const Result<sandbox::JobResult>& result, const std::string& nonce);

}  // namespace codeloom::harness
