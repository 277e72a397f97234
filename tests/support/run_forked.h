// Runs a function in a forked child process, so a crash or abort inside it
// (e.g. a GGML_ASSERT in libllama) is reported as a result instead of killing
// the test process. The child's return string is sent back over a pipe.
//
//   auto r = codeloom::testing::run_forked([&] { return load_and_describe(path); });
//   ASSERT_TRUE(r) << r.error().message;
//   EXPECT_EQ(r->signal, 0) << "aborted on " << path;
//
// Call from a single-threaded point of the test (fork copies only this thread).
#pragma once

#include <functional>
#include <string>

#include "codeloom/common/status.h"

namespace codeloom::testing {

struct ForkedResult {
  int signal = 0;       // the signal that ended the child (SIGABRT for an assert), 0 if it returned
  int exit_code = 0;    // the child's exit status when it returned on its own (0: fn returned)
  bool timed_out = false;
  std::string output;   // fn's return value (complete only when signal == 0)
};

// Errors: kIo (pipe/fork failed). The child is killed after `timeout_s`.
Result<ForkedResult> run_forked(const std::function<std::string()>& fn, int timeout_s = 60);

}  // namespace codeloom::testing
