#include "conn_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "codeloom/common/log.h"

namespace codeloom::server {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t kMaxLingerBytes = 8 << 20;  // drained at most, then reset
constexpr int kLingerMs = 2000;
constexpr int kMaxLingering = 256;  // beyond this, close at once

std::string peer_ip(int fd) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return "?";
  char buf[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr, buf, sizeof buf);
  } else if (ss.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr, buf, sizeof buf);
  }
  return buf;
}

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
  }
}

// Best effort without blocking: an error response is small enough for the socket buffer.
void send_all_nowait(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n <= 0) return;
    off += static_cast<std::size_t>(n);
  }
}

}  // namespace

ConnectionGate::ConnectionGate(GateOptions options, Ready ready) : options_(std::move(options)), ready_(std::move(ready)) {
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  thread_ = std::thread([this] { loop(); });
}

ConnectionGate::~ConnectionGate() { stop(); }

void ConnectionGate::wake() {
  const std::uint64_t one = 1;
  const ssize_t n = write(wake_fd_, &one, sizeof one);
  (void)n;
}

void ConnectionGate::admit(int fd) {
  auto c = std::make_unique<Connection>();
  c->fd = fd;
  c->ip = peer_ip(fd);
  c->deadline = Clock::now() + milliseconds(options_.header_timeout_ms);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      close(fd);
      return;
    }
    int& n = counts_[c->ip];
    if (n >= options_.max_connections_per_ip) {
      c->refuse = "too many connections from " + c->ip + " (limit " + std::to_string(options_.max_connections_per_ip) +
                  ", --max-connections-per-ip); close idle ones or retry later";
    } else if (total_ >= options_.max_connections) {
      c->refuse = "the server has " + std::to_string(total_) + " open connections (--max-connections); retry later";
    } else {
      ++n;
      ++total_;
      c->counted = true;
    }
    if (n == 0) counts_.erase(c->ip);
    incoming_.push_back(std::move(c));
  }
  wake();
}

void ConnectionGate::resume(std::unique_ptr<Connection> c) {
  c->phase = Connection::Phase::kHead;
  c->head = RequestHead{};
  c->request_bytes = 0;
  c->head_started = !c->buffer.empty();
  c->deadline = Clock::now() + milliseconds(c->head_started ? options_.header_timeout_ms : options_.keep_alive_timeout_ms);
  hand_back(std::move(c));
}

void ConnectionGate::finish(std::unique_ptr<Connection> c, bool unread_input) {
  if (!unread_input) {
    close_conn(*c);
    return;
  }
  release(*c);  // a lingering connection no longer counts against its address
  shutdown(c->fd, SHUT_WR);
  c->phase = Connection::Phase::kLinger;
  c->deadline = Clock::now() + milliseconds(kLingerMs);
  hand_back(std::move(c));
}

// Queues `c` for the poll thread, or closes it when the gate is stopping.
void ConnectionGate::hand_back(std::unique_ptr<Connection> c) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_) {
      incoming_.push_back(std::move(c));
      c = nullptr;
    }
  }
  if (c) {
    close_conn(*c);
    return;
  }
  wake();
}

void ConnectionGate::release(Connection& c) {
  if (!c.counted) return;
  c.counted = false;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = counts_.find(c.ip);
  if (it != counts_.end() && --it->second <= 0) counts_.erase(it);
  --total_;
}

void ConnectionGate::close_conn(Connection& c) {
  release(c);
  if (c.fd >= 0) close(c.fd);
  c.fd = -1;
}

int ConnectionGate::open_connections(const std::string& ip) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = counts_.find(ip);
  return it == counts_.end() ? 0 : it->second;
}

void ConnectionGate::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake();
  if (thread_.joinable()) thread_.join();
  for (auto& c : incoming_) close_conn(*c);
  incoming_.clear();
  if (wake_fd_ >= 0) close(wake_fd_);
  wake_fd_ = -1;
}

