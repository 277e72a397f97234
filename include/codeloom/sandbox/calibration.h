// Timeout calibration: measure how slow (or loaded) this machine is compared
// with a typical modern core, so that correct code never times out because the
// machine is slow. The factor only ever lengthens timeouts.
//
//   auto sb = codeloom::sandbox::Sandbox::create({});
//   codeloom::sandbox::Calibration c = codeloom::sandbox::calibrate(**sb);
//   SandboxOptions opts; opts.timeout_scale = c.factor;   // then create again,
//   // or use sandbox::calibrated_options(opts) which does both steps.
//
// Thread-safety: calibrate() is thread-safe but meant to run once at start-up
// (it takes ~0.2 s: a fixed C++ loop three times, and one python3 -c loop run
// through the sandbox).
#pragma once

#include <chrono>

#include "codeloom/common/status.h"

namespace codeloom::sandbox {

class Sandbox;
struct SandboxOptions;

struct Calibration {
  // Median wall time of the fixed in-process C++ workload, and its reference.
  std::chrono::microseconds cpp_time{0};
  std::chrono::microseconds cpp_reference{0};
  // Wall time of the fixed python3 loop (startup excluded), and its reference;
  // zero when the python probe could not run.
  std::chrono::microseconds python_time{0};
  std::chrono::microseconds python_reference{0};
  // max(1, cpp_time / cpp_reference, python_time / python_reference), capped at 20.
  double factor = 1.0;
};

// The fixed C++ workload alone (no sandbox needed). Returns its wall time.
std::chrono::microseconds measure_cpp_workload();

// Both workloads; the python one runs inside `sandbox`.
Calibration calibrate(const Sandbox& sandbox);

// Convenience: creates a sandbox with `options`, calibrates, and returns
// options with timeout_scale = max(options.timeout_scale, factor).
Result<SandboxOptions> calibrated_options(SandboxOptions options, Calibration* out = nullptr);

}  // namespace codeloom::sandbox
