// Probes each isolation layer in a throwaway child, so the answer reflects what
// this container really allows (seccomp profiles, missing privileges, old
// kernels) rather than what the kernel version suggests.
#include "codeloom/sandbox/isolation.h"

#include <fcntl.h>
#include <linux/mount.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace codeloom::sandbox {
namespace {

enum Bit : std::uint32_t {
  kUserNs = 1, kPidNs = 2, kNetNs = 4, kMountNs = 8, kIpcUts = 16, kSetuid = 32,
};

bool write_file(const char* path, const char* text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  auto len = static_cast<ssize_t>(std::strlen(text));
  bool ok = write(fd, text, static_cast<size_t>(len)) == len;
  close(fd);
  return ok;
}

// In a forked grandchild: can a fresh tmpfs with a read-only bind become the
// root (pivot_root) with the old root detached, as view_child.cpp does?
bool probe_view_root() {
  pid_t c = fork();
  if (c == 0) {
    bool ok = unshare(CLONE_NEWNS) == 0 && mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0 &&
              mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64k") == 0 &&
              mkdir("/tmp/usr", 0755) == 0 && mount("/usr", "/tmp/usr", nullptr, MS_BIND | MS_REC, nullptr) == 0;
    if (ok) {
      struct mount_attr attr {};
      attr.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID;
      ok = syscall(SYS_mount_setattr, AT_FDCWD, "/tmp/usr", AT_RECURSIVE, &attr, sizeof(attr)) == 0 &&
           chdir("/tmp") == 0 && syscall(SYS_pivot_root, ".", ".") == 0 && umount2(".", MNT_DETACH) == 0 &&
           chdir("/") == 0 && access("/usr", F_OK) == 0;
    }
    _exit(ok ? 0 : 1);
  }
  int st = 0;
  return c > 0 && waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

// Runs in the forked child: only system calls on prepared data.
std::uint32_t probe_in_child(bool root, const char* uid_map, const char* gid_map) {
  std::uint32_t bits = 0;
  if (!root) {
    if (unshare(CLONE_NEWUSER) == 0 && write_file("/proc/self/setgroups", "deny") &&
        write_file("/proc/self/uid_map", uid_map) && write_file("/proc/self/gid_map", gid_map)) {
      bits |= kUserNs;
    } else {
      return bits;  // without privileges nothing else can work
    }
  }
  if (unshare(CLONE_NEWNET) == 0) bits |= kNetNs;
  if (unshare(CLONE_NEWIPC | CLONE_NEWUTS) == 0) bits |= kIpcUts;
  bool view_root = probe_view_root();
  if (unshare(CLONE_NEWNS) == 0 && mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0) {
    bool tmp = mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=64k") == 0;
    if (view_root && tmp) bits |= kMountNs;
  }
  // Before the PID namespace: once its init exits, fork() fails there.
  if (root) {
    pid_t c = fork();
    if (c == 0) _exit(setresgid(65534, 65534, 65534) == 0 && setresuid(65534, 65534, 65534) == 0 ? 0 : 1);
    int st = 0;
    if (c > 0 && waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0) bits |= kSetuid;
  }
  if (unshare(CLONE_NEWPID) == 0) {
    pid_t c = fork();
    if (c == 0) {
      // PID 1 of the new namespace; it must be able to mount its own /proc.
      bool ok = getpid() == 1;
      if (ok && (bits & kMountNs)) ok = mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) == 0;
      _exit(ok ? 0 : 1);
    }
    int st = 0;
    if (c > 0 && waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 0) bits |= kPidNs;
  }
  return bits;
}

}  // namespace

bool Isolation::full() const {
  return pid_ns && net_ns && mount_ns && ipc_uts_ns && pidfd && ((root && setuid) || user_ns);
}

std::string Isolation::missing() const {
  std::string out;
  auto add = [&](bool have, const char* name) {
    if (!have) out += out.empty() ? name : std::string(" ") + name;
  };
  add(pid_ns, "pid_ns");
  add(net_ns, "net_ns");
  add(mount_ns, "mount_ns");
  add(ipc_uts_ns, "ipc_uts_ns");
  add(pidfd, "pidfd");
  add((root && setuid) || user_ns, root ? "setuid" : "user_ns");
  return out;
}

std::string Isolation::describe() const {
  std::string out;
  auto add = [&](bool have, const char* name) {
    if (have) out += out.empty() ? name : std::string(" ") + name;
  };
  add(root, "root");
  add(setuid, "setuid");
  add(user_ns, "user_ns");
  add(pid_ns, "pid_ns");
  add(net_ns, "net_ns");
  add(mount_ns, "mount_ns");
  add(ipc_uts_ns, "ipc_uts_ns");
  add(pidfd, "pidfd");
  return out.empty() ? "none" : out;
}

Isolation probe_isolation() {
  Isolation iso;
  iso.root = geteuid() == 0;
  int self = static_cast<int>(syscall(SYS_pidfd_open, getpid(), 0));
  if (self >= 0) {
    iso.pidfd = true;
    close(self);
  }
  std::string uid_map = std::to_string(getuid()) + " " + std::to_string(getuid()) + " 1\n";
  std::string gid_map = std::to_string(getgid()) + " " + std::to_string(getgid()) + " 1\n";
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0) return iso;
  pid_t child = fork();
  if (child == 0) {
    close(p[0]);
    std::uint32_t bits = probe_in_child(iso.root, uid_map.c_str(), gid_map.c_str());
    ssize_t n = write(p[1], &bits, sizeof(bits));
    _exit(n == sizeof(bits) ? 0 : 1);
  }
  close(p[1]);
  std::uint32_t bits = 0;
  if (child > 0) {
    if (read(p[0], &bits, sizeof(bits)) != sizeof(bits)) bits = 0;
    waitpid(child, nullptr, 0);
  }
  close(p[0]);
  iso.user_ns = bits & kUserNs;
  iso.pid_ns = bits & kPidNs;
  iso.net_ns = bits & kNetNs;
  iso.mount_ns = bits & kMountNs;
  iso.ipc_uts_ns = bits & kIpcUts;
  iso.setuid = bits & kSetuid;
  return iso;
}

}  // namespace codeloom::sandbox
