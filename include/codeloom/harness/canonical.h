// Sanity check of a benchmark and of the harness itself, no model needed:
// every reference solution must pass, and an empty and a deliberately wrong
// completion (harness::Benchmark::wrong_completion) must fail on every problem.
//
//   auto report = harness::check_canonical(*bench, set->problems, *executor);
//   std::cout << report.canonical.passed << "/" << report.canonical.total;
//
// Blocking; uses the Executor's pool.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "codeloom/harness/benchmark.h"
#include "codeloom/harness/executor.h"

namespace codeloom::harness {

struct ControlRun {
  std::size_t total = 0;
  std::size_t passed = 0;
  std::size_t base_passed = 0;                    // EvalPlus: passed the base inputs
  std::vector<std::string> task_ids;              // problems run, in order
  std::vector<Verdict> verdicts;                  // parallel to task_ids
};

struct CanonicalReport {
  ControlRun canonical;   // reference solutions (problems that have one)
  ControlRun empty;       // completion ""
  ControlRun wrong;       // wrong_completion(problem)
  std::size_t without_canonical = 0;
  double wall_seconds = 0;
  // canonical all pass, empty and wrong never pass.
  bool ok() const;
};

CanonicalReport check_canonical(const Benchmark& bench, const std::vector<Problem>& problems, Executor& executor,
                                const std::function<void(std::size_t done, std::size_t total)>& progress = {});

// Human-readable summary: counts, then each unexpected verdict with its detail.
std::string format_canonical_report(const Benchmark& bench, const CanonicalReport& report);

}  // namespace codeloom::harness
