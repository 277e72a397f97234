// Runs a program and captures its standard output (for parity tests against
// llama.cpp's own tools). Arguments are passed as-is: no shell, no quoting.
//
//   auto out = codeloom::testing::run_process({llama_tool_path("llama-simple"), "-m", path, "-n", "32", prompt});
//
// Thread-safety: safe to call from several threads (fork/exec per call).
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::testing {

struct ProcessOutput {
  int exit_code = -1;       // -1 when killed by a signal
  std::string out;          // standard output
  std::string err;          // standard error
};

// Errors: kNotFound (program missing or not executable), kIo (fork/pipe failed).
Result<ProcessOutput> run_process(const std::vector<std::string>& argv);

}  // namespace codeloom::testing
