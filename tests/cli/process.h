// Runs a program with arguments and stdin, capturing stdout, stderr and the
// exit status — for black-box tests of codeloom's command-line programs.
#pragma once

#include <string>
#include <vector>

namespace codeloom::testing {

struct ProcessResult {
  int exit_code = -1;  // exit status, or 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

// argv[0] is the program path. Environment: the caller's, plus `env` entries ("K=V").
// Kills the program after timeout_s seconds (exit_code then 128 + SIGKILL).
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_text = "",
                          const std::vector<std::string>& env = {}, int timeout_s = 120);

}  // namespace codeloom::testing
