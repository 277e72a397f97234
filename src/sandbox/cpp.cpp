// C++: g++ inside the sandbox (the compiler is trusted, its input is not:
// `#include "/root/secret"` must fail too), then ./program.
#include "language.h"

namespace codeloom::sandbox::internal {

Result<std::vector<Step>> plan_cpp(const Job& job, const SandboxOptions& options) {
  Result<std::string> entry = entry_file(job, "main.cpp");
  if (!entry) return entry.error();
  Step compile;
  compile.argv = {options.cxx};
  compile.argv.insert(compile.argv.end(), job.cxx_flags.begin(), job.cxx_flags.end());
  compile.argv.insert(compile.argv.end(), {*entry, "-o", "codeloom_program"});
  compile.limits = job.compile_limits;
  compile.is_compile = true;
  Step run;
  run.argv = {"./codeloom_program"};
  run.argv.insert(run.argv.end(), job.args.begin(), job.args.end());
  run.limits = job.limits;
  return std::vector<Step>{compile, run};
}

}  // namespace codeloom::sandbox::internal
