// Host side of one sandboxed process: pipes, fork, the capped output reader,
// the wall-clock deadline and the final report.
#include "spawn.h"

#include "zygote.h"
#include "zygote_protocol.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace codeloom::sandbox::internal {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Closes on scope exit; -1 means empty.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

struct Pipe {
  Fd read, write;
  bool open() {
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return false;
    read.fd = p[0];
    write.fd = p[1];
    return true;
  }
};

SpawnResult setup_error(std::string what) {
  SpawnResult r;
  r.setup_failed = true;
  r.setup_error = what + ": " + std::strerror(errno);
  return r;
}

// Appends up to the cap and drops the rest, so a program printing gigabytes
// costs a bounded amount of memory; returns false at EOF or error.
bool drain(int fd, std::string* out, bool* truncated, std::uint64_t cap) {
  char buf[65536];
  ssize_t n = read(fd, buf, sizeof(buf));
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  std::uint64_t room = cap > out->size() ? cap - out->size() : 0;
  std::uint64_t take = std::min<std::uint64_t>(room, static_cast<std::uint64_t>(n));
  out->append(buf, static_cast<size_t>(take));
  if (take < static_cast<std::uint64_t>(n)) *truncated = true;
  return true;
}

}  // namespace

SpawnResult spawn_sandboxed(const SpawnSpec& spec, Zygote* zygote) {
  if (spec.argv.empty()) {
    SpawnResult r;
    r.setup_failed = true;
    r.setup_error = "empty argv";
    return r;
  }
  Pipe out, err, report, control;
  if (!out.open() || !err.open() || !report.open() || !control.open()) return setup_error("pipe2");
  // stdin comes from a sealed-size memory file: no writer thread, no deadlock.
  Fd in(static_cast<int>(syscall(SYS_memfd_create, "codeloom-stdin", MFD_CLOEXEC)));
  if (in.fd < 0) return setup_error("memfd_create");
  size_t off = 0;
  while (off < spec.stdin_data.size()) {
    ssize_t n = write(in.fd, spec.stdin_data.data() + off, spec.stdin_data.size() - off);
    if (n <= 0) return setup_error("write stdin");
    off += static_cast<size_t>(n);
  }
  lseek(in.fd, 0, SEEK_SET);

  // Everything the child reads is prepared here, before fork().
  PlanStorage storage;
  prepare_plan(spec, &storage);
  ChildPlan& plan = storage.plan;
  plan.stdin_fd = in.fd;
  plan.stdout_fd = out.write.fd;
  plan.stderr_fd = err.write.fd;
  plan.report_fd = report.write.fd;
  plan.control_fd = control.read.fd;

  const Clock::time_point start = Clock::now();
  pid_t shim = -1;
  if (zygote) {
    const int fds[kZygoteFds] = {in.fd, out.write.fd, err.write.fd, report.write.fd, control.read.fd};
    if (!zygote->launch(encode_request(spec), fds)) {
      SpawnResult r;
      r.setup_failed = true;
      r.zygote_unavailable = true;
      r.setup_error = "the warm Python zygote is unavailable";
      return r;
    }
  } else {
    shim = fork();
    if (shim < 0) return setup_error("fork");
    if (shim == 0) run_shim(plan);
  }

  out.write.reset();
  err.write.reset();
  report.write.reset();
  control.read.reset();
  in.reset();
  // Without a zygote the shim is our child: wait on its pidfd. With one, the
  // shim is the zygote's child: its end is the report pipe's EOF (the shim,
  // init and the program hold its write end; the program closes it before
  // running job code).
  Fd pidfd(shim > 0 ? static_cast<int>(syscall(SYS_pidfd_open, shim, 0)) : -1);
  std::string report_bytes;
  bool report_open = zygote != nullptr;

  SpawnResult r;
  const Clock::time_point deadline = start + spec.limits.wall_timeout;
  Clock::time_point hard_deadline = Clock::time_point::max();  // after a kill request
  bool out_open = true, err_open = true, shim_done = false;
  int shim_status = 0;
  struct rusage shim_ru {};
  Clock::time_point drain_until = Clock::time_point::max();
  auto finish_shim = [&] {
    shim_done = true;
    r.wall_time = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    drain_until = Clock::now() + milliseconds(500);
  };
  while (out_open || err_open || !shim_done) {
    Clock::time_point now = Clock::now();
    if (!shim_done && now >= deadline && control.write.fd >= 0) {
      r.wall_timeout = true;
      control.write.reset();  // the shim kills init, and with it the namespace
      hard_deadline = now + milliseconds(2000);
    }
    if (!shim_done && now >= hard_deadline) {
      if (shim > 0) {
        kill(shim, SIGKILL);  // unreaped child: its pid cannot have been reused
      } else {
        // The zygote's shim has had SIGKILL sent to init 2 s ago and still
        // holds the report pipe (a namespace member stuck in the kernel):
        // stop waiting; the kernel finishes the kill on its own.
        finish_shim();
      }
      hard_deadline = Clock::time_point::max();
    }
    if (shim_done && now >= drain_until) break;  // weak mode: an escaper holds a pipe
    Clock::time_point wake = std::min({deadline > now ? deadline : hard_deadline, hard_deadline,
                                       drain_until, now + milliseconds(100)});
    int timeout_ms = static_cast<int>(
        std::chrono::duration_cast<milliseconds>(wake - now).count()) + 1;
    struct pollfd fds[4];
    int n = 0;
    int out_i = -1, err_i = -1, pid_i = -1, rep_i = -1;
    if (out_open) { out_i = n; fds[n++] = {out.read.fd, POLLIN, 0}; }
    if (err_open) { err_i = n; fds[n++] = {err.read.fd, POLLIN, 0}; }
    if (!shim_done && pidfd.fd >= 0) { pid_i = n; fds[n++] = {pidfd.fd, POLLIN, 0}; }
    if (!shim_done && report_open) { rep_i = n; fds[n++] = {report.read.fd, POLLIN, 0}; }
    int rc = poll(fds, static_cast<nfds_t>(n), timeout_ms);
    if (rc < 0 && errno != EINTR) break;
    if (out_i >= 0 && fds[out_i].revents) {
      out_open = drain(out.read.fd, &r.stdout_data, &r.stdout_truncated, spec.limits.max_output_bytes);
    }
    if (err_i >= 0 && fds[err_i].revents) {
      err_open = drain(err.read.fd, &r.stderr_data, &r.stderr_truncated, spec.limits.max_output_bytes);
    }
    if (rep_i >= 0 && fds[rep_i].revents) {
      bool ignored = false;
      report_open = drain(report.read.fd, &report_bytes, &ignored, 64 * sizeof(ChildReport));
      if (!report_open) finish_shim();
    }
    if (shim > 0) {
      bool check_shim = !shim_done && (pidfd.fd < 0 || (pid_i >= 0 && fds[pid_i].revents));
      if (check_shim && wait4(shim, &shim_status, pidfd.fd < 0 ? WNOHANG : 0, &shim_ru) == shim) finish_shim();
    }
  }
  if (!shim_done) {  // poll failed: make sure nothing is left behind
    control.write.reset();
    if (shim > 0) {
      kill(shim, SIGKILL);
      wait4(shim, &shim_status, 0, &shim_ru);
    }
    r.wall_time = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  }

  // init's report (or a setup error) is in the pipe; all writers are gone.
  fcntl(report.read.fd, F_SETFL, O_NONBLOCK);
  for (char buf[4096]; report_bytes.size() < 64 * sizeof(ChildReport);) {
    ssize_t n = read(report.read.fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    report_bytes.append(buf, static_cast<size_t>(n));
  }
  for (size_t off = 0; off + sizeof(ChildReport) <= report_bytes.size(); off += sizeof(ChildReport)) {
    ChildReport rep;
    std::memcpy(&rep, report_bytes.data() + off, sizeof(rep));
    if (rep.kind == ChildReport::kSetupError && !r.setup_failed) {
      r.setup_failed = true;
      rep.message[sizeof(rep.message) - 1] = '\0';
      r.setup_error = std::string(rep.message) + ": " + std::strerror(rep.error_number);
    } else if (rep.kind == ChildReport::kExited) {
      r.has_status = true;
      r.wait_status = rep.wait_status;
      r.cpu_time = milliseconds(rep.cpu_micros / 1000);
      r.peak_memory_bytes = static_cast<std::uint64_t>(rep.maxrss_kb) * 1024;
    }
  }
  if (!r.has_status) {  // killed before init reported: use the shim's totals
    r.cpu_time = milliseconds((shim_ru.ru_utime.tv_sec + shim_ru.ru_stime.tv_sec) * 1000 +
                              (shim_ru.ru_utime.tv_usec + shim_ru.ru_stime.tv_usec) / 1000);
    r.peak_memory_bytes = static_cast<std::uint64_t>(shim_ru.ru_maxrss) * 1024;
    if (!r.setup_failed && !r.wall_timeout) {
      r.setup_failed = true;
      r.setup_error = "sandbox init ended without a report (shim status " +
                      std::to_string(shim_status) + ")";
    }
  }
  return r;
}

}  // namespace codeloom::sandbox::internal
