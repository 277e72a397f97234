// Runs a program and captures its output: parity tests against llama.cpp's own
// tools and black-box tests of codeloom's CLI. Arguments are passed as-is: no
// shell, no quoting.
//
//   auto out = codeloom::testing::run_process({llama_tool_path("llama-simple"), "-m", path, "-n", "32", prompt});
//   auto cli = codeloom::testing::run_process({codeloom, "complete"}, {.stdin_text = R"({"prefix":"x"})"});
//
// Thread-safety: safe to call from several threads (fork/exec per call).
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::testing {

struct ProcessOptions {
  std::string stdin_text;        // written to the program's stdin, which is then closed
  std::vector<std::string> env;  // "K=V" entries added to (or overriding) the caller's environment
  int timeout_s = 300;           // the program is killed (SIGKILL) after this many seconds
};

struct ProcessOutput {
  int exit_code = -1;       // exit status; -1 when killed by a signal (see signal)
  int signal = 0;           // the terminating signal, 0 when the program exited
  bool timed_out = false;
  std::string out;          // standard output
  std::string err;          // standard error
};

// Errors: kInvalidArgument (empty argv), kNotFound (program missing or not
// executable), kIo (fork/pipe failed).
Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace codeloom::testing
