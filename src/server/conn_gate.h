// Internal: the connection gate between accept() and the HTTP worker threads.
//
// A slow or hostile client must not hold a worker thread. The gate owns every
// connection that is not being answered: one poll() thread reads request
// heads (and Content-Length bodies) of all of them, with a total deadline per
// head and per body, caps connections per client address and in all, and
// answers malformed framing at once (request_head.h). Only a request whose
// head — and, with Content-Length, whose whole body — has arrived is handed
// to `ready` (a worker). After the response the worker gives the connection
// back (resume: keep-alive) or lets it go (finish). Library-neutral: it only
// sees file descriptors and bytes.
//
// Thread-safety: admit/resume/finish may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "request_head.h"

namespace codeloom::server {

struct GateOptions {
  HeadLimits head;
  int max_connections_per_ip = 128;  // open connections per client address; more get 503
  int max_connections = 512;         // open connections in all; more get 503
  int header_timeout_ms = 10000;     // a request head must be complete this long after its first byte
  int body_timeout_ms = 30000;       // a body must be complete this long after its head
  int keep_alive_timeout_ms = 5000;  // an idle kept-alive connection is closed after this
  // The body of an error the gate answers itself (JSON); plain text when empty.
  std::function<std::string(int status, const std::string& message)> error_body;
};

// One client connection and the bytes received on it that no one consumed yet.
struct Connection {
  int fd = -1;
  std::string ip;
  std::string buffer;             // starts with the head of the current request
  RequestHead head;               // parsed head of that request
  std::size_t request_bytes = 0;  // head + Content-Length body, all in `buffer`; 0 when chunked
  // Gate-internal state.
  enum class Phase { kHead, kBody, kLinger } phase = Phase::kHead;
  std::chrono::steady_clock::time_point deadline;
  bool head_started = false;  // a byte of the current head arrived
  bool counted = false;       // holds a slot in the per-address count
  std::size_t drained = 0;    // bytes discarded while lingering
  std::string refuse;         // set by admit(): over a connection cap, answered 503
};

class ConnectionGate {
 public:
  using Ready = std::function<void(std::unique_ptr<Connection>)>;
  ConnectionGate(GateOptions options, Ready ready);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  void admit(int fd);                              // a freshly accepted socket; the gate owns it
  void resume(std::unique_ptr<Connection> c);      // answered; wait for the next request (keep-alive)
  // Answered and not reusable. `unread_input`: the client may still be
  // sending (an unread body): drain it briefly before closing so the client
  // reads the response instead of a reset.
  void finish(std::unique_ptr<Connection> c, bool unread_input);
  void stop();  // closes every connection the gate holds; joins the thread

  int open_connections(const std::string& ip) const;  // for tests and logs

 private:
  void loop();
  void on_readable(Connection& c, std::chrono::steady_clock::time_point now);
  void advance(Connection& c, std::chrono::steady_clock::time_point now);
  void reply_and_linger(Connection& c, int status, const std::string& message);
  void start_linger(Connection& c);
  void hand_back(std::unique_ptr<Connection> c);
  void release(Connection& c);  // per-address count
  void close_conn(Connection& c);
  void wake();

  const GateOptions options_;
  const Ready ready_;
  int wake_fd_ = -1;
  std::thread thread_;
  mutable std::mutex mu_;  // guards incoming_, counts_, total_, stopping_
  std::vector<std::unique_ptr<Connection>> incoming_;
  std::map<std::string, int> counts_;
  int total_ = 0;
  bool stopping_ = false;
  // Owned by the gate thread.
  std::vector<std::unique_ptr<Connection>> conns_;
};

}  // namespace codeloom::server
