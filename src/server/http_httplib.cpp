// cpp-httplib behind the HttpServer interface (the only file including it).
//
// cpp-httplib 0.11 reads a request on the thread that then handles it, with
// per-read timeouts only, and decompresses or de-chunks a body without a
// limit. So it only parses: the listening socket and accept() stay its own,
// but each accepted socket goes to the ConnectionGate (conn_gate.h), which
// reads heads and Content-Length bodies under total deadlines and connection
// caps; a request that has fully arrived is replayed from memory to
// httplib's process_request() on a WorkerPool thread through ConnStream.
// POST bodies are read through a ContentReader that counts every decoded
// byte against max_body_bytes.
#include <arpa/inet.h>
#include <httplib.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>

#include "codeloom/common/log.h"
#include "conn_gate.h"
#include "http.h"
#include "peer_socket.h"
#include "worker_pool.h"

namespace codeloom::server {

std::string HttpRequest::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return "";
}

namespace {

using Clock = std::chrono::steady_clock;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The request's bytes already received by the gate, then the socket (chunked
// bodies), read under the body deadline. Writes go straight to the socket
// (SO_SNDTIMEO, set at accept, bounds each).
class ConnStream final : public httplib::Stream {
 public:
  ConnStream(Connection& c, Clock::time_point read_deadline, int write_timeout_s)
      : c_(c), deadline_(read_deadline), write_timeout_ms_(write_timeout_s * 1000) {}

  bool is_readable() const override { return pos_ < c_.buffer.size() || wait(POLLIN, remaining_ms()); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ < c_.buffer.size()) {
      const std::size_t n = std::min(size, c_.buffer.size() - pos_);
      std::memcpy(ptr, c_.buffer.data() + pos_, n);
      pos_ += n;
      return static_cast<ssize_t>(n);
    }
    if (!wait(POLLIN, remaining_ms())) {
      timed_out = Clock::now() >= deadline_;
      return -1;
    }
    const ssize_t n = recv(c_.fd, ptr, size, 0);
    if (n > 0) socket_bytes_ += static_cast<std::size_t>(n);
    return n;
  }

