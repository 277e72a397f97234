// MultiPL-E HumanEval-C++ (reworded): g++ -std=c++17 builds prompt +
// completion + tests (a main() of assert()s) in the sandbox.
#include "codeloom/harness/registry.h"
#include "multipl_e_common.h"
#include "python_job.h"

namespace codeloom::harness {

Benchmark multipl_e_cpp_benchmark() {
  Benchmark b;
  b.name = "multipl-e-cpp";
  b.title = "MultiPL-E HumanEval translated to C++ (161 problems, no reference solutions)";
  b.default_file = "multipl-e/humaneval-cpp.jsonl";
  b.default_sha256 = "8717eabdf202137158c84506144b0fb1e73d5ecccbe5363ec79009ca014df629";
  b.language = sandbox::Language::kCpp;
  b.parse = detail::parse_multipl_e;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    sandbox::Job job;
    job.language = sandbox::Language::kCpp;
    job.files = {{"main.cpp", p.prompt + completion + p.test}};
    // The tests start with the function's closing brace, so an empty completion
    // compiles to a function that flows off its end: undefined behaviour that
    // returned the "right" value for 85 of 161 problems at -O1. UBSan's return
    // check turns exactly that (and only when it happens) into a failure.
    job.cxx_flags = {"-std=c++17", "-O1", "-fsanitize=return", "-fno-sanitize-recover=return"};
    job.limits.wall_timeout = std::chrono::milliseconds(10000);
    return job;
  };
  b.judge = detail::verdict_from_outcome;
  // Compiles for every return type the dataset uses (all default-constructible).
  b.wrong_completion = [](const Problem&) { return std::string("    return {};\n"); };
  return b;
}

}  // namespace codeloom::harness
