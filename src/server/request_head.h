// Internal: the framing checks the connection gate makes on a request head
// (request line + headers) before any worker thread or body byte is spent on
// it. Pure functions over bytes; no sockets.
//
//   RequestHead h;
//   if (auto e = parse_head(bytes.substr(0, head_len), limits, &h)) reply(e->status, e->message);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace codeloom::server {

struct HeadLimits {
  std::size_t max_body_bytes = 1 << 20;  // Content-Length above it: 413
  std::size_t max_head_bytes = 16384;    // request line + headers above it: 431
};

struct RequestHead {
  std::string method;
  std::string target;
  std::string version;  // "HTTP/1.1"
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, values trimmed
  std::size_t head_bytes = 0;     // through the blank line
  std::uint64_t content_length = 0;
  bool chunked = false;           // Transfer-Encoding: chunked (no Content-Length)
  bool expect_continue = false;   // Expect: 100-continue
  std::string header(std::string_view lower_name) const;  // first value, "" when absent
};

struct HeadError {
  int status;
  std::string message;
};

enum class HeadScan { kIncomplete, kComplete, kError };

// Looks for the end of the head in the bytes received so far. kComplete sets
// *head_bytes; kError (not HTTP at all: a TLS handshake, binary, bare-LF line
// ends, over max_head_bytes) sets *error so the gate can answer at once
// instead of waiting for a blank line that never comes.
HeadScan scan_head(std::string_view received, const HeadLimits& limits, std::size_t* head_bytes, HeadError* error);

// Parses a complete head and checks its framing: request line, header syntax,
// Content-Length (digits only, one value, within max_body_bytes),
// Transfer-Encoding (only "chunked", never with Content-Length), a body length
// on POST/PUT/PATCH (411), Content-Encoding (identity, gzip, deflate, br) and
// Content-Type (no multipart). nullopt when the request may proceed.
std::optional<HeadError> parse_head(std::string_view head, const HeadLimits& limits, RequestHead* out);

// The head without its Expect header (the gate answers 100-continue itself).
std::string strip_expect(std::string_view head);

}  // namespace codeloom::server
