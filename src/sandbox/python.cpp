// Python: `python3 -E -s -B <entry>`: ignore PYTHON* variables and the user
// site dir, write no .pyc files. Not -I: that would also drop the script's own
// directory from sys.path, and multi-file jobs import their sibling modules.
// The warm zygote (zygote_main.cpp) runs the same script with the same flags.
#include "language.h"

namespace codeloom::sandbox::internal {

Result<std::string> entry_file(const Job& job, const std::string& fallback) {
  std::string entry = job.entry.empty() ? fallback : job.entry;
  for (const SourceFile& f : job.files) {
    if (f.path == entry) return entry;
  }
  return make_error(ErrorCode::kInvalidArgument,
                    std::string("sandbox job (") + language_name(job.language) + ") has no entry file '" +
                        entry + "' among its files");
}

Result<std::vector<Step>> plan_python(const Job& job, const SandboxOptions& options) {
  Result<std::string> entry = entry_file(job, "main.py");
  if (!entry) return entry.error();
  Step run;
  run.argv = {options.python, "-E", "-s", "-B", *entry};
  run.argv.insert(run.argv.end(), job.args.begin(), job.args.end());
  run.warm_argv = {*entry};
  run.warm_argv.insert(run.warm_argv.end(), job.args.begin(), job.args.end());
  run.limits = job.limits;
  return std::vector<Step>{run};
}

}  // namespace codeloom::sandbox::internal
