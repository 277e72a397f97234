// Internal: how each language turns a Job into sandboxed steps (compile, run).
// One file per language: python.cpp, cpp.cpp, java.cpp.
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/job.h"
#include "codeloom/sandbox/sandbox.h"

namespace codeloom::sandbox::internal {

struct Step {
  std::vector<std::string> argv;   // argv[0] absolute, or "./x" relative to the work dir
  Limits limits;
  bool memory_as_data = false;     // JVM: see java.cpp
  bool is_compile = false;         // failure => outcome kError with the compiler output
  std::vector<std::string> extra_env;
  // Python run steps: the script and its arguments, for the warm zygote.
  std::vector<std::string> warm_argv;
};

// Errors: kInvalidArgument (e.g. no entry file for the language).
Result<std::vector<Step>> plan_python(const Job& job, const SandboxOptions& options);
Result<std::vector<Step>> plan_cpp(const Job& job, const SandboxOptions& options);
Result<std::vector<Step>> plan_java(const Job& job, const SandboxOptions& options);

// job.entry, or `fallback` when empty; it must be one of job.files.
Result<std::string> entry_file(const Job& job, const std::string& fallback);

}  // namespace codeloom::sandbox::internal
