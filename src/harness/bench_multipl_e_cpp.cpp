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
  b.language = sandbox::Language::kCpp;
  b.parse = detail::parse_multipl_e;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    sandbox::Job job;
    job.language = sandbox::Language::kCpp;
    job.files = {{"main.cpp", p.prompt + completion + p.test}};
    job.limits.wall_timeout = std::chrono::milliseconds(10000);
    return job;
  };
  b.judge = detail::verdict_from_outcome;
  // Compiles for every return type the dataset uses (all default-constructible).
  b.wrong_completion = [](const Problem&) { return std::string("    return {};\n"); };
  return b;
}

}  // namespace codeloom::harness
