// Shared by the MBPP and sanitized-MBPP benchmarks (private to the harness).
#pragma once

#include <string>
#include <vector>

#include "codeloom/harness/benchmark.h"

namespace codeloom::harness::detail {

// The EvalPlus MBPP prompt: a docstring with the task and its first test.
std::string mbpp_prompt(const std::string& text, const std::string& first_test);

// The function the tests call: the first function `code` defines whose name
// is called in the tests; else the first called name in the tests.
std::string mbpp_entry_point(const std::string& code, const std::vector<std::string>& tests);

// prompt + completion in the candidate's process; setup + asserts in the grader.
Benchmark mbpp_style_benchmark();

std::string strip_cr(std::string text);

}  // namespace codeloom::harness::detail
