// samples.jsonl: one line per generated completion, compatible with
// human-eval / EvalPlus tooling (task_id, completion) plus our verdict fields:
//   {"task_id": "HumanEval/0", "completion_id": 0, "completion": "...",
//    "result": "passed" | "failed: ..." | "timed out", "passed": true,
//    "status": "pass", "base_status": "pass", "plus_status": "pass",
//    "gen_ms": 812.5, "exec_ms": 95}
// Lines are appended per problem and flushed, so an interrupted run can resume.
//
//   auto file = harness::read_samples("out/samples.jsonl");   // missing file: empty
//   harness::SampleWriter w("out/samples.jsonl"); w.append(samples_of_one_task);
#pragma once

#include <cstddef>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/harness/benchmark.h"

namespace codeloom::harness {

struct Sample {
  std::string task_id;
  int completion_id = 0;
  std::string completion;
  Verdict verdict;
  double gen_ms = 0;
};

struct SampleFile {
  std::vector<Sample> samples;
  std::vector<std::string> malformed;  // "line N: reason"
};

// A missing file is an empty SampleFile; kIo when it cannot be read.
Result<SampleFile> read_samples(const std::string& path);

// One JSON line (no newline). `evalplus` adds base_status / plus_status.
std::string sample_to_json(const Sample& sample, bool evalplus);

// Appends lines; thread-safe.
class SampleWriter {
 public:
  static Result<std::unique_ptr<SampleWriter>> open(const std::string& path, bool evalplus);
  Status append(const std::vector<Sample>& samples);

 private:
  SampleWriter() = default;
  std::mutex mu_;
  std::ofstream out_;  // guarded by mu_
  bool evalplus_ = false;
  std::string path_;
};

}  // namespace codeloom::harness