void ConnectionGate::start_linger(Connection& c) {
  release(c);
  const auto lingering = std::count_if(conns_.begin(), conns_.end(), [](const auto& p) {
    return p && p->phase == Connection::Phase::kLinger;
  });
  if (lingering >= kMaxLingering) {
    close_conn(c);
    return;
  }
  shutdown(c.fd, SHUT_WR);
  c.phase = Connection::Phase::kLinger;
  c.deadline = Clock::now() + milliseconds(kLingerMs);
}

void ConnectionGate::reply_and_linger(Connection& c, int status, const std::string& message) {
  const std::string body = options_.error_body ? options_.error_body(status, message) : message;
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) + "\r\n";
  out += options_.error_body ? "Content-Type: application/json\r\n" : "Content-Type: text/plain\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  send_all_nowait(c.fd, out);
  CODELOOM_LOG(kDebug, "gate: " << status << " to " << c.ip << ": " << message);
  start_linger(c);
}

void ConnectionGate::on_readable(Connection& c, Clock::time_point now) {
  char buf[65536];
  for (;;) {
    std::size_t want = sizeof buf;
    // Never buffer more than the phase needs (a pipelined or chunked rest stays in the socket).
    auto room = [](std::size_t limit, std::size_t have) { return have < limit ? limit - have : 0; };
    if (c.phase == Connection::Phase::kHead) {
      want = std::min(want, room(options_.head.max_head_bytes + 1, c.buffer.size()));
    } else if (c.phase == Connection::Phase::kBody) {
      want = std::min(want, room(c.request_bytes, c.buffer.size()));
    }
    if (want == 0) break;
    const ssize_t n = recv(c.fd, buf, want, MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) break;
    if (n <= 0) {  // end of stream or reset
      if (c.phase == Connection::Phase::kHead && !c.head_started) {
        close_conn(c);
      } else if (c.phase == Connection::Phase::kHead) {
        reply_and_linger(c, 400, "the connection ended inside the request head");
      } else if (c.phase == Connection::Phase::kBody) {
        reply_and_linger(c, 400, "the request body ended after " +
                                     std::to_string(c.buffer.size() - c.head.head_bytes) + " of " +
                                     std::to_string(c.head.content_length) + " bytes (Content-Length)");
      } else {
        close_conn(c);
      }
      return;
    }
    if (c.phase == Connection::Phase::kLinger) {
      c.drained += static_cast<std::size_t>(n);
      if (c.drained > kMaxLingerBytes) {
        close_conn(c);
        return;
      }
      continue;
    }
    c.buffer.append(buf, static_cast<std::size_t>(n));
    if (!c.head_started) {
      c.head_started = true;
      c.deadline = now + milliseconds(options_.header_timeout_ms);
    }
  }
  if (c.phase != Connection::Phase::kLinger) advance(c, now);
}

void ConnectionGate::advance(Connection& c, Clock::time_point now) {
  if (c.phase == Connection::Phase::kHead) {
    std::size_t head_bytes = 0;
    HeadError e{400, ""};
    const HeadScan scan = scan_head(c.buffer, options_.head, &head_bytes, &e);
    if (scan == HeadScan::kIncomplete) return;
    if (scan == HeadScan::kComplete) {
      if (auto bad = parse_head(std::string_view(c.buffer).substr(0, head_bytes), options_.head, &c.head)) {
        e = *bad;
      } else {
        e.status = 0;
      }
    }
    if (e.status != 0) {
      reply_and_linger(c, e.status, e.message);
      return;
    }
    if (c.head.expect_continue) {
      // Answer 100-continue here (the body is read here) and hide the header from the HTTP library.
      std::string head = strip_expect(std::string_view(c.buffer).substr(0, head_bytes));
      c.buffer = head + c.buffer.substr(head_bytes);
      head_bytes = head.size();
      c.head.head_bytes = head_bytes;
      if (!c.head.chunked && c.buffer.size() < head_bytes + c.head.content_length) {
        send_all_nowait(c.fd, "HTTP/1.1 100 Continue\r\n\r\n");
      }
    }
    if (c.head.chunked) {
      c.request_bytes = 0;  // the worker reads the chunks, under the body deadline
    } else {
      c.request_bytes = head_bytes + c.head.content_length;
      c.phase = Connection::Phase::kBody;
      c.deadline = now + milliseconds(options_.body_timeout_ms);
    }
  }
  if (c.phase == Connection::Phase::kBody && c.buffer.size() < c.request_bytes) return;
  // Complete: hand it over (the slot in conns_ is compacted by the loop).
  auto it = std::find_if(conns_.begin(), conns_.end(), [&](const auto& p) { return p.get() == &c; });
  if (it != conns_.end()) ready_(std::move(*it));
}

