// The only place in codeloom that executes generated code. Each job gets a
// fresh private work dir, its own PID/network/mount/IPC/UTS namespaces, rlimits
// and an unprivileged uid; see docs/sandbox.md for the layers and their probes.
//
//   auto sb = codeloom::sandbox::Sandbox::create({});
//   if (!sb) { std::cerr << sb.error().message; return 1; }
//   codeloom::sandbox::Job job;
//   job.files = {{"main.py", "assert 1 + 1 == 2"}};
//   codeloom::Result<codeloom::sandbox::JobResult> r = (*sb)->run(job);
//   // r->outcome == Outcome::kPass
//
// Ownership: create() returns a unique_ptr; the Sandbox must outlive any Pool
// using it. Thread-safety: run() may be called from many threads at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/isolation.h"
#include "codeloom/sandbox/job.h"

namespace codeloom::sandbox {
namespace internal {
class Zygote;
struct JobViews;
}

enum class IsolationMode {
  kRequireFull,  // create() fails with kUnsupported if a layer is missing
  kAllowWeaker,  // run with what works (logged once at kWarn, see isolation())
};

struct SandboxOptions {
  IsolationMode mode = IsolationMode::kRequireFull;
  // Parent of the per-job work dirs (created 0711 if missing).
  std::string scratch_root = "/tmp/codeloom-sandbox";
  // When root, each work dir is a tmpfs of this size: RLIMIT_FSIZE bounds one
  // file, this bounds them all (compiler output included).
  std::uint64_t work_dir_bytes = 256ull << 20;
  // Interpreters and compilers: absolute paths (symlinks are followed). Each
  // tool's installation prefix (<prefix>/bin/<tool>) is shown to the jobs of
  // its language when it is not a system one: a pyenv's
  // ~/.pyenv/versions/X/bin/python3.X works (cold: the warm zygote embeds
  // the system Python only); a pyenv shim would show the whole pyenv root.
  std::string python = "/usr/bin/python3";
  std::string cxx = "/usr/bin/g++";
  std::string javac = "/usr/bin/javac";
  std::string java = "/usr/bin/java";
  // When root: job k runs as uid/gid uid_base + slot, slot < uid_slots, so
  // concurrent jobs never share an RLIMIT_NPROC count or signal each other.
  // A slot is claimed machine-wide by a flock on scratch_root/uid-<uid>.lock:
  // codeloom processes sharing a scratch root never run jobs as the same uid.
  int uid_base = 61000;
  int uid_slots = 64;
  // Timeouts are multiplied by this (>= 1). Set from calibrate() (calibration.h)
  // or leave at 1.
  double timeout_scale = 1.0;
  // Layers to switch off even if the probe finds them ("pid_ns", "net_ns",
  // "mount_ns", "ipc_uts_ns", "setuid", "user_ns"): for tests of the weaker
  // mode and for hosts where a layer misbehaves. Unknown names are an error.
  std::vector<std::string> disabled_layers;
  // Python jobs run in a warm interpreter: the helper codeloom-pyzygote embeds
  // the same CPython as `python`, starts once, and forks each job's sandbox
  // tree (same layers, nothing shared between jobs) with the interpreter
  // already initialised, saving its ~20 ms start-up. Used when the helper was
  // built and `python` is the Python it embeds; otherwise jobs exec `python`.
  bool warm_python = true;
  // The helper; empty: codeloom-pyzygote beside the running executable, else
  // the one in the build tree. A path given here must work (create() fails).
  std::string python_zygote;
  // Host paths shown read-only to every job in addition to its view (the
  // allow-list in src/sandbox/view.cpp plus its tools' files, see
  // docs/sandbox.md "What a job sees"), e.g. a site-packages directory.
  // Absolute, existing, not under /tmp.
  std::vector<std::string> extra_visible;
};

class Sandbox {
 public:
  // Probes the isolation layers and checks the tools exist. Errors:
  // kUnsupported (layer missing in kRequireFull mode), kNotFound (tool), kIo.
  static Result<std::unique_ptr<Sandbox>> create(SandboxOptions options);

  // Runs one job to completion. Returns an Error only for bad input
  // (kInvalidArgument: e.g. a file path with ".."); everything the program or
  // compiler does, and sandbox failures while running, are a JobResult
  // (outcome kError carries the reason in detail).
  Result<JobResult> run(const Job& job) const;

  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const Isolation& isolation() const { return isolation_; }
  // True when Python jobs run in the warm zygote (see warm_python).
  bool warm_python() const { return zygote_ != nullptr; }
  const SandboxOptions& options() const { return options_; }
  double timeout_scale() const { return options_.timeout_scale; }

 private:
  Sandbox(SandboxOptions options, Isolation isolation);
  // Blocks while all uid slots are busy (here or, through their lock files in
  // scratch_root, in other processes); kIo when the scratch root is unusable.
  Result<int> acquire_slot() const;
  void release_slot(int slot) const;

  SandboxOptions options_;
  Isolation isolation_;
  mutable std::mutex mu_;
  mutable std::condition_variable slot_free_;
  mutable std::vector<bool> slot_busy_;  // guarded by mu_
  mutable std::vector<int> slot_fd_;     // guarded by mu_: the flocked lock file of each busy slot
  std::unique_ptr<internal::Zygote> zygote_;  // null: Python jobs exec the interpreter
  std::unique_ptr<const internal::JobViews> views_;  // per language, built by create()
};

}  // namespace codeloom::sandbox
