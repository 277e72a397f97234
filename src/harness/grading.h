// The grading protocol shared by all benchmarks (private to the harness; see
// docs/evaluation.md, "How a verdict is made, and why it cannot be forged").
// Each job gets a fresh nonce on stdin; only the trusted grader inside the
// job learns it (after the candidate can no longer reach it) and writes its
// verdict as the last stdout line "<nonce> <verdict>". Whatever else the job
// prints, or how it exits, cannot make a pass without that nonce.
#pragma once

#include <optional>
#include <string>

#include "codeloom/harness/benchmark.h"

namespace codeloom::harness::detail {

// 32 hex digits from the kernel's CSPRNG (getrandom). Aborts only if the
// kernel refuses randomness, which no supported Linux does.
std::string grading_nonce();

// The text after "<nonce> " on the last non-empty stdout line, or nullopt
// when that line does not start with the exact nonce.
std::optional<std::string> verdict_line(const sandbox::JobResult& result, const std::string& nonce);

// kPass -> pass, kFail -> fail, kTimeout -> timeout, kError -> error, with
// the tail of stderr (or the sandbox's detail) as the verdict's detail.
Verdict verdict_from_outcome(const sandbox::JobResult& result);

// Pass iff the job exited 0 and its verdict line is "<nonce> pass"; a line
// "<nonce> error" is an error of the grader itself (e.g. a failing reference).
Verdict judge_nonce(const sandbox::JobResult& result, const std::string& nonce);

}  // namespace codeloom::harness::detail