  ssize_t write(const char* ptr, size_t size) override {
    std::size_t off = 0;
    while (off < size) {
      const ssize_t n = send(c_.fd, ptr + off, size - off, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      off += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { describe(getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { describe(getsockname, ip, port); }
  socket_t socket() const override { return c_.fd; }

  std::size_t buffered_consumed() const { return pos_; }
  bool read_socket() const { return socket_bytes_ > 0; }
  bool timed_out = false;
  bool must_close = false;   // the response went out with the body (partly) unread
  bool close_after = false;  // process_request was told to close (it writes Connection: close)

 private:
  int remaining_ms() const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    return static_cast<int>(std::max<long long>(0, left));
  }
  bool wait(short events, int timeout_ms) const {
    pollfd p{c_.fd, events, 0};
    int r;
    while ((r = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {
    }
    return r > 0;
  }
  template <typename F>
  void describe(F getname, std::string& ip, int& port) const {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    ip.clear();
    port = 0;
    if (getname(c_.fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return;
    char buf[INET6_ADDRSTRLEN] = {};
    if (ss.ss_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(&ss);
      inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
      port = ntohs(in->sin_port);
    } else if (ss.ss_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&ss);
      inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
      port = ntohs(in6->sin6_port);
    }
    ip = buf;
  }

  Connection& c_;
  Clock::time_point deadline_;
  int write_timeout_ms_;
  std::size_t pos_ = 0;
  std::size_t socket_bytes_ = 0;
};

// The stream of the request this worker thread is processing.
thread_local ConnStream* t_stream = nullptr;

// accept() runs on httplib's listening thread; handing the socket to the
// gate is immediate, so that thread only ever accepts.
class InlineQueue final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

// httplib::Server whose accepted sockets go to the gate, and whose
// process_request() (protected) runs once per fully arrived request.
class GatedServer final : public httplib::Server {
 public:
  ConnectionGate* gate = nullptr;  // set before listening

  bool serve_one(ConnStream& strm, bool close_after, bool* closed) {
    bool connection_closed = false;
    const bool ok = process_request(strm, close_after, connection_closed, nullptr);
    *closed = connection_closed;
    return ok;
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    gate->admit(sock);
    return true;
  }
};

void fill(httplib::Response& res, const HttpResponse& out) {
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  res.set_content(out.body, out.content_type);
}

// The head of a request as the handlers see it (body not read yet).
HttpRequest head_of(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  r.remote_addr = req.remote_addr;
  for (const auto& [k, v] : req.headers) {
    // httplib adds these itself; they are not the client's.
    if (k == "REMOTE_ADDR" || k == "REMOTE_PORT" || k == "LOCAL_ADDR" || k == "LOCAL_PORT") continue;
    r.headers.emplace_back(lower(k), v);
  }
  return r;
}

class HttplibServer final : public HttpServer {
 public:
  explicit HttplibServer(const HttpOptions& o) : options_(o) {
    svr_.set_payload_max_length(o.max_body_bytes);
    svr_.set_write_timeout(o.write_timeout_s, 0);
    // Only for the Keep-Alive response header: the gate enforces the idle timeout.
    svr_.set_keep_alive_timeout(std::max(1, o.keep_alive_timeout_ms / 1000));
    svr_.new_task_queue = [] { return new InlineQueue(); };
    // httplib writes a response's head and body separately: with Nagle the
    // body waits for the client's delayed ACK of the head (~40 ms on every
    // kept-alive request after the first). Accepted sockets inherit it.
    svr_.set_tcp_nodelay(true);
    // SO_REUSEADDR (restart while old connections linger in TIME_WAIT) but not
    // httplib's default SO_REUSEPORT, which lets a second server bind the same
    // port and silently take half of the connections.
    svr_.set_socket_options([this](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listen_fd_ = sock;
    });
    auto body = o.error_body;
    svr_.set_error_handler([body](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string msg = res.status == 404   ? "no such endpoint"
                              : res.status == 413 ? "request body too large"
                              : res.status == 400 ? "malformed request"
                                                  : "HTTP error " + std::to_string(res.status);
      res.set_content(body ? body(res.status, msg) : msg, "application/json");
    });
    svr_.set_exception_handler([body](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
      } catch (...) {
      }
      CODELOOM_LOG(kError, "handler failed: " << what);
      res.status = 500;
      res.set_content(body ? body(500, what) : what, "application/json");
    });
    // Before any body byte is read: admission (API key), then unknown endpoints.
    svr_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      std::optional<HttpResponse> early;
      if (options_.admit) early = options_.admit(head_of(req));
      if (!early && !routes_.count(req.method + " " + req.path)) {
        HttpResponse nf;
        nf.status = 404;
        nf.body = options_.error_body ? options_.error_body(404, "no such endpoint: " + req.method + " " + req.path)
                                      : "no such endpoint";
        early = std::move(nf);
      }
      if (!early) return httplib::Server::HandlerResponse::Unhandled;
      fill(res, *early);
      const bool has_body = req.has_header("Content-Length") ? req.get_header_value("Content-Length") != "0"
                                                             : req.has_header("Transfer-Encoding");
      if (has_body) close_connection(res);
      return httplib::Server::HandlerResponse::Handled;
    });
  }

  ~HttplibServer() override { shut_down(); }

  void route(const std::string& method, const std::string& path, HttpHandler handler) override {
    routes_.insert(method + " " + path);
    if (method == "GET") {
      svr_.Get(path, [this, handler](const httplib::Request& req, httplib::Response& res) {
        respond(handler, head_of(req), res);
      });
    } else if (method == "POST") {
      svr_.Post(path, [this, handler](const httplib::Request& req, httplib::Response& res,
                                      const httplib::ContentReader& reader) {
        HttpRequest r = head_of(req);
        if (auto err = read_body(reader, &r.body)) {
          fill(res, *err);
          close_connection(res);
          return;
        }
        respond(handler, std::move(r), res);
      });
    }
  }

  Result<int> bind() override {
    int port = options_.port;
    bool ok = false;
    errno = 0;
    if (port == 0) {
      port = svr_.bind_to_any_port(options_.host);
      ok = port > 0;
    } else {
      ok = svr_.bind_to_port(options_.host, port);
    }
    const int err = errno;
    if (!ok) {
      const std::string where = options_.host + ":" + std::to_string(options_.port);
      if (err == EADDRINUSE) {
        return make_error(ErrorCode::kInvalidArgument,
                          "cannot listen on " + where + ": the port is already in use (another codeloom serve?); "
                          "stop that process or choose another --port (--port 0 picks a free one)");
      }
      if (err == EACCES || err == EADDRNOTAVAIL) {
        return make_error(ErrorCode::kInvalidArgument, "cannot listen on " + where + ": " + std::strerror(err) +
                                                           " (ports below 1024 need privileges; --host must be "
                                                           "an address of this machine)");
      }
      return make_error(ErrorCode::kIo, "cannot listen on " + where + (err ? ": " + std::string(std::strerror(err)) : ""));
    }
    // httplib listens with a backlog of 5: a burst of connects would wait for SYN retries.
    if (listen_fd_ >= 0) ::listen(listen_fd_, 1024);
    return port;
  }

  void run() override {
    pool_ = std::make_unique<WorkerPool>(std::max(2, options_.threads));
    GateOptions go;
    go.head.max_body_bytes = options_.max_body_bytes;
    go.max_connections_per_ip = options_.max_connections_per_ip;
    go.max_connections = options_.max_connections;
    go.header_timeout_ms = options_.header_timeout_ms;
    go.body_timeout_ms = options_.body_timeout_ms;
    go.keep_alive_timeout_ms = options_.keep_alive_timeout_ms;
    go.error_body = options_.error_body;
    gate_ = std::make_unique<ConnectionGate>(go, [this](std::unique_ptr<Connection> c) {
      auto* raw = c.release();
      pool_->post([this, raw] { serve(std::unique_ptr<Connection>(raw)); });
    });
    svr_.gate = gate_.get();
    svr_.listen_after_bind();
    shut_down();
  }

  void stop() override { svr_.stop(); }

 private:
  void shut_down() {
    if (gate_) gate_->stop();  // no new requests
    if (pool_) pool_->stop();  // requests in progress finish
  }

  // One request on a worker thread; then keep-alive or close.
  void serve(std::unique_ptr<Connection> c) {
    const auto read_deadline = Clock::now() + std::chrono::milliseconds(options_.body_timeout_ms);
    ConnStream strm(*c, read_deadline, options_.write_timeout_s);
    // A chunked body's end is known only to httplib: never reuse that connection.
    const bool close_after = c->head.chunked;
    strm.close_after = close_after;
    t_stream = &strm;
    bool closed = false;
    const bool ok = svr_.serve_one(strm, close_after, &closed);
    t_stream = nullptr;
    const bool reusable = ok && !closed && !close_after && !strm.must_close && !strm.read_socket() &&
                          strm.buffered_consumed() == c->request_bytes;
    if (reusable) {
      c->buffer.erase(0, c->request_bytes);
      gate_->resume(std::move(c));
    } else {
      // Drain before closing whenever the client may still be sending (a body
      // we answered without reading, e.g. 401 or 413), so it reads the answer.
      gate_->finish(std::move(c), /*unread_input=*/ok);
    }
  }

  static void close_connection(httplib::Response& res) {
    // With close_after httplib adds the header itself.
    if (!(t_stream && t_stream->close_after) && !res.has_header("Connection")) res.set_header("Connection", "close");
    if (t_stream) t_stream->must_close = true;
  }

  // Reads the decoded body, counting every byte against max_body_bytes.
  std::optional<HttpResponse> read_body(const httplib::ContentReader& reader, std::string* body) const {
    bool too_large = false;
    const std::size_t max = options_.max_body_bytes;
    const bool ok = reader([&](const char* data, size_t n) {
      if (body->size() + n > max) {
        too_large = true;
        return false;
      }
      body->append(data, n);
      return true;
    });
    if (ok) return std::nullopt;
    HttpResponse r;
    std::string msg;
    if (too_large) {
      r.status = 413;
      msg = "request body too large: over " + std::to_string(max) +
            " bytes after chunked decoding and decompression (--max-body-bytes)";
    } else if (t_stream && t_stream->timed_out) {
      r.status = 408;
      msg = "the request body was not complete within " + std::to_string(options_.body_timeout_ms) +
            " ms (--body-timeout-ms)";
    } else {
      r.status = 400;
      msg = "the request body could not be read: malformed chunked framing or Content-Encoding data";
    }
    r.body = options_.error_body ? options_.error_body(r.status, msg) : msg;
    return r;
  }

  void respond(const HttpHandler& handler, HttpRequest r, httplib::Response& res) const {
    // The handler thread owns the connection until it returns.
    r.client_gone = [fd = t_stream ? t_stream->socket() : -1] { return fd >= 0 && peer_closed(fd); };
    HttpResponse out = handler(r);
    res.status = out.status;
    for (const auto& [k, v] : out.headers) res.set_header(k, v);
    if (out.stream) {
      auto stream = std::move(out.stream);
      res.set_chunked_content_provider(out.content_type, [stream](size_t, httplib::DataSink& sink) {
        stream([&sink](std::string_view piece) { return sink.write(piece.data(), piece.size()); });
        sink.done();
        return true;
      });
    } else {
      res.set_content(out.body, out.content_type);
    }
  }

  HttpOptions options_;
  int listen_fd_ = -1;  // httplib's listening socket (seen in set_socket_options)
  std::set<std::string> routes_;  // "METHOD /path"; fixed before run()
  GatedServer svr_;
  std::unique_ptr<WorkerPool> pool_;
  std::unique_ptr<ConnectionGate> gate_;
};

}  // namespace

std::unique_ptr<HttpServer> HttpServer::create(const HttpOptions& options) {
  return std::make_unique<HttplibServer>(options);
}

}  // namespace codeloom::server
