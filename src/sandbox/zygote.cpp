#include "zygote.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "zygote_protocol.h"

namespace codeloom::sandbox::internal {
namespace {

std::vector<char*> c_strings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

}  // namespace

Zygote::Zygote(std::string helper, std::string python, std::vector<std::string> env)
    : helper_(std::move(helper)), python_(std::move(python)), env_(std::move(env)) {}

std::unique_ptr<Zygote> Zygote::start(std::string helper, std::string python, std::vector<std::string> env,
                                      std::string* why) {
  if (access(helper.c_str(), X_OK) != 0) {
    *why = "helper " + helper + " not found or not executable";
    return nullptr;
  }
  std::unique_ptr<Zygote> z(new Zygote(std::move(helper), std::move(python), std::move(env)));
  std::lock_guard<std::mutex> lock(z->mu_);
  if (!z->spawn_locked(why)) return nullptr;
  return z;
}

Zygote::~Zygote() {
  std::lock_guard<std::mutex> lock(mu_);
  stop_locked();
}

bool Zygote::spawn_locked(std::string* why) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
    *why = std::string("socketpair: ") + std::strerror(errno);
    return false;
  }
  std::vector<std::string> args = {helper_, "--python", python_};
  std::vector<char*> argv = c_strings(args), envp = c_strings(env_);
  // Only system calls between fork() and execve(): the host is multi-threaded.
  // (<spawn.h> is shadowed by this module's spawn.h, hence no posix_spawn.)
  pid_t pid = fork();
  if (pid == 0) {
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0) _exit(127);
    if (sv[1] == 3 ? fcntl(3, F_SETFD, 0) < 0 : dup2(sv[1], 3) < 0) _exit(127);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int err = errno;
  close(sv[1]);
  if (pid < 0) {
    close(sv[0]);
    *why = "cannot start " + helper_ + ": " + std::strerror(err);
    return false;
  }
  sock_ = sv[0];
  pid_ = pid;
  // Hello: "ok <version>" or "error <why>".
  struct pollfd pfd = {sock_, POLLIN, 0};
  char hello[512];
  ssize_t n = -1;
  if (poll(&pfd, 1, 20000) == 1) n = recv(sock_, hello, sizeof(hello) - 1, 0);
  std::string text = n > 0 ? std::string(hello, static_cast<size_t>(n)) : std::string();
  if (text.rfind("ok ", 0) != 0) {
    *why = text.rfind("error ", 0) == 0 ? text.substr(6)
                                        : (n < 0 ? "no answer within 20 s" : "exited during start-up");
    stop_locked();
    return false;
  }
  return true;
}

void Zygote::stop_locked() {
  if (sock_ >= 0) close(sock_);  // the zygote exits at EOF; its running jobs die with it
  sock_ = -1;
  if (pid_ <= 0) return;
  for (int i = 0; i < 100; ++i) {  // ~1 s for a clean exit
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid_, SIGKILL);
  while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

bool Zygote::launch(const std::string& request, const int* fds) {
  if (request.size() > kMaxZygoteRequest) return false;
  std::lock_guard<std::mutex> lock(mu_);
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (sock_ < 0) {
      std::string why;
      if (!spawn_locked(&why)) return false;
    }
    struct iovec iov = {const_cast<char*>(request.data()), request.size()};
    alignas(struct cmsghdr) char control[CMSG_SPACE(sizeof(int) * kZygoteFds)] = {};
    struct msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    struct cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int) * kZygoteFds);
    std::memcpy(CMSG_DATA(c), fds, sizeof(int) * kZygoteFds);
    ssize_t n;
    do {
      n = sendmsg(sock_, &msg, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n == static_cast<ssize_t>(request.size())) return true;
    stop_locked();  // dead or wedged: start a fresh one and retry once
  }
  return false;
}

}  // namespace codeloom::sandbox::internal
