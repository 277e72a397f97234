#include "python_job.h"

#include "grader_sources.h"

namespace codeloom::harness::detail {

GradedJob python_program_job(std::string candidate, std::string test, std::chrono::milliseconds timeout) {
  GradedJob g;
  g.nonce = grading_nonce();
  sandbox::Job& job = g.job;
  job.language = sandbox::Language::kPython;
  job.files = {{"main.py", std::string(kGrader_core) + kGrader_program},
               {"candidate.py", std::move(candidate)},
               {"test.py", std::move(test)}};
  job.stdin_data = g.nonce + "\n";
  job.limits.wall_timeout = timeout;
  job.limits.cpu_seconds = static_cast<int>(timeout.count() / 1000) + 1;
  return g;
}

std::string python_stub(const std::string& entry_point, const std::string& indent_body) {
  return "def " + entry_point + "(*args, **kwargs):\n" + indent_body + "return None\n";
}

}  // namespace codeloom::harness::detail
