// Byte-exact HTTP/1.1 over a loopback socket, for tests of how the server
// treats malformed, slow and hostile clients (what an HTTP library would not
// let a test send).
//
//   RawConn c(port);
//   c.send_all("GET /health HTTP/1.1\r\n\r\n");
//   RawResponse r = c.read_response(2000);   // r.status == 200
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace codeloom::testing {

struct RawResponse {
  int status = 0;        // 0: nothing (or no complete head) within the timeout
  std::string head;      // status line and headers
  std::string body;      // by Content-Length (or until the connection closed)
  double ms = 0;         // from the read_response call to the complete response
};

class RawConn {
 public:
  explicit RawConn(int port);  // connects to 127.0.0.1:port (fd() < 0 on failure)
  ~RawConn();
  RawConn(const RawConn&) = delete;
  RawConn& operator=(const RawConn&) = delete;

  int fd() const { return fd_; }
  bool send_all(std::string_view bytes);  // false when the server closed or reset
  RawResponse read_response(int timeout_ms);
  // True once the server closed the connection (read returns end-of-file) within timeout_ms.
  bool closed_by_server(int timeout_ms);
  void close_now();

 private:
  int fd_ = -1;
  std::string pending_;  // bytes read past the last response
};

// One case of tests/data/server/raw_requests.txt.
struct RawCase {
  std::string name;
  int status = 0;
  int within_ms = 0;
  std::string needle;   // the body must contain it (may be empty)
  std::string request;  // bytes to send
};

// Parses the case file format described at the top of raw_requests.txt.
std::vector<RawCase> load_raw_cases(const std::string& path);

// Kilobytes of the process's resident set (VmRSS) and its peak (VmHWM).
long rss_kb(int pid);
long peak_rss_kb(int pid);

}  // namespace codeloom::testing
