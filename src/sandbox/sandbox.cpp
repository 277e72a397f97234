// Sandbox::create (probe + option checks) and Sandbox::run (work dir, steps,
// outcome). The process mechanics live in spawn.cpp / spawn_child.cpp.
#include "codeloom/sandbox/sandbox.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>

#include "codeloom/common/log.h"
#include "language.h"
#include "spawn.h"
#include "view.h"
#include "workdir.h"
#include "zygote.h"

namespace codeloom::sandbox {
namespace {

using std::chrono::milliseconds;

bool under(const std::string& path, const std::string& dir) {
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         path[dir.size()] == '/');
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

Limits scaled(Limits l, double scale) {
  l.wall_timeout = milliseconds(static_cast<std::int64_t>(std::ceil(static_cast<double>(l.wall_timeout.count()) * scale)));
  l.cpu_seconds = static_cast<int>(std::ceil(l.cpu_seconds * scale));
  return l;
}

std::vector<std::string> base_env() {
  // Inside the mount namespace /tmp is private; HOME points there so tools that
  // want a home directory (javac, matplotlib caches) find a writable one.
  return {"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "TMPDIR=/tmp", "LANG=C.UTF-8",
          "LC_ALL=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0"};
}

Result<std::vector<internal::Step>> plan(const Job& job, const SandboxOptions& options) {
  switch (job.language) {
    case Language::kPython: return internal::plan_python(job, options);
    case Language::kCpp: return internal::plan_cpp(job, options);
    case Language::kJava: return internal::plan_java(job, options);
  }
  return make_error(ErrorCode::kInvalidArgument, "unknown sandbox language");
}

// Fills outcome/exit fields of `out` from a finished run step.
void classify(const internal::SpawnResult& s, const Limits& limits, JobResult* out) {
  if (s.setup_failed) {
    out->outcome = Outcome::kError;
    out->detail = "sandbox failed to run the program: " + s.setup_error;
    return;
  }
  if (s.wall_timeout) {
    out->outcome = Outcome::kTimeout;
    out->detail = "wall-clock timeout after " + std::to_string(limits.wall_timeout.count()) + " ms";
    return;
  }
  if (WIFEXITED(s.wait_status)) {
    out->exit_code = WEXITSTATUS(s.wait_status);
    out->outcome = *out->exit_code == 0 ? Outcome::kPass : Outcome::kFail;
    out->detail = "exit code " + std::to_string(*out->exit_code);
    return;
  }
  int sig = WIFSIGNALED(s.wait_status) ? WTERMSIG(s.wait_status) : 0;
  out->term_signal = sig;
  out->signal_name = signal_name(sig);
  // SIGXCPU at the soft limit, SIGKILL at the hard one (soft + 1 s).
  bool cpu = sig == SIGXCPU || (sig == SIGKILL && s.cpu_time >= milliseconds(limits.cpu_seconds * 1000LL));
  if (cpu) {
    out->outcome = Outcome::kTimeout;
    out->detail = "CPU limit of " + std::to_string(limits.cpu_seconds) + " s reached (" + out->signal_name + ")";
  } else {
    out->outcome = Outcome::kFail;
    out->detail = "killed by " + out->signal_name;
  }
}

// The warm Python helper: options.python_zygote, else beside the running
// executable, else the build tree's.
std::string zygote_helper(const SandboxOptions& options) {
  if (!options.python_zygote.empty()) return options.python_zygote;
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path beside = self.parent_path() / "codeloom-pyzygote";
    if (access(beside.c_str(), X_OK) == 0) return beside.string();
  }
  return CODELOOM_PYZYGOTE_PATH;
}

}  // namespace

Sandbox::~Sandbox() = default;

Sandbox::Sandbox(SandboxOptions options, Isolation isolation)
    : options_(std::move(options)), isolation_(isolation),
      slot_busy_(static_cast<size_t>(std::max(1, options_.uid_slots)), false),
      slot_fd_(slot_busy_.size(), -1) {}

