// Internal: run one process inside the sandbox layers and collect its result.
// Host side in spawn.cpp, the code that runs between fork() and execve() in
// spawn_child.cpp. The process tree is:
//
//   host thread --fork--> shim (host PID ns; unshares, waits, kills on request)
//                           --fork--> init (PID 1 of a new PID ns; mounts, reaps)
//                                       --fork--> program (rlimits, uid, execve)
//
// The host asks the shim to kill init by closing the control pipe (so a dying
// host also kills the tree); init's death makes the kernel kill every process
// in the PID namespace, including setsid()'d grandchildren.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/sandbox/isolation.h"
#include "codeloom/sandbox/job.h"
#include "view.h"

namespace codeloom::sandbox::internal {

// Inside the sandbox the work dir appears here (when the mount layer is on).
inline constexpr const char* kInnerWorkDir = "/tmp/work";
// The job's new root is assembled here, in its own mount namespace, before
// pivot_root (view_child.cpp); view entries are staged at kViewStage + path.
inline constexpr const char* kViewStage = "/tmp";

struct SpawnSpec {
  std::vector<std::string> argv;   // argv[0]: absolute path or relative to the work dir
  std::vector<std::string> env;    // "KEY=value", the complete environment
  std::string host_work_dir;       // absolute host path, owned by uid/gid
  std::string stdin_data;
  Limits limits;                   // timeouts already scaled
  bool memory_as_data = false;     // RLIMIT_DATA instead of RLIMIT_AS (JVM)
  int uid = -1;                    // >= 0: setresuid/setresgid to it (needs root)
  int gid = -1;
  Isolation layers;                // which layers to set up
  std::vector<ViewEntry> view;     // what the job sees of the host (mount layer)
};

struct SpawnResult {
  bool setup_failed = false;   // the sandbox could not start the program
  std::string setup_error;
  bool wall_timeout = false;
  bool has_status = false;     // false when killed before init reported
  int wait_status = 0;         // of the program, as from waitpid()
  std::string stdout_data, stderr_data;
  bool stdout_truncated = false, stderr_truncated = false;
  std::chrono::milliseconds wall_time{0};
  std::chrono::milliseconds cpu_time{0};
  std::uint64_t peak_memory_bytes = 0;
  bool zygote_unavailable = false;  // nothing ran: retry without the zygote
};

class Zygote;

// Never throws; failures of the sandbox itself come back as setup_failed.
// With a zygote, the tree is forked by the warm Python zygote instead of this
// process (spec.argv is then the script and its arguments); when the zygote
// cannot take the job, the result has zygote_unavailable set.
SpawnResult spawn_sandboxed(const SpawnSpec& spec, Zygote* zygote = nullptr);

// ---- the child side (spawn_child.cpp) ----------------------------------------
// Everything the forked child needs, prepared before fork() so the child only
// makes system calls (no allocation: the host is multi-threaded).
// One view entry as the child uses it: `staged` = kViewStage + path.
struct ViewMount {
  int kind = 0;  // ViewEntry::Kind
  const char* staged = nullptr;
  const char* source = nullptr;
};

struct ChildPlan {
  const char* const* argv = nullptr;
  const char* const* envp = nullptr;
  const char* host_work_dir = nullptr;
  const ViewMount* view = nullptr;            // view_count entries, parents first
  int view_count = 0;
  const char* tmp_mount_options = nullptr;   // "size=...,mode=1777"
  const char* uid_map = nullptr;             // for the user namespace, e.g. "1000 1000 1\n"
  const char* gid_map = nullptr;
  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1, report_fd = -1, control_fd = -1;
  Limits limits;
  bool memory_as_data = false;
  int uid = -1, gid = -1;
  Isolation layers;
  // Set in the warm Python zygote: the program calls this (after rlimits, uid
  // and no_new_privs, with the report and control pipes closed) instead of
  // execve(argv[0]). It must not return.
  void (*in_process)(const ChildPlan&) = nullptr;
};

// What init (or a failing setup step) writes into the report pipe; one write()
// each, smaller than PIPE_BUF so it is atomic.
struct ChildReport {
  enum Kind : std::int32_t { kSetupError = 1, kExited = 2 } kind = kExited;
  std::int32_t error_number = 0;
  std::int32_t wait_status = 0;
  std::int64_t cpu_micros = 0;
  std::int64_t maxrss_kb = 0;
  char message[256] = {};
};

// Runs in the forked child; never returns.
[[noreturn]] void run_shim(const ChildPlan& plan);

// Child side helpers (spawn_child.cpp, view_child.cpp). child_fail reports a
// set-up failure ("what: strerror(errno)") on the report pipe and exits 126.
[[noreturn]] void child_fail(const char* what);
// Makes the view the root of the current mount namespace (view_child.cpp).
void enter_view(const ChildPlan& plan);

}  // namespace codeloom::sandbox::internal
