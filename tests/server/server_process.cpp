#include "server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/tiny_model.h"

namespace codeloom::testing {

std::unique_ptr<ServerProcess> ServerProcess::start(const std::vector<std::string>& extra, std::string* error) {
  std::vector<std::string> argv = {std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom", "serve", "--host", "127.0.0.1",
                                   "--port", "0", "--threads", "1"};
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  static int counter = 0;
  const std::string stem = std::filesystem::temp_directory_path().string() + "/codeloom-server-test-" +
                           std::to_string(::getpid()) + "-" + std::to_string(counter++);
  p->log_path_ = stem + ".log";
  // Each server gets its own feedback database unless the test names one.
  if (std::find(extra.begin(), extra.end(), "--feedback-db") == extra.end()) {
    p->db_path_ = stem + ".db";
    argv.insert(argv.end(), {"--feedback-db", p->db_path_});
  }
  argv.insert(argv.end(), extra.begin(), extra.end());
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) {
    *error = "pipe failed";
    return nullptr;
  }
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    *error = "fork failed";
    return nullptr;
  }
  if (pid == 0) {
    ::dup2(out[1], 1);
    const int log = ::open(p->log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) ::dup2(log, 2);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  p->pid_ = pid;
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline && line.find('\n') == std::string::npos) {
    pollfd pfd{out[0], POLLIN, 0};
    if (::poll(&pfd, 1, 200) <= 0) continue;
    char buf[256];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  const auto colon = line.rfind(':');
  if (line.find("listening on") == std::string::npos || colon == std::string::npos) {
    *error = "server did not start; stdout: '" + line + "'; stderr: " + p->log();
    return nullptr;
  }
  p->port_ = std::atoi(line.c_str() + colon + 1);
  return p;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL, 30);
  std::error_code ec;
  std::filesystem::remove(log_path_, ec);
  if (!db_path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path_ + suffix, ec);
  }
}

int ServerProcess::stop(int sig, int timeout_s) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, sig);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string ServerProcess::log() const {
  std::ifstream in(log_path_);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

static HttpResult convert(const httplib::Result& r) {
  HttpResult out;
  if (!r) return out;
  out.status = r->status;
  out.body = r->body;
  out.retry_after = r->get_header_value("Retry-After");
  out.content_type = r->get_header_value("Content-Type");
  return out;
}

static httplib::Headers auth(const std::string& bearer) {
  httplib::Headers h;
  if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
  return h;
}

HttpResult http_get(int port, const std::string& path, const std::string& bearer) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(300, 0);
  return convert(c.Get(path, auth(bearer)));
}

HttpResult post_json(int port, const std::string& path, const std::string& body, const std::string& bearer) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(300, 0);
  return convert(c.Post(path, auth(bearer), body, "application/json"));
}

int post_sse(int port, const std::string& path, const std::string& body,
             const std::function<bool(const std::string&)>& on_event) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(300, 0);
  httplib::Request req;
  req.method = "POST";
  req.path = path;
  req.body = body;
  req.set_header("Content-Type", "application/json");
  std::string buffer;
  bool keep = true;
  req.content_receiver = [&](const char* data, size_t len, uint64_t, uint64_t) {
    buffer.append(data, len);
    for (std::size_t end; keep && (end = buffer.find("\n\n")) != std::string::npos;) {
      const std::string event = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      if (event.rfind("data: ", 0) == 0) keep = on_event(event.substr(6));
    }
    return keep;
  };
  int status = 0;
  req.response_handler = [&](const httplib::Response& r) {
    status = r.status;
    return true;
  };
  auto r = c.send(req);
  if (r) status = r->status;
  return status;
}

double metric(int port, const std::string& name) {
  auto r = http_get(port, "/metrics");
  std::istringstream in(r.body);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(name + " ", 0) == 0) return std::stod(line.substr(name.size() + 1));
  }
  return -1;
}

std::string server_test_model() {
  TinyModelOptions o;
  o.tied_output = false;
  auto p = tiny_model_path(o);
  return p ? *p : std::string();
}

}  // namespace codeloom::testing