void ConnectionGate::loop() {
  std::vector<pollfd> fds;
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) break;
      for (auto& c : incoming_) conns_.push_back(std::move(c));
      incoming_.clear();
    }
    const auto now = Clock::now();
    // New arrivals: refused ones are answered, resumed ones may hold a whole request already.
    for (std::size_t i = 0; i < conns_.size(); ++i) {
      Connection& c = *conns_[i];
      if (!c.refuse.empty()) {
        const std::string msg = std::move(c.refuse);
        c.refuse.clear();
        reply_and_linger(c, 503, msg);
      } else if (c.phase == Connection::Phase::kHead && !c.buffer.empty() && c.request_bytes == 0 && c.fd >= 0 &&
                 c.head.method.empty()) {
        advance(c, now);
      }
    }
    conns_.erase(std::remove_if(conns_.begin(), conns_.end(), [](const auto& p) { return !p || p->fd < 0; }),
                 conns_.end());
    fds.assign(1, pollfd{wake_fd_, POLLIN, 0});
    auto next = now + milliseconds(1000);
    for (const auto& c : conns_) {
      fds.push_back(pollfd{c->fd, POLLIN, 0});
      next = std::min(next, c->deadline);
    }
    const auto wait = std::chrono::duration_cast<milliseconds>(next - now).count();
    const int ready = poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(0, wait) + 1));
    if (ready < 0 && errno != EINTR) {
      CODELOOM_LOG(kError, "gate: poll failed: errno " << errno);
      std::this_thread::sleep_for(milliseconds(10));
    }
    if (fds[0].revents & POLLIN) {
      std::uint64_t v;
      const ssize_t n = read(wake_fd_, &v, sizeof v);
      (void)n;
    }
    const auto t = Clock::now();
    const std::size_t polled = fds.size() - 1;
    for (std::size_t i = 0; i < polled && i < conns_.size(); ++i) {
      Connection* c = conns_[i].get();
      if (!c || c->fd < 0) continue;
      if (fds[i + 1].revents & (POLLIN | POLLHUP | POLLERR)) on_readable(*c, t);
    }
    for (auto& p : conns_) {
      if (!p || p->fd < 0 || t < p->deadline) continue;
      Connection& c = *p;
      if (c.phase == Connection::Phase::kLinger || (c.phase == Connection::Phase::kHead && !c.head_started)) {
        close_conn(c);  // drained long enough / idle keep-alive
      } else if (c.phase == Connection::Phase::kHead) {
        reply_and_linger(c, 408, "the request head was not complete within " +
                                     std::to_string(options_.header_timeout_ms) + " ms (--header-timeout-ms)");
      } else {
        reply_and_linger(c, 408, "the request body was not complete within " + std::to_string(options_.body_timeout_ms) +
                                     " ms (--body-timeout-ms): " + std::to_string(c.buffer.size() - c.head.head_bytes) +
                                     " of " + std::to_string(c.head.content_length) + " bytes arrived");
      }
    }
    conns_.erase(std::remove_if(conns_.begin(), conns_.end(), [](const auto& p) { return !p || p->fd < 0; }),
                 conns_.end());
  }
  for (auto& c : conns_) {
    if (c) close_conn(*c);
  }
  conns_.clear();
}

}  // namespace codeloom::server
