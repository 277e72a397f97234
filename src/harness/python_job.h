// Python checks (private to the harness): the trusted grader (grader/core.py
// + grader/program.py) forks the candidate into its own process, runs the
// benchmark's test code itself against proxies of the candidate's functions
// (results cross as plain data only) and writes "<nonce> pass" when the tests
// finished. exit(), os._exit(), printing markers, replaced excepthooks or
// __eq__ overrides in the candidate cannot produce that line.
#pragma once

#include <chrono>
#include <string>

#include "codeloom/harness/benchmark.h"
#include "grading.h"

namespace codeloom::harness::detail {

// main.py = the grader, candidate.py = `candidate` (prompt + completion),
// test.py = `test` (read and removed by the grader before the candidate loads).
GradedJob python_program_job(std::string candidate, std::string test, std::chrono::milliseconds timeout);

// "def f(*args, **kwargs):\n    return None\n" style stub for `entry_point`.
std::string python_stub(const std::string& entry_point, const std::string& indent_body);

}  // namespace codeloom::harness::detail
