// Timeout calibration. Both workloads are fixed amounts of work; the reference
// times below stand for a typical modern x86-64 core (~4 GHz, idle):
//  - C++: 15M rounds of xorshift + modulo by a constant, ~8 cycles each -> 30 ms;
//  - CPython 3.11: 1M rounds of `s += i * i % 7`, ~50 ns each -> 50 ms.
// They are estimates from cycle counts, not measurements on that core (see
// docs/sandbox.md for what this build machine measured). A machine that is
// slower, or loaded by other jobs (wall time, not CPU time, is measured), gets
// a factor > 1.
#include "codeloom/sandbox/calibration.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "codeloom/common/log.h"
#include "codeloom/sandbox/sandbox.h"

namespace codeloom::sandbox {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr microseconds kCppReference{30000};
constexpr microseconds kPythonReference{50000};
constexpr double kMaxFactor = 20.0;

// Integer hashing the optimizer cannot fold away (the result feeds a volatile).
std::uint64_t cpp_workload() {
  std::uint64_t x = 0x9E3779B97F4A7C15ull, acc = 0;
  for (std::uint32_t i = 0; i < 15'000'000u; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    acc += x % 1000003u;
  }
  return acc;
}

// Prints the loop's own wall time in microseconds so interpreter start-up
// (dominated by disk cache state) is excluded.
constexpr const char* kPythonWorkload =
    "import time\n"
    "t = time.perf_counter()\n"
    "s = 0\n"
    "for i in range(1000000):\n"
    "    s += i * i % 7\n"
    "print(int((time.perf_counter() - t) * 1e6), s)\n";

}  // namespace

microseconds measure_cpp_workload() {
  microseconds runs[3];
  for (microseconds& r : runs) {
    Clock::time_point t = Clock::now();
    volatile std::uint64_t sink = cpp_workload();
    (void)sink;
    r = std::chrono::duration_cast<microseconds>(Clock::now() - t);
  }
  std::sort(std::begin(runs), std::end(runs));
  return runs[1];
}

Calibration calibrate(const Sandbox& sandbox) {
  Calibration c;
  c.cpp_reference = kCppReference;
  c.python_reference = kPythonReference;
  c.cpp_time = measure_cpp_workload();
  double factor = static_cast<double>(c.cpp_time.count()) / static_cast<double>(kCppReference.count());

  Job job;
  job.language = Language::kPython;
  job.files = {{"main.py", kPythonWorkload}};
  job.limits.wall_timeout = std::chrono::milliseconds(20000);
  Result<JobResult> r = sandbox.run(job);
  if (r && r->outcome == Outcome::kPass) {
    try {
      c.python_time = microseconds(std::stoll(r->stdout_data));
      factor = std::max(factor, static_cast<double>(c.python_time.count()) /
                                    static_cast<double>(kPythonReference.count()));
    } catch (const std::exception&) {
      CODELOOM_LOG(kWarn, "sandbox calibration: unreadable python output '" << r->stdout_data << "'");
    }
  } else {
    CODELOOM_LOG(kWarn, "sandbox calibration: python probe did not pass ("
                            << (r ? r->detail + " " + r->stderr_data : r.error().message) << ")");
  }
  c.factor = std::clamp(factor, 1.0, kMaxFactor);
  CODELOOM_LOG(kInfo, "sandbox calibration: cpp " << c.cpp_time.count() << " us, python "
                                                  << c.python_time.count() << " us, factor " << c.factor);
  return c;
}

Result<SandboxOptions> calibrated_options(SandboxOptions options, Calibration* out) {
  Result<std::unique_ptr<Sandbox>> sb = Sandbox::create(options);
  if (!sb) return sb.error();
  Calibration c = calibrate(**sb);
  if (out) *out = c;
  options.timeout_scale = std::max(options.timeout_scale, c.factor);
  return options;
}

}  // namespace codeloom::sandbox
