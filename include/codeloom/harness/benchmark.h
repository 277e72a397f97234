// Benchmarks: a dataset of problems, how a completion of one problem becomes a
// sandbox job, and how that job's result is judged. Each benchmark lives in its
// own file (src/harness/bench_<name>.cpp); registry.h lists them.
//
//   const harness::Benchmark* b = *harness::find_benchmark("humaneval");
//   auto set = harness::load_problems(*b, "/data/humaneval/HumanEval.jsonl.gz");
//   harness::GradedJob g = b->make_job(set->problems[0], set->problems[0].canonical_solution,
//                                      {.timeout_scale = 1.0});
//   // Sandbox::run(g.job) -> result; b->judge(result, g.nonce) -> Verdict
//
// Benchmarks are immutable values shared by all threads.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::harness {

struct Problem {
  std::string task_id;             // e.g. "HumanEval/0", "Mbpp/2", "HumanEval_23_strlen"
  std::string prompt;              // what a model continues
  std::string entry_point;         // function under test (empty when the dataset has none)
  std::string canonical_solution;  // reference completion of `prompt`; empty when none
  bool has_canonical = false;
  std::string test;                // test code run after prompt + completion
  std::vector<std::string> stop;   // stop strings for generation
  std::string record_json;         // the raw record (EvalPlus runners read their inputs from it)
};

// How a finished job is scored.
enum class CheckStatus { kPass, kFail, kTimeout, kError };
const char* status_name(CheckStatus status);  // "pass", "fail", "timeout", "error"

struct Verdict {
  CheckStatus status = CheckStatus::kError;
  bool base_passed = false;  // EvalPlus: the base inputs passed (= passed elsewhere)
  std::string detail;        // first lines of the error, empty on pass
  double exec_ms = 0;        // sandbox wall time (compile included)
};

struct JobContext {
  double timeout_scale = 1.0;  // the sandbox's calibration factor (EvalPlus per-input limits)
};

// A sandbox job and the secret its verdict must carry: make_job puts a fresh
// nonce on the job's stdin, where only the trusted grader inside the job reads
// it, after the candidate can no longer reach it (docs/evaluation.md).
struct GradedJob {
  sandbox::Job job;
  std::string nonce;  // 32 hex digits from getrandom
};

struct Benchmark {
  std::string name;          // CLI name, e.g. "humaneval"
  std::string title;         // one line for help and reports
  std::string default_file;  // relative to the data root, e.g. "humaneval/HumanEval.jsonl.gz"
  std::string default_sha256;  // of the shipped default_file (data/benchmarks/<name>/SOURCE.txt)
  sandbox::Language language = sandbox::Language::kPython;
  bool evalplus = false;     // differential testing against the canonical solution
  // One record (a JSON object) -> Problem. kCorrupt with the reason on bad records.
  std::function<Result<Problem>(std::string_view record)> parse;
  // The job that checks `completion` (the text following the prompt).
  std::function<GradedJob(const Problem&, const std::string& completion, const JobContext&)> make_job;
  // Scores a finished job; a pass needs the job's verdict line with `nonce`.
  std::function<Verdict(const sandbox::JobResult&, const std::string& nonce)> judge;
  // A well-formed but wrong completion (a stub returning a constant): must fail.
  std::function<std::string(const Problem&)> wrong_completion;
};

// Cuts `completion` at the earliest of `stop` (the stop string is dropped).
std::string cut_at_stop(std::string_view completion, const std::vector<std::string>& stop);

}  // namespace codeloom::harness
