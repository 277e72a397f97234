// The code that runs between fork() and execve(). The host is multi-threaded,
// so this file only makes system calls on data prepared before fork(): no
// allocation, no locks, no C++ library calls that might take one.
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>

#include "spawn.h"

namespace codeloom::sandbox::internal {
namespace {

// Fixed descriptor numbers in the shim, init and program.
constexpr int kStdin = 0, kStdout = 1, kStderr = 2, kReport = 3, kControl = 4;

void report_setup_error(const char* what, int err) {
  ChildReport r;
  r.kind = ChildReport::kSetupError;
  r.error_number = err;
  std::strncpy(r.message, what, sizeof(r.message) - 1);
  ssize_t n = write(kReport, &r, sizeof(r));
  (void)n;
}

[[noreturn]] void fail(const char* what) { child_fail(what); }

bool write_file(const char* path, const char* text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t len = static_cast<ssize_t>(std::strlen(text));
  bool ok = write(fd, text, static_cast<size_t>(len)) == len;
  close(fd);
  return ok;
}

// Move the prepared descriptors to 0..4 and close everything else, so no other
// job's pipe leaks into this tree (other threads fork concurrently).
void arrange_fds(const ChildPlan& p) {
  int src[5] = {p.stdin_fd, p.stdout_fd, p.stderr_fd, p.report_fd, p.control_fd};
  int high[5];
  for (int i = 0; i < 5; ++i) {
    high[i] = fcntl(src[i], F_DUPFD, 1000);
    if (high[i] < 0) _exit(125);  // no report fd yet; host sees exit 125
  }
  for (int i = 0; i < 5; ++i) {
    if (dup2(high[i], i) < 0) _exit(125);
  }
  syscall(SYS_close_range, 5u, ~0u, 0u);
}

void set_limit(int resource, rlim_t soft, rlim_t hard) {
  struct rlimit rl {soft, hard};
  if (setrlimit(resource, &rl) != 0) fail("setrlimit");
}

[[noreturn]] void run_program(const ChildPlan& p) {
  fcntl(kReport, F_SETFD, FD_CLOEXEC);  // kept only to report an execve failure
  close(kControl);
  // In the zygote the dispositions are a fresh interpreter's (SIGPIPE and
  // SIGXFSZ ignored, SIGINT -> KeyboardInterrupt), exactly what python3 has
  // after execve; keep them.
  if (!p.in_process) {
    for (int s = 1; s < NSIG; ++s) signal(s, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  const Limits& l = p.limits;
  rlim_t cpu = static_cast<rlim_t>(l.cpu_seconds);
  set_limit(RLIMIT_CPU, cpu, cpu + 1);
  set_limit(p.memory_as_data ? RLIMIT_DATA : RLIMIT_AS, l.memory_bytes, l.memory_bytes);
  set_limit(RLIMIT_FSIZE, l.file_size_bytes, l.file_size_bytes);
  set_limit(RLIMIT_NPROC, static_cast<rlim_t>(l.max_processes), static_cast<rlim_t>(l.max_processes));
  set_limit(RLIMIT_NOFILE, static_cast<rlim_t>(l.max_open_files), static_cast<rlim_t>(l.max_open_files));
  set_limit(RLIMIT_CORE, 0, 0);
  if (p.uid >= 0) {
    if (setgroups(0, nullptr) != 0) fail("setgroups");
    if (setresgid(static_cast<gid_t>(p.gid), static_cast<gid_t>(p.gid), static_cast<gid_t>(p.gid)) != 0) {
      fail("setresgid");
    }
    if (setresuid(static_cast<uid_t>(p.uid), static_cast<uid_t>(p.uid), static_cast<uid_t>(p.uid)) != 0) {
      fail("setresuid");
    }
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("no_new_privs");
  if (!p.layers.pid_ns) prctl(PR_SET_PDEATHSIG, SIGKILL);
  umask(022);
  if (p.in_process) {
    close(kReport);  // the job's code must not be able to forge init's report
    p.in_process(p);
    _exit(127);  // not reached: in_process does not return
  }
  execve(p.argv[0], const_cast<char* const*>(p.argv), const_cast<char* const*>(p.envp));
  report_setup_error(p.argv[0], errno);  // "execve <path>" is assembled by the host
  _exit(127);
}

// Parses the decimal prefix of `s`; returns -1 when there is none.
long parse_long(const char* s) {
  long v = -1;
  for (; *s >= '0' && *s <= '9'; ++s) v = (v < 0 ? 0 : v * 10) + (*s - '0');
  return v;
}

// Sends SIGKILL to every process whose parent is us, found by scanning
// /proc/<pid>/stat with raw getdents64 (opendir would allocate). Returns how
// many were signalled.
int kill_own_children() {
  int dir = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return 0;
  const long self = getpid();
  int killed = 0;
  alignas(8) char buf[8192];
  for (;;) {
    long n = syscall(SYS_getdents64, dir, buf, sizeof(buf));
    if (n <= 0) break;
    for (long off = 0; off < n;) {
      struct Dirent64 { std::uint64_t ino; std::int64_t off; unsigned short reclen; unsigned char type; char name[1]; };
      auto* d = reinterpret_cast<Dirent64*>(buf + off);
      off += d->reclen;
      long pid = parse_long(d->name);
      if (pid <= 0) continue;
      char path[64] = "/proc/";
      size_t len = std::strlen(path);
      for (size_t i = 0; d->name[i] && len < 50; ++i) path[len++] = d->name[i];
      std::memcpy(path + len, "/stat", 6);
      int fd = open(path, O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      char stat[512];
      ssize_t m = read(fd, stat, sizeof(stat) - 1);
      close(fd);
      if (m <= 0) continue;
      stat[m] = '\0';
      // "pid (comm) S ppid ...": comm may contain spaces and ')', so use the last ')'.
      char* close_paren = std::strrchr(stat, ')');
      if (!close_paren || close_paren[1] == '\0' || close_paren[2] == '\0') continue;
      if (parse_long(close_paren + 4) == self) {
        kill(static_cast<pid_t>(pid), SIGKILL);
        ++killed;
      }
    }
  }
  close(dir);
  return killed;
}

// Weak mode (no PID namespace): init is a child subreaper, so orphaned
// descendants are re-parented to it; kill its children until none is left
// (bounded, ~2 s). Descendants that escaped to another reaper survive: this
// is the documented weakness of the mode.
void kill_children_without_pid_ns() {
  for (int round = 0; round < 200; ++round) {
    kill_own_children();
    while (waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    if (waitpid(-1, nullptr, WNOHANG) < 0 && errno == ECHILD) return;
    struct timespec ts {0, 10 * 1000 * 1000};
    nanosleep(&ts, nullptr);
  }
}

// init is a fork of the host process (or of the zygote), so /proc/1/cmdline
// would show the host's command line (build, data and model paths) to the
// job. Zero init's copy of the argv strings (fields 48-49 of
// /proc/self/stat: arg_start, arg_end); the warm program, forked from init,
// inherits the zeroed copy. The host's own memory is untouched (copy on write).
void wipe_inherited_cmdline() {
  int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  char stat[1024];
  ssize_t m = read(fd, stat, sizeof(stat) - 1);
  close(fd);
  if (m <= 0) return;
  stat[m] = '\0';
  const char* s = std::strrchr(stat, ')');
  if (!s || s[1] != ' ') return;
  s += 2;  // field 3 (state)
  unsigned long range[2] = {0, 0};
  for (int field = 3; *s && field <= 49; ++field) {
    unsigned long v = 0;
    for (; *s >= '0' && *s <= '9'; ++s) v = v * 10 + static_cast<unsigned long>(*s - '0');
    if (field >= 48) range[field - 48] = v;
    while (*s && *s != ' ') ++s;
    if (*s == ' ') ++s;
  }
  if (range[0] != 0 && range[1] > range[0]) {
    std::memset(reinterpret_cast<void*>(range[0]), 0, range[1] - range[0]);
  }
}

[[noreturn]] void run_init(const ChildPlan& p) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (p.layers.mount_ns) {
    enter_view(p);
    if (chdir(kInnerWorkDir) != 0) fail("chdir work dir");
  } else if (chdir(p.host_work_dir) != 0) {
    fail("chdir work dir");
  }
  if (p.layers.ipc_uts_ns) sethostname("sandbox", 7);
  wipe_inherited_cmdline();
  if (!p.layers.pid_ns) {
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    setpgid(0, 0);  // the shim kills this group on timeout
  }
  pid_t prog = fork();
  if (prog < 0) fail("fork program");
  if (prog == 0) run_program(p);
  close(kStdin);
  close(kStdout);
  close(kStderr);
  close(kControl);
  int status = 0;
  for (;;) {
    int st = 0;
    pid_t w = waitpid(-1, &st, 0);
    if (w == prog) { status = st; break; }
    if (w < 0 && errno != EINTR) fail("wait for the program");  // never report a status we did not get
  }
  // The program is done: nothing it started may outlive it.
  if (p.layers.pid_ns) {
    kill(-1, SIGKILL);  // PID 1 of its namespace: every other member, not us
  } else {
    kill_children_without_pid_ns();
  }
  // With a PID namespace every other member is dying now; reap them all,
  // re-sending the kill in case a fork raced with the first one.
  while (p.layers.pid_ns && (waitpid(-1, nullptr, 0) > 0 || errno == EINTR)) {
    kill(-1, SIGKILL);
  }
  struct rusage ru {};
  getrusage(RUSAGE_CHILDREN, &ru);
  ChildReport r;
  r.kind = ChildReport::kExited;
  r.wait_status = status;
  r.cpu_micros = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec +
                 ru.ru_stime.tv_usec;
  r.maxrss_kb = ru.ru_maxrss;
  ssize_t n = write(kReport, &r, sizeof(r));
  (void)n;
  _exit(0);
}

}  // namespace

[[noreturn]] void child_fail(const char* what) {
  report_setup_error(what, errno);
  _exit(126);
}

[[noreturn]] void run_shim(const ChildPlan& p) {
  arrange_fds(p);
  if (setpgid(0, 0) != 0) fail("setpgid");
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (p.layers.user_ns && !p.layers.root) {
    if (unshare(CLONE_NEWUSER) != 0) fail("unshare user namespace");
    if (!write_file("/proc/self/setgroups", "deny") || !write_file("/proc/self/uid_map", p.uid_map) ||
        !write_file("/proc/self/gid_map", p.gid_map)) {
      fail("write user namespace id maps");
    }
  }
  int flags = 0;
  if (p.layers.pid_ns) flags |= CLONE_NEWPID;
  if (p.layers.net_ns) flags |= CLONE_NEWNET;
  if (p.layers.mount_ns) flags |= CLONE_NEWNS;
  if (p.layers.ipc_uts_ns) flags |= CLONE_NEWIPC | CLONE_NEWUTS;
  if (flags != 0 && unshare(flags) != 0) fail("unshare namespaces");
  pid_t init = fork();
  if (init < 0) fail("fork init");
  if (init == 0) run_init(p);
  close(kStdin);
  close(kStdout);
  close(kStderr);
  close(kReport);
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, init, 0));
  // Wait for init to finish, or for the host to close the control pipe.
  bool killed = false;
  for (;;) {
    struct pollfd fds[2] = {{kControl, POLLIN, 0}, {pidfd, POLLIN, 0}};
    int nfds = pidfd >= 0 ? 2 : 1;
    int rc = poll(fds, static_cast<nfds_t>(nfds), pidfd >= 0 ? -1 : 50);
    if (rc < 0 && errno != EINTR) break;
    if (nfds == 2 && (fds[1].revents & POLLIN)) break;
    if (pidfd < 0 && waitpid(init, nullptr, WNOHANG) == init) _exit(0);
    if (!killed && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      // init is our unreaped child, so its pid cannot have been reused.
      kill(init, SIGKILL);
      if (!p.layers.pid_ns) kill(-init, SIGKILL);  // init's process group
      killed = true;
    }
  }
  while (waitpid(init, nullptr, 0) < 0 && errno == EINTR) {
  }
  _exit(0);
}

}  // namespace codeloom::sandbox::internal
