// One evaluation run: generate n completions per problem, check them in the
// sandbox while the next problem generates, append them to
// <out_dir>/samples.jsonl as each problem finishes, then score and write
// <out_dir>/results.json and <out_dir>/report.html.
//
// Resumable: problems that already have n samples in samples.jsonl are not
// generated again (an interrupted run loses at most the problems in flight).
// Malformed lines there are reported and skipped; problems with fewer than n
// samples are redone (the file is rewritten without their lines).
//
//   harness::EvalRunOptions o;
//   o.out_dir = "runs/he"; o.n = 10; o.ks = {1, 10}; o.temperature = 0.8;
//   auto r = harness::run_eval(*bench, set->problems, source, *executor, o);
//   std::cout << harness::format_summary(r->summary);
//
// Blocking. `source` is called from the calling thread only.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/harness/benchmark.h"
#include "codeloom/harness/executor.h"
#include "codeloom/harness/generator.h"
#include "codeloom/harness/results.h"

namespace codeloom::harness {

struct EvalRunOptions {
  std::string out_dir;
  int n = 1;
  std::vector<int> ks = {1};
  double temperature = 0;          // recorded in the results
  std::string model;               // recorded in the results
  std::size_t limit = 0;           // first `limit` problems; 0 = all
  std::size_t malformed_dataset_lines = 0;  // recorded in the results
  std::ostream* progress = nullptr;         // progress bar (stderr) when set
};

struct EvalRunResult {
  RunSummary summary;
  std::size_t resumed_problems = 0;    // taken from an earlier samples.jsonl
  std::size_t generated_problems = 0;
  std::vector<std::string> generation_errors;   // "task: message"; scored as failures
  std::vector<std::string> malformed_sample_lines;
};

// Errors: kInvalidArgument (n < 1, no problems), kIo (out_dir not writable).
Result<EvalRunResult> run_eval(const Benchmark& bench, const std::vector<Problem>& problems,
                               const CompletionSource& source, Executor& executor, const EvalRunOptions& options);

}  // namespace codeloom::harness
