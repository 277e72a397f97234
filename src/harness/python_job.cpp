#include "python_job.h"

namespace codeloom::harness::detail {

namespace {

// Output of the candidate is swallowed (EvalPlus does the same) so that a
// chatty program cannot push the marker past the sandbox's output cap.
constexpr const char* kRunner = R"PY(import io, os, sys, traceback
class _Null(io.TextIOBase):
    def write(self, s):
        return len(s)
src = open("program.py", encoding="utf-8").read()
real_stdout = sys.stdout
try:
    sys.stdout = _Null()
    exec(compile(src, "program.py", "exec"), {})
except BaseException:
    sys.stdout = real_stdout
    traceback.print_exc()
    sys.stderr.flush()
    os._exit(1)
sys.stdout = real_stdout
sys.stdout.write("\n__codeloom_harness_pass__\n")
sys.stdout.flush()
os._exit(0)
)PY";

std::string tail(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return "..." + text.substr(text.size() - max_bytes);
}

}  // namespace

sandbox::Job python_program_job(std::string program, std::chrono::milliseconds timeout) {
  sandbox::Job job;
  job.language = sandbox::Language::kPython;
  job.files = {{"main.py", kRunner}, {"program.py", std::move(program)}};
  job.limits.wall_timeout = timeout;
  job.limits.cpu_seconds = static_cast<int>(timeout.count() / 1000) + 1;
  return job;
}

Verdict verdict_from_outcome(const sandbox::JobResult& r) {
  Verdict v;
  v.exec_ms = static_cast<double>((r.wall_time + r.compile_time).count());
  switch (r.outcome) {
    case sandbox::Outcome::kPass: v.status = CheckStatus::kPass; break;
    case sandbox::Outcome::kFail: v.status = CheckStatus::kFail; break;
    case sandbox::Outcome::kTimeout: v.status = CheckStatus::kTimeout; break;
    case sandbox::Outcome::kError: v.status = CheckStatus::kError; break;
  }
  if (v.status != CheckStatus::kPass) {
    std::string why = r.stderr_data.empty() ? r.detail : tail(r.stderr_data, 600);
    if (r.outcome == sandbox::Outcome::kTimeout) why = r.detail;
    v.detail = why;
  }
  v.base_passed = v.status == CheckStatus::kPass;
  return v;
}

Verdict judge_marker(const sandbox::JobResult& r) {
  Verdict v = verdict_from_outcome(r);
  if (v.status == CheckStatus::kPass) {
    const std::string want = std::string(kPassMarker) + "\n";
    const std::string& out = r.stdout_data;
    if (out.size() < want.size() || out.compare(out.size() - want.size(), want.size(), want) != 0) {
      v.status = CheckStatus::kFail;
      v.detail = "the program exited without finishing its tests (exit/_exit called?)";
    }
  }
  v.base_passed = v.status == CheckStatus::kPass;
  return v;
}

std::string python_stub(const std::string& entry_point, const std::string& indent_body) {
  return "def " + entry_point + "(*args, **kwargs):\n" + indent_body + "return None\n";
}

}  // namespace codeloom::harness::detail
