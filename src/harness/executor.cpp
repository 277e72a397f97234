#include "codeloom/harness/executor.h"

#include <condition_variable>
#include <mutex>

#include "codeloom/common/log.h"

namespace codeloom::harness {

Result<std::unique_ptr<Executor>> Executor::create(ExecutorOptions options) {
  std::unique_ptr<Executor> ex(new Executor());
  sandbox::SandboxOptions so = options.sandbox;
  if (options.calibrate) {
    auto calibrated = sandbox::calibrated_options(so, &ex->calibration_);
    if (!calibrated) return calibrated.error();
    so = *calibrated;
    CODELOOM_LOG(kInfo, "harness: timeout scale " << so.timeout_scale);
  }
  auto sb = sandbox::Sandbox::create(so);
  if (!sb) return sb.error();
  ex->sandbox_ = std::move(*sb);
  ex->pool_ = std::make_unique<sandbox::Pool>(*ex->sandbox_, sandbox::PoolOptions{options.workers});
  return ex;
}

Verdict judge_result(const Benchmark& bench, const Result<sandbox::JobResult>& result, const std::string& nonce) {
  if (!result) {
    Verdict v;
    v.status = CheckStatus::kError;
    v.detail = "sandbox: " + result.error().message;
    return v;
  }
  return bench.judge(*result, nonce);
}

void Executor::submit(const Benchmark& bench, const Check& check, std::function<void(Verdict)> done) {
  GradedJob g = bench.make_job(*check.problem, check.completion, JobContext{timeout_scale()});
  pool_->submit(std::move(g.job), [&bench, nonce = std::move(g.nonce), done = std::move(done)](
                                      Result<sandbox::JobResult> r) { done(judge_result(bench, r, nonce)); });
}

std::vector<Verdict> Executor::run(const Benchmark& bench, std::span<const Check> checks,
                                   const std::function<void(std::size_t)>& on_done) {
  std::vector<Verdict> out(checks.size());
  std::mutex mu;
  std::condition_variable cv;
  std::size_t remaining = checks.size();
  for (std::size_t i = 0; i < checks.size(); ++i) {
    submit(bench, checks[i], [&, i](Verdict v) {
      out[i] = std::move(v);
      if (on_done) on_done(i);
      std::lock_guard<std::mutex> lock(mu);
      if (--remaining == 0) cv.notify_all();
    });
  }
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return remaining == 0; });
  return out;
}

}  // namespace codeloom::harness
