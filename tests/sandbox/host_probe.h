// Host-side observations for the containment suite: a TCP listener that must
// never see a connection, a planted secret, a sentinel process that must
// survive, and /proc scans for processes that must not outlive their job.
// Everything is undone in the destructor.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace codeloom::sandbox::testing {

class HostProbe {
 public:
  HostProbe();   // check ok() afterwards; failure reason in error()
  ~HostProbe();
  HostProbe(const HostProbe&) = delete;
  HostProbe& operator=(const HostProbe&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  int port() const { return port_; }
  int accepted_connections() const;   // drains the listener's backlog
  const std::string& secret_path() const { return secret_path_; }
  const std::string& secret_content() const { return secret_content_; }
  std::vector<std::string> escape_paths() const { return {escape_tmp_, escape_repo_}; }
  const std::string& escape_tmp() const { return escape_tmp_; }
  const std::string& escape_repo() const { return escape_repo_; }
  const std::string& marker() const { return marker_; }
  pid_t sentinel() const { return sentinel_; }
  bool sentinel_alive() const;

  // Replaces the @PLACEHOLDERS@ used by the case files.
  std::string fill(std::string text) const;

  // Every pid in /proc.
  static std::vector<pid_t> all_pids();
  // pids whose /proc/<pid>/cmdline contains `needle`.
  static std::vector<pid_t> processes_with(const std::string& needle);
  // pids whose real uid is in [lo, hi).
  static std::vector<pid_t> processes_with_uid(unsigned lo, unsigned hi);

 private:
  std::string error_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::string secret_path_, secret_content_, escape_tmp_, escape_repo_, marker_;
  pid_t sentinel_ = -1;
};

}  // namespace codeloom::sandbox::testing
