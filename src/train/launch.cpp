#include "codeloom/train/launch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

extern char** environ;

namespace codeloom::train {

Result<int> free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return make_error(ErrorCode::kIo, std::string("socket: ") + std::strerror(errno));
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    return make_error(ErrorCode::kIo, std::string("cannot find a free port: ") + std::strerror(errno));
  }
  ::close(fd);
  return static_cast<int>(ntohs(a.sin_port));
}

Result<int> launch_workers(const std::vector<std::string>& argv, int nproc, int port) {
  if (argv.empty() || nproc < 1) return make_error(ErrorCode::kInvalidArgument, "launch_workers: nothing to run");
  std::vector<pid_t> pids;
  for (int rank = 0; rank < nproc; ++rank) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
      const std::string kv = *e;
      if (kv.rfind("CODELOOM_RANK=", 0) == 0 || kv.rfind("CODELOOM_WORLD_SIZE=", 0) == 0 ||
          kv.rfind("CODELOOM_MASTER_", 0) == 0)
        continue;
      env.push_back(kv);
    }
    env.push_back(std::string(kEnvRank) + "=" + std::to_string(rank));
    env.push_back(std::string(kEnvWorldSize) + "=" + std::to_string(nproc));
    env.push_back(std::string(kEnvMasterAddr) + "=127.0.0.1");
    env.push_back(std::string(kEnvMasterPort) + "=" + std::to_string(port));
    std::vector<char*> cargv, cenv;
    for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    for (auto& e : env) cenv.push_back(e.data());
    cenv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0].c_str(), nullptr, nullptr, cargv.data(), cenv.data());
    if (rc != 0) {
      for (pid_t p : pids) ::kill(p, SIGTERM);
      for (pid_t p : pids) ::waitpid(p, nullptr, 0);
      return make_error(ErrorCode::kIo, "cannot start worker '" + argv[0] + "': " + std::strerror(rc));
    }
    pids.push_back(pid);
  }
  int result = 0;
  std::size_t left = pids.size();
  while (left > 0) {
    int status = 0;
    const pid_t done = ::waitpid(-1, &status, 0);
    if (done < 0) {
      if (errno == EINTR) continue;
      break;
    }
    bool ours = false;
    for (pid_t& p : pids)
      if (p == done) ours = true, p = -1;
    if (!ours) continue;
    --left;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    if (code != 0 && result == 0) {
      result = code;
      for (pid_t p : pids)
        if (p > 0) ::kill(p, SIGTERM);  // peers would block in a collective until the timeout
    }
  }
  return result;
}

Result<DistOptions> dist_from_env(DistOptions base) {
  auto num = [](const char* name, const char* v, int* out) -> Status {
    char* end = nullptr;
    const long x = std::strtol(v, &end, 10);
    if (end == v || *end != '\0' || x < 0 || x > 65535)
      return make_error(ErrorCode::kInvalidArgument, std::string(name) + "='" + v + "' is not a valid number");
    *out = static_cast<int>(x);
    return Status::Ok();
  };
  const char* ws = std::getenv(kEnvWorldSize);
  if (ws == nullptr) return base;
  if (Status s = num(kEnvWorldSize, ws, &base.world_size); !s) return s.error();
  if (const char* r = std::getenv(kEnvRank)) {
    if (Status s = num(kEnvRank, r, &base.rank); !s) return s.error();
  } else {
    return make_error(ErrorCode::kInvalidArgument, std::string(kEnvWorldSize) + " is set but " + kEnvRank + " is not");
  }
  if (const char* a = std::getenv(kEnvMasterAddr)) base.master_addr = a;
  if (const char* p = std::getenv(kEnvMasterPort)) {
    if (Status s = num(kEnvMasterPort, p, &base.master_port); !s) return s.error();
  }
  if (base.world_size < 1 || base.rank >= base.world_size)
    return make_error(ErrorCode::kInvalidArgument, "rank " + std::to_string(base.rank) + " is outside world size " +
                                                       std::to_string(base.world_size));
  return base;
}

}  // namespace codeloom::train
