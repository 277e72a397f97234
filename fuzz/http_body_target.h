// Fuzz target body for HTTP request bodies: one input is POSTed as-is to every
// POST endpoint of a running codeloom server on loopback, over one kept-alive
// connection. Any answer is fine except a 5xx (a request the server failed
// on rather than rejected) or no answer (a crash or a hang); 503 is allowed
// (no slot freed up in time under load).
//
//   auto v = codeloom::fuzz::http_body(port, bytes);
//   if (!v.ok) abort_with(v.detail);
//
// Used by fuzz/http_body_fuzz.cpp (libFuzzer, in-process server) and by the
// bounded test tests/server/http_body_fuzz_test.cpp (server process).
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace codeloom::fuzz {

struct HttpBodyVerdict {
  bool ok = true;
  std::string detail;  // which endpoint failed and how
};

inline HttpBodyVerdict http_body(int port, std::string_view body) {
  static const char* const kPaths[] = {"/v1/completions", "/v1/chat/completions", "/infill", "/v1/feedback"};
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // else Nagle + delayed ACK add 40 ms per request
  client.set_read_timeout(60, 0);
  for (const char* path : kPaths) {
    auto r = client.Post(path, std::string(body), "application/json");
    if (!r) return {false, std::string(path) + ": no response (" + httplib::to_string(r.error()) + ")"};
    if (r->status >= 500 && r->status != 503) {
      return {false, std::string(path) + ": " + std::to_string(r->status) + " " + r->body.substr(0, 300)};
    }
  }
  return {};
}

}  // namespace codeloom::fuzz
