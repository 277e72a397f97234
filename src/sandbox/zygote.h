// Internal: the host's handle on the warm Python zygote (codeloom-pyzygote,
// see zygote_protocol.h). Thread-safe: launch() may be called from many
// threads; requests are sent one at a time, the jobs then run concurrently.
#pragma once

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace codeloom::sandbox::internal {

class Zygote {
 public:
  // Starts `helper` for the interpreter `python` with environment `env`.
  // Returns null and sets *why when it cannot serve (helper missing, a
  // different Python embedded, start-up failure).
  static std::unique_ptr<Zygote> start(std::string helper, std::string python, std::vector<std::string> env,
                                       std::string* why);
  ~Zygote();
  Zygote(const Zygote&) = delete;
  Zygote& operator=(const Zygote&) = delete;

  // Hands one job (an encoded request and its kZygoteFds descriptors) to the
  // zygote, restarting it once if it died. False when it cannot take the job.
  bool launch(const std::string& request, const int* fds);

 private:
  Zygote(std::string helper, std::string python, std::vector<std::string> env);
  bool spawn_locked(std::string* why);
  void stop_locked();

  std::mutex mu_;
  const std::string helper_, python_;
  const std::vector<std::string> env_;
  int sock_ = -1;   // guarded by mu_
  pid_t pid_ = -1;  // guarded by mu_
};

}  // namespace codeloom::sandbox::internal
