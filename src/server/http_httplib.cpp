// cpp-httplib behind the HttpServer interface (the only file including it).
#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "codeloom/common/log.h"
#include "http.h"
#include "peer_socket.h"

namespace codeloom::server {

std::string HttpRequest::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return "";
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class HttplibServer final : public HttpServer {
 public:
  explicit HttplibServer(const HttpOptions& o) : options_(o) {
    svr_.set_payload_max_length(o.max_body_bytes);
    svr_.set_read_timeout(o.read_timeout_s, 0);
    svr_.set_write_timeout(o.write_timeout_s, 0);
    const int threads = std::max(2, o.threads);
    svr_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    auto body = o.error_body;
    // Errors httplib produces itself (no route, body too large) get a JSON body too.
    svr_.set_error_handler([body](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const std::string msg = res.status == 404   ? "no such endpoint"
                              : res.status == 413 ? "request body too large"
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
  }

  void route(const std::string& method, const std::string& path, HttpHandler handler) override {
    auto adapter = [this, handler](const httplib::Request& req, httplib::Response& res) {
      HttpRequest r;
      r.method = req.method;
      r.path = req.path;
      r.body = req.body;
      r.remote_addr = req.remote_addr;
      // The connection's socket is found on first use; this thread owns the
      // connection until the handler returns, so the descriptor stays valid.
      r.client_gone = [fd = -2, addr = req.remote_addr, port = req.remote_port, local = bound_port_]() mutable {
        if (fd == -2) fd = find_connection_fd(addr, port, local);
        return fd >= 0 && peer_closed(fd);
      };
      for (const auto& [k, v] : req.headers) r.headers.emplace_back(lower(k), v);
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
    };
    if (method == "GET") {
      svr_.Get(path, adapter);
    } else if (method == "POST") {
      svr_.Post(path, adapter);
    }
  }

  Result<int> bind() override {
    int port = options_.port;
    bool ok = false;
    if (port == 0) {
      port = svr_.bind_to_any_port(options_.host);
      ok = port > 0;
    } else {
      ok = svr_.bind_to_port(options_.host, port);
    }
    if (!ok) {
      return make_error(ErrorCode::kIo, "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                                            " (address in use or not local?)");
    }
    bound_port_ = port;
    return port;
  }

  void run() override { svr_.listen_after_bind(); }
  void stop() override { svr_.stop(); }

 private:
  HttpOptions options_;
  int bound_port_ = -1;  // set by bind(), before any request
  httplib::Server svr_;
};

}  // namespace

std::unique_ptr<HttpServer> HttpServer::create(const HttpOptions& options) {
  return std::make_unique<HttplibServer>(options);
}

}  // namespace codeloom::server
