// Which isolation layers this machine allows, found by probing in a throwaway
// child process (never by guessing from the kernel version). See docs/sandbox.md.
//
//   codeloom::sandbox::Isolation iso = codeloom::sandbox::probe_isolation();
//   if (!iso.full()) std::cerr << "missing: " << iso.missing() << "\n";
//
// probe_isolation() forks; it is thread-safe and takes ~10 ms.
#pragma once

#include <string>

namespace codeloom::sandbox {

struct Isolation {
  bool root = false;            // running as uid 0 (can drop to per-job uids)
  bool user_ns = false;         // unshare(CLONE_NEWUSER) works (used when not root)
  bool pid_ns = false;          // CLONE_NEWPID: the tree dies with its init
  bool net_ns = false;          // CLONE_NEWNET: no interfaces except a down loopback
  bool mount_ns = false;        // CLONE_NEWNS + a fresh root holding only the job's view (pivot_root)
  bool ipc_uts_ns = false;      // CLONE_NEWIPC | CLONE_NEWUTS
  bool setuid = false;          // root can setuid() to an unprivileged uid
  bool pidfd = false;           // pidfd_open(): race-free waits and kills

  // Everything the full mode needs: pid, net, mount namespaces, pidfd, and a
  // way to run as an unprivileged uid (root + setuid, or a user namespace).
  bool full() const;
  // Space-separated names of the missing layers, e.g. "net_ns mount_ns".
  std::string missing() const;
  // One line for logs, e.g. "root setuid pid_ns net_ns mount_ns ipc_uts_ns pidfd".
  std::string describe() const;
};

Isolation probe_isolation();

}  // namespace codeloom::sandbox
