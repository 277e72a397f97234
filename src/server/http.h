// The HTTP layer, library-neutral. http_httplib.cpp is the only file that
// includes cpp-httplib; everything else sees these types.
//
// Thread-safety: handlers run on the server's connection threads, many at once.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::server {

struct HttpRequest {
  std::string method;
  std::string path;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string remote_addr;
  // True once the client has closed the connection (its end sent FIN or RST);
  // a non-streaming handler polls it while it waits. Empty when the transport
  // cannot tell. Call only on the handler's thread.
  std::function<bool()> client_gone;
  std::string header(std::string_view lower_name) const;
};

// Writes a piece of a streamed body; false once the client is gone.
using StreamWriter = std::function<bool(std::string_view)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the body is streamed (chunked): called once, after the handler
  // returned, on the same connection thread.
  std::function<void(const StreamWriter& write)> stream;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpOptions {
  std::string host = "127.0.0.1";
  int port = 0;                      // 0: any free port
  // Applies to the body as processed: after chunked decoding and after
  // Content-Encoding (gzip/deflate/br) decompression. Larger: 413.
  std::size_t max_body_bytes = 1 << 20;
  int threads = 16;                  // workers: they only see fully arrived requests
  int write_timeout_s = 30;
  // Slow or hostile clients (see conn_gate.h): caps and total deadlines.
  int max_connections_per_ip = 128;
  int max_connections = 512;
  int header_timeout_ms = 10000;
  int body_timeout_ms = 30000;
  int keep_alive_timeout_ms = 5000;
  // Produces the JSON body for errors the library answers itself (404, 413, 500).
  std::function<std::string(int status, const std::string& message)> error_body;
  // Called with each request's head (body still unread, `body` empty) before
  // routing; a response returned is sent instead (e.g. 401) and the body is
  // never read or decompressed. Unset: every request proceeds.
  std::function<std::optional<HttpResponse>(const HttpRequest& head)> admit;
};

class HttpServer {
 public:
  static std::unique_ptr<HttpServer> create(const HttpOptions& options);
  virtual ~HttpServer() = default;
  virtual void route(const std::string& method, const std::string& path, HttpHandler handler) = 0;
  // Binds; returns the port. kInvalidArgument when the port is in use, not
  // permitted or the address is not local; kIo for other failures.
  virtual Result<int> bind() = 0;
  // Serves until stop(); call after bind().
  virtual void run() = 0;
  virtual void stop() = 0;  // any thread
};

}  // namespace codeloom::server
