// The job's root filesystem (child side, between fork() and execve(): system
// calls on data prepared before the fork only). A fresh tmpfs becomes the
// root; it receives the view's entries (view.h: read-only binds of the
// allow-listed host paths, symlinks, device nodes, /etc/passwd), a private
// /tmp with the work dir at /tmp/work, /dev/shm and /proc; then pivot_root
// makes it / and the host's root is detached, so no path leads back to it.
#include <fcntl.h>
#include <linux/mount.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "spawn.h"

namespace codeloom::sandbox::internal {
namespace {

// The new root is assembled on the host's /tmp (inside this mount namespace
// only): kViewStage + path of each entry, prepared by prepare_plan().
constexpr const char* kRootOptions = "size=1m,nr_inodes=4096,mode=755";
constexpr const char* kStagedTmp = "/tmp/tmp";
constexpr const char* kStagedWork = "/tmp/tmp/work";
constexpr const char* kStagedShm = "/tmp/dev/shm";
constexpr const char* kStagedProc = "/tmp/proc";

int mount_setattr_(const char* path, unsigned flags, std::uint64_t set, std::uint64_t clr) {
  struct mount_attr attr {};
  attr.attr_set = set;
  attr.attr_clr = clr;
  return static_cast<int>(syscall(SYS_mount_setattr, AT_FDCWD, path, flags, &attr, sizeof(attr)));
}

// "what path" in a stack buffer (no allocation after fork).
[[noreturn]] void fail_at(const char* what, const char* path) {
  char msg[240];
  size_t n = 0;
  for (const char* s : {what, " ", path}) {
    for (; *s && n + 1 < sizeof(msg); ++s) msg[n++] = *s;
  }
  msg[n] = '\0';
  child_fail(msg);
}

void create_file(const char* path, mode_t mode) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) fail_at("view: create", path);
  close(fd);
}

void bind(const ViewMount& m, bool recursive, std::uint64_t attrs) {
  if (mount(m.source, m.staged, nullptr, MS_BIND | (recursive ? MS_REC : 0), nullptr) != 0) {
    fail_at("view: bind", m.source);
  }
  if (mount_setattr_(m.staged, recursive ? AT_RECURSIVE : 0, attrs, 0) != 0) fail_at("view: protect", m.source);
}

void place(const ViewMount& m) {
  switch (m.kind) {
    case ViewEntry::kDir:
      if (mkdir(m.staged, 0755) != 0 && errno != EEXIST) fail_at("view: mkdir", m.staged);
      return;
    case ViewEntry::kBindDir:
      if (mkdir(m.staged, 0755) != 0 && errno != EEXIST) fail_at("view: mkdir", m.staged);
      bind(m, true, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV);
      return;
    case ViewEntry::kBindFile:
      create_file(m.staged, 0644);
      bind(m, false, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV);
      return;
    case ViewEntry::kDevice:  // writable (/dev/null), but nothing to execute
      create_file(m.staged, 0666);
      bind(m, false, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC);
      return;
    case ViewEntry::kSymlink:
      if (symlink(m.source, m.staged) != 0) fail_at("view: symlink", m.staged);
      return;
    case ViewEntry::kFile: {
      int fd = open(m.staged, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
      if (fd < 0) fail_at("view: create", m.staged);
      ssize_t len = static_cast<ssize_t>(std::strlen(m.source));
      if (write(fd, m.source, static_cast<size_t>(len)) != len) fail_at("view: write", m.staged);
      close(fd);
      return;
    }
    default:
      fail_at("view: unknown entry kind for", m.staged);
  }
}

// "/proc/self/fd/<fd>" into buf.
void fd_path(int fd, char* buf) {
  std::strcpy(buf, "/proc/self/fd/");
  char digits[16];
  int len = 0;
  do { digits[len++] = static_cast<char>('0' + fd % 10); fd /= 10; } while (fd > 0);
  size_t pos = std::strlen(buf);
  while (len > 0) buf[pos++] = digits[--len];
  buf[pos] = '\0';
}

}  // namespace

void enter_view(const ChildPlan& p) {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) child_fail("make / private");
  // Opened before the host's /tmp is covered: the work dir usually lives there.
  int work_fd = open(p.host_work_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (work_fd < 0) child_fail("open work dir");
  if (mount("tmpfs", kViewStage, "tmpfs", MS_NOSUID | MS_NODEV, kRootOptions) != 0) {
    child_fail("mount the sandbox root (tmpfs)");
  }
  for (int i = 0; i < p.view_count; ++i) place(p.view[i]);

  if (mount("tmpfs", kStagedTmp, "tmpfs", MS_NOSUID | MS_NODEV, p.tmp_mount_options) != 0) {
    child_fail("mount private /tmp");
  }
  if (mkdir(kStagedWork, 0755) != 0) child_fail("create /tmp/work");
  char work_path[64];
  fd_path(work_fd, work_path);
  if (mount(work_path, kStagedWork, nullptr, MS_BIND, nullptr) != 0) child_fail("bind work dir");
  if (mount_setattr_(kStagedWork, 0, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, MOUNT_ATTR_RDONLY) != 0) {
    child_fail("make work dir writable");
  }
  close(work_fd);
  if (mount("tmpfs", kStagedShm, "tmpfs", MS_NOSUID | MS_NODEV, p.tmp_mount_options) != 0) {
    child_fail("mount private /dev/shm");
  }
  // A fresh /proc for the PID namespace, mounted while the host's /proc is
  // still attached (in a user namespace the kernel requires a visible one).
  // Without a PID namespace (weak mode) init needs the host's /proc to find
  // its children.
  if (p.layers.pid_ns) {
    if (mount("proc", kStagedProc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
      child_fail("mount /proc for the PID namespace");
    }
  } else if (mount("/proc", kStagedProc, nullptr, MS_BIND | MS_REC, nullptr) != 0) {
    child_fail("bind /proc");
  }

  // Swap roots: the old root ends up stacked on the new one and is detached
  // with everything mounted below it.
  if (chdir(kViewStage) != 0) child_fail("chdir to the sandbox root");
  if (syscall(SYS_pivot_root, ".", ".") != 0) child_fail("pivot_root");
  if (umount2(".", MNT_DETACH) != 0) child_fail("detach the host's root");
  if (chdir("/") != 0) child_fail("chdir /");
  if (mount_setattr_("/", 0, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, 0) != 0) {
    child_fail("make the sandbox root read-only");
  }
}

}  // namespace codeloom::sandbox::internal
