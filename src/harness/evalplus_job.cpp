#include "evalplus_job.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>

#include "grader_sources.h"
#include "grading.h"

namespace codeloom::harness::detail {

namespace {

std::string stderr_tail(const sandbox::JobResult& r) {
  const std::string& e = r.stderr_data;
  return e.size() <= 600 ? e : "..." + e.substr(e.size() - 600);
}

}  // namespace

GradedJob evalplus_job(EvalPlusDataset dataset, const Problem& problem, const std::string& completion,
                       const JobContext& context, std::chrono::milliseconds timeout) {
  GradedJob g;
  g.nonce = grading_nonce();
  sandbox::Job& job = g.job;
  job.language = sandbox::Language::kPython;
  // record.json and reference.py are read and removed by the grader before
  // the candidate loads: it can neither call the reference nor see the inputs.
  job.files = {{"main.py", std::string(kGrader_core) + kGrader_evalplus},
               {"record.json", problem.record_json},
               {"reference.py", problem.prompt + problem.canonical_solution},
               {"candidate.py", problem.prompt + completion}};
  job.stdin_data = g.nonce + "\n";
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.3f", context.timeout_scale < 1 ? 1.0 : context.timeout_scale);
  job.args = {dataset == EvalPlusDataset::kMbpp ? "mbpp" : "humaneval", scale};
  job.limits.wall_timeout = timeout;
  job.limits.cpu_seconds = static_cast<int>(timeout.count() / 1000) + 1;
  // EvalPlus allows the candidate 4 GB; here the expected outputs share the
  // process (Mbpp/255 holds two ~1.1 GB lists at once).
  job.limits.memory_bytes = 4096ull << 20;
  return g;
}

Verdict judge_evalplus(const sandbox::JobResult& r, const std::string& nonce) {
  Verdict v = verdict_from_outcome(r);
  std::optional<std::string> line = v.status == CheckStatus::kPass ? verdict_line(r, nonce) : std::nullopt;
  if (!line) {
    if (v.status == CheckStatus::kPass) {
      v.status = CheckStatus::kFail;
      v.detail = r.stderr_data.empty() ? "the grader finished without a verdict" : stderr_tail(r);
    }
    v.base_passed = false;
    return v;
  }
  if (*line == "error") {
    v.status = CheckStatus::kError;
    v.detail = stderr_tail(r);
    v.base_passed = false;
    return v;
  }
  nlohmann::json s = nlohmann::json::parse(*line, nullptr, false);
  if (s.is_discarded() || !s.is_object()) {
    v.status = CheckStatus::kError;
    v.detail = "unreadable runner summary";
    v.base_passed = false;
    return v;
  }
  v.base_passed = s.value("base", "") == "pass";
  const bool plus = s.value("plus", "") == "pass";
  if (v.status == CheckStatus::kPass || v.status == CheckStatus::kFail) v.status = plus && v.base_passed ? CheckStatus::kPass : CheckStatus::kFail;
  if (v.status != CheckStatus::kPass) v.detail = s.value("detail", v.detail);
  return v;
}

}  // namespace codeloom::harness::detail