Result<std::unique_ptr<Sandbox>> Sandbox::create(SandboxOptions options) {
  if (options.timeout_scale < 1.0 || !std::isfinite(options.timeout_scale)) {
    return make_error(ErrorCode::kInvalidArgument, "sandbox timeout_scale must be >= 1 (it only lengthens timeouts)");
  }
  if (options.uid_slots < 1 || options.uid_base < 1000) {
    return make_error(ErrorCode::kInvalidArgument, "sandbox uid_base must be >= 1000 and uid_slots >= 1");
  }
  for (const std::string* tool : {&options.python, &options.cxx, &options.javac, &options.java}) {
    if (tool->empty() || tool->front() != '/') {
      return make_error(ErrorCode::kInvalidArgument, "sandbox tool path must be absolute: '" + *tool + "'");
    }
  }
  for (const std::string& path : options.extra_visible) {
    if (path.empty() || path.front() != '/' || under(path, "/tmp") || access(path.c_str(), F_OK) != 0) {
      return make_error(ErrorCode::kInvalidArgument, "sandbox extra_visible path '" + path +
                                                         "' must be absolute, exist and lie outside /tmp");
    }
  }
  auto views = std::make_unique<internal::JobViews>();
  for (auto [language, view] : {std::pair{Language::kPython, &views->python}, std::pair{Language::kCpp, &views->cpp},
                                std::pair{Language::kJava, &views->java}}) {
    Result<std::vector<internal::ViewEntry>> v = internal::job_view(options, language);
    if (!v) return v.error();
    *view = std::move(*v);
  }
  Isolation iso = probe_isolation();
  for (const std::string& layer : options.disabled_layers) {
    bool* flag = layer == "pid_ns" ? &iso.pid_ns : layer == "net_ns" ? &iso.net_ns
               : layer == "mount_ns" ? &iso.mount_ns : layer == "ipc_uts_ns" ? &iso.ipc_uts_ns
               : layer == "setuid" ? &iso.setuid : layer == "user_ns" ? &iso.user_ns : nullptr;
    if (!flag) {
      return make_error(ErrorCode::kInvalidArgument, "unknown sandbox layer in disabled_layers: '" + layer + "'");
    }
    *flag = false;
  }
  if (!iso.full()) {
    if (options.mode == IsolationMode::kRequireFull) {
      return make_error(ErrorCode::kUnsupported,
                        "sandbox isolation unavailable on this machine (missing: " + iso.missing() +
                            "); run as root or enable user namespaces, or choose IsolationMode::kAllowWeaker "
                            "to accept the weaker mode described in docs/sandbox.md");
    }
    CODELOOM_LOG(kWarn, "sandbox: running in WEAKER isolation mode, missing: " << iso.missing()
                                                                               << " (have: " << iso.describe() << ")");
  }
  std::unique_ptr<Sandbox> sandbox(new Sandbox(std::move(options), iso));
  sandbox->views_ = std::move(views);
  if (sandbox->options_.warm_python) {
    const SandboxOptions& o = sandbox->options_;
    std::string why;
    sandbox->zygote_ = internal::Zygote::start(zygote_helper(o), o.python, base_env(), &why);
    if (!sandbox->zygote_) {
      if (!o.python_zygote.empty()) {
        return make_error(ErrorCode::kNotFound, "sandbox: warm Python helper unusable: " + why);
      }
      CODELOOM_LOG(kInfo, "sandbox: Python jobs start a fresh interpreter each (" << why << ")");
    }
  }
  return sandbox;
}

Result<int> Sandbox::acquire_slot() const {
  if (Status s = internal::ensure_scratch_root(options_.scratch_root); !s) return s.error();
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    bool any_free = false;
    for (size_t i = 0; i < slot_busy_.size(); ++i) {
      if (slot_busy_[i]) continue;
      any_free = true;
      // Another process (or Sandbox) may run a job as this uid: skip it.
      Result<int> fd = internal::try_lock_uid(options_.scratch_root, options_.uid_base + static_cast<int>(i));
      if (!fd) return fd.error();
      if (*fd < 0) continue;
      slot_busy_[i] = true;
      slot_fd_[i] = *fd;
      return static_cast<int>(i);
    }
    // Our own slots notify; slots freed by other processes are polled for.
    if (any_free) slot_free_.wait_for(lock, std::chrono::milliseconds(20));
    else slot_free_.wait(lock);
  }
}

