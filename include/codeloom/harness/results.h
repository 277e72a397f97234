// Scoring a run: pass@k (eval::pass_at_k, human-eval's unbiased estimator)
// over the problems, per-problem counts, status counts and latency
// percentiles; written as results.json.
//
//   harness::RunInfo info{.benchmark = "humaneval", .model = "m.gguf", .n = 10, .ks = {1, 10}};
//   harness::RunSummary s = harness::summarize(info, task_ids, samples);
//   std::string json = harness::results_json(s);
//
// Pure functions: thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "codeloom/harness/samples.h"

namespace codeloom::harness {

struct RunInfo {
  std::string benchmark;
  std::string title;
  std::string model;       // path or label; empty for canonical runs
  int n = 1;               // samples per problem
  std::vector<int> ks = {1};
  double temperature = 0;
  bool evalplus = false;
  double wall_seconds = 0;
  std::size_t malformed_dataset_lines = 0;
  std::size_t malformed_sample_lines = 0;
};

struct ProblemResult {
  std::string task_id;
  int n = 0;          // samples scored
  int passed = 0;     // c
  int base_passed = 0;
  std::map<std::string, int> statuses;  // "pass" -> 3, "fail" -> 7 ...
};

struct LatencyStats {
  std::size_t count = 0;
  double mean = 0, p50 = 0, p90 = 0, p99 = 0, max = 0;
};

struct RunSummary {
  RunInfo info;
  std::map<int, double> pass_at_k;        // only k <= every problem's n
  std::map<int, double> base_pass_at_k;   // EvalPlus: base inputs only
  std::vector<int> skipped_ks;            // k larger than some problem's n
  std::vector<ProblemResult> problems;    // in task order
  std::map<std::string, int> status_counts;
  std::size_t samples = 0;
  LatencyStats generation_ms;             // per completion (0-time samples excluded)
  LatencyStats execution_ms;              // per check
  std::vector<double> execution_values;   // raw values, for the report's histograms
  std::vector<double> generation_values;  // (samples with a recorded generation time)
};

// Scores `samples` of the problems in `task_ids` (others are ignored; a
// problem without samples is counted with n = 0 and excluded from pass@k).
RunSummary summarize(const RunInfo& info, const std::vector<std::string>& task_ids,
                     const std::vector<Sample>& samples);

std::string results_json(const RunSummary& summary);

// One paragraph for the terminal: pass@k values and counts.
std::string format_summary(const RunSummary& summary);

}  // namespace codeloom::harness
