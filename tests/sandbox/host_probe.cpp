#include "host_probe.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace codeloom::sandbox::testing {
namespace {

std::string random_token() {
  std::random_device rd;
  std::ostringstream ss;
  ss << std::hex << rd() << rd();
  return ss.str();
}

void replace_all(std::string* s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s->find(from, pos)) != std::string::npos; pos += to.size()) {
    s->replace(pos, from.size(), to);
  }
}

}  // namespace

HostProbe::HostProbe() {
  std::string token = random_token();
  listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(a);
  if (listen_fd_ < 0 || bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 ||
      listen(listen_fd_, 64) != 0 || getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    error_ = "cannot listen on 127.0.0.1";
    return;
  }
  port_ = ntohs(a.sin_port);

  const char* home = std::getenv("HOME");
  secret_path_ = std::string(home && *home ? home : "/root") + "/.codeloom-sandbox-secret-" + token;
  secret_content_ = "codeloom-secret-content-" + random_token();
  std::ofstream(secret_path_) << secret_content_ << "\n";
  if (!std::ifstream(secret_path_)) error_ = "cannot plant secret at " + secret_path_;

  escape_tmp_ = "/tmp/codeloom-escape-" + token;
  escape_repo_ = std::string(CODELOOM_SOURCE_DIR) + "/codeloom-escape-" + token;
  marker_ = "codeloom-orphan-marker-" + token;

  sentinel_ = fork();
  if (sentinel_ == 0) {
    execl("/bin/sleep", "sleep", "300", static_cast<char*>(nullptr));
    _exit(127);
  }
  if (sentinel_ < 0) error_ = "cannot start sentinel process";
}

HostProbe::~HostProbe() {
  if (listen_fd_ >= 0) close(listen_fd_);
  if (!secret_path_.empty()) unlink(secret_path_.c_str());
  unlink(escape_tmp_.c_str());
  unlink(escape_repo_.c_str());
  if (sentinel_ > 0) {
    kill(sentinel_, SIGKILL);
    waitpid(sentinel_, nullptr, 0);
  }
}

int HostProbe::accepted_connections() const {
  int n = 0;
  for (;;) {
    int c = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (c < 0) break;
    close(c);
    ++n;
  }
  return n;
}

bool HostProbe::sentinel_alive() const {
  if (sentinel_ <= 0) return false;
  int st = 0;
  return waitpid(sentinel_, &st, WNOHANG) == 0 && kill(sentinel_, 0) == 0;
}

std::string HostProbe::fill(std::string text) const {
  replace_all(&text, "@PORT@", std::to_string(port_));
  replace_all(&text, "@ESCAPE_TMP@", escape_tmp_);
  replace_all(&text, "@ESCAPE_REPO@", escape_repo_);
  replace_all(&text, "@SECRET_PATH@", secret_path_);
  replace_all(&text, "@MARKER@", marker_);
  replace_all(&text, "@SENTINEL_PID@", std::to_string(sentinel_));
  return text;
}

std::vector<pid_t> HostProbe::all_pids() {
  std::vector<pid_t> out;
  DIR* d = opendir("/proc");
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
    if (pid > 0) out.push_back(pid);
  }
  closedir(d);
  return out;
}

std::vector<pid_t> HostProbe::processes_with(const std::string& needle) {
  std::vector<pid_t> out;
  for (pid_t pid : all_pids()) {
    if (pid == getpid()) continue;
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (char& c : cmd) c = c == '\0' ? ' ' : c;
    if (cmd.find(needle) != std::string::npos) out.push_back(pid);
  }
  return out;
}

std::vector<pid_t> HostProbe::processes_with_uid(unsigned lo, unsigned hi) {
  std::vector<pid_t> out;
  for (pid_t pid : all_pids()) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("Uid:", 0) == 0) {
        unsigned uid = static_cast<unsigned>(std::strtoul(line.c_str() + 4, nullptr, 10));
        if (uid >= lo && uid < hi) out.push_back(pid);
        break;
      }
    }
  }
  return out;
}

}  // namespace codeloom::sandbox::testing