void Sandbox::release_slot(int slot) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto i = static_cast<size_t>(slot);
    close(slot_fd_[i]);  // releases the uid's flock
    slot_fd_[i] = -1;
    slot_busy_[i] = false;
  }
  slot_free_.notify_one();
}

Result<JobResult> Sandbox::run(const Job& job) const {
  for (const SourceFile& f : job.files) {
    if (Status s = internal::check_relative_path(f.path); !s) return s.error();
  }
  Result<std::vector<internal::Step>> steps = plan(job, options_);
  if (!steps) return steps.error();

  JobResult result;
  for (const internal::Step& step : *steps) {
    if (step.argv[0].front() == '/' && access(step.argv[0].c_str(), X_OK) != 0) {
      result.outcome = Outcome::kError;
      result.detail = std::string(language_name(job.language)) + " tool not found or not executable: " + step.argv[0];
      return result;
    }
  }

  // One uid per concurrent job (root only): RLIMIT_NPROC counts per uid.
  bool drop = isolation_.root && isolation_.setuid;
  int slot = -1;
  if (drop) {
    Result<int> s = acquire_slot();
    if (!s) {
      result.detail = "sandbox: " + s.error().message;
      return result;
    }
    slot = *s;
  }
  struct SlotGuard {
    const Sandbox* sb;
    int slot;
    ~SlotGuard() { if (slot >= 0) sb->release_slot(slot); }
  } guard{this, slot};
  int uid = drop ? options_.uid_base + slot : -1;

  Result<internal::WorkDir> dir = internal::WorkDir::create(options_.scratch_root, uid, uid, isolation_.root ? options_.work_dir_bytes : 0);
  if (!dir) {
    result.detail = "sandbox: " + dir.error().message;
    return result;
  }
  if (Status s = dir->write_files(job.files, uid, uid); !s) {
    result.detail = "sandbox: " + s.error().message;
    return result;
  }

  for (const internal::Step& step : *steps) {
    internal::SpawnSpec spec;
    spec.argv = step.argv;
    spec.env = base_env();
    spec.env.insert(spec.env.end(), step.extra_env.begin(), step.extra_env.end());
    spec.host_work_dir = dir->path();
    spec.limits = scaled(step.limits, options_.timeout_scale);
    spec.memory_as_data = step.memory_as_data;
    spec.uid = uid;
    spec.gid = uid;
    spec.layers = isolation_;
    if (isolation_.mount_ns) {
      spec.view = views_->of(job.language);
      internal::add_identity(uid >= 0 ? uid : static_cast<int>(getuid()), uid >= 0 ? uid : static_cast<int>(getgid()),
                             &spec.view);
    }
    if (!step.is_compile) spec.stdin_data = job.stdin_data;
    internal::SpawnResult s;
    if (zygote_ && !step.warm_argv.empty()) {
      internal::SpawnSpec warm = spec;
      warm.argv = step.warm_argv;
      s = internal::spawn_sandboxed(warm, zygote_.get());
    }
    if (!zygote_ || step.warm_argv.empty() || s.zygote_unavailable) s = internal::spawn_sandboxed(spec);

    if (step.is_compile) {
      result.compile_time += s.wall_time;
      bool ok = !s.setup_failed && !s.wall_timeout && s.has_status && WIFEXITED(s.wait_status) &&
                WEXITSTATUS(s.wait_status) == 0;
      if (ok) continue;
      JobResult compiled;
      classify(s, spec.limits, &compiled);
      result.outcome = Outcome::kError;
      result.detail = "compilation failed (" + std::string(step.argv[0]) + ": " + compiled.detail + ")";
      result.stdout_data = std::move(s.stdout_data);
      result.stderr_data = std::move(s.stderr_data);
      result.stdout_truncated = s.stdout_truncated;
      result.stderr_truncated = s.stderr_truncated;
      return result;
    }
    classify(s, spec.limits, &result);
    result.stdout_data = std::move(s.stdout_data);
    result.stderr_data = std::move(s.stderr_data);
    result.stdout_truncated = s.stdout_truncated;
    result.stderr_truncated = s.stderr_truncated;
    result.wall_time = s.wall_time;
    result.cpu_time = s.cpu_time;
    result.peak_memory_bytes = s.peak_memory_bytes;
  }
  return result;
}

}  // namespace codeloom::sandbox
