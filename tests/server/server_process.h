// A real `codeloom serve` process on a free loopback port, for black-box HTTP
// tests, plus a small HTTP client (cpp-httplib) with SSE support.
//
//   auto srv = ServerProcess::start({"--model", model, "--slots", "2"});
//   ASSERT_TRUE(srv) << error;
//   auto r = post_json(srv->port(), "/v1/completions", R"({"prompt":"def f():"})");
//
// The destructor kills the server (SIGKILL) if it is still running.
#pragma once

#include <sys/types.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace codeloom::testing {

class ServerProcess {
 public:
  // Starts build/bin/codeloom serve --host 127.0.0.1 --port 0 --threads 1 <args>
  // and waits (up to 120 s) for its "listening on" line. nullptr + *error on failure.
  static std::unique_ptr<ServerProcess> start(const std::vector<std::string>& args, std::string* error);
  ~ServerProcess();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `sig` and waits up to timeout_s for the exit; returns the exit code,
  // 128 + signal when killed, -1 on timeout.
  int stop(int sig, int timeout_s = 60);
  std::string log() const;  // the server's stderr so far

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
  std::string db_path_;  // our own feedback database, removed with the process
};

struct HttpResult {
  int status = 0;            // 0: no response (connection failed)
  std::string body;
  std::string retry_after;   // Retry-After header
  std::string content_type;
  nlohmann::json json() const;  // parsed body; null when it is not JSON
};

HttpResult http_get(int port, const std::string& path, const std::string& bearer = "");
HttpResult post_json(int port, const std::string& path, const std::string& body, const std::string& bearer = "");

// POSTs and reads an SSE stream; on_event gets each "data:" payload and may
// return false to hang up (the connection is closed). Returns the status.
int post_sse(int port, const std::string& path, const std::string& body,
             const std::function<bool(const std::string& data)>& on_event);

// Reads one number from /metrics ("codeloom_requests_cancelled_total" etc.); -1 when absent.
double metric(int port, const std::string& name);

// Path of the shared tiny test model with an untied output (less repetitive).
std::string server_test_model();

}  // namespace codeloom::testing
