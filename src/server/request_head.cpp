#include "request_head.h"

#include <algorithm>
#include <cctype>

namespace codeloom::server {
namespace {

bool is_tchar(unsigned char c) {
  // RFC 9110 token characters.
  if (std::isalnum(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

HeadError err(int status, std::string message) { return HeadError{status, std::move(message)}; }

}  // namespace

std::string RequestHead::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers) {
    if (k == lower_name) return v;
  }
  return "";
}

HeadScan scan_head(std::string_view received, const HeadLimits& limits, std::size_t* head_bytes, HeadError* error) {
  if (received.empty()) return HeadScan::kIncomplete;
  const auto first = static_cast<unsigned char>(received[0]);
  if (first == 0x16 || first == 0x80) {  // TLS handshake record / SSLv2 hello
    *error = err(400, "this port speaks plain HTTP, not TLS: use http:// (or put a TLS proxy in front)");
    return HeadScan::kError;
  }
  // Every byte before the first space must be a method token character.
  for (std::size_t i = 0; i < received.size() && received[i] != ' '; ++i) {
    if (!is_tchar(static_cast<unsigned char>(received[i])) || i >= 32) {
      *error = err(400, "not an HTTP request: the request line must start with a method such as POST");
      return HeadScan::kError;
    }
  }
  const std::size_t end = received.find("\r\n\r\n");
  const std::size_t limit = std::min(received.size(), end == std::string_view::npos ? received.size() : end + 2);
  // A bare LF (without CR) before the end of the head: lines must end with CRLF.
  for (std::size_t i = 0; i < limit; ++i) {
    if (received[i] == '\n' && (i == 0 || received[i - 1] != '\r')) {
      *error = err(400, "malformed request head: lines must end with CRLF");
      return HeadScan::kError;
    }
  }
  if (end != std::string_view::npos && end + 4 <= limits.max_head_bytes) {
    *head_bytes = end + 4;
    return HeadScan::kComplete;
  }
  if (received.size() >= limits.max_head_bytes) {
    *error = err(431, "request line and headers are larger than " + std::to_string(limits.max_head_bytes) + " bytes");
    return HeadScan::kError;
  }
  return HeadScan::kIncomplete;
}

std::optional<HeadError> parse_head(std::string_view head, const HeadLimits& limits, RequestHead* out) {
  *out = RequestHead{};
  out->head_bytes = head.size();
  std::size_t eol = head.find("\r\n");
  if (eol == std::string_view::npos) return err(400, "malformed request head: no request line");
  const std::string_view line = head.substr(0, eol);
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp1 == 0 || sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos || sp2 == sp1 + 1) {
    return err(400, "malformed request line: expected 'METHOD /path HTTP/1.1'");
  }
  out->method = std::string(line.substr(0, sp1));
  out->target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  out->version = std::string(line.substr(sp2 + 1));
  if (out->version != "HTTP/1.1" && out->version != "HTTP/1.0") {
    return err(505, "HTTP version '" + out->version + "' is not supported: use HTTP/1.1");
  }
  if (out->target.front() != '/') return err(400, "malformed request line: the target must start with '/'");
  for (unsigned char c : out->target) {
    if (c <= 0x20 || c == 0x7f) return err(400, "malformed request line: control byte in the target");
  }
  std::size_t pos = eol + 2;
  while (pos < head.size()) {
    eol = head.find("\r\n", pos);
    if (eol == std::string_view::npos || eol == pos) break;  // the blank line
    const std::string_view h = head.substr(pos, eol - pos);
    pos = eol + 2;
    const std::size_t colon = h.find(':');
    if (colon == 0 || colon == std::string_view::npos) return err(400, "malformed header line (no 'Name: value')");
    const std::string_view name = h.substr(0, colon);
    for (unsigned char c : name) {
      if (!is_tchar(c)) return err(400, "malformed header name '" + std::string(name.substr(0, 64)) + "'");
    }
    const std::string_view value = trim(h.substr(colon + 1));
    for (unsigned char c : value) {
      if ((c < 0x20 && c != '\t') || c == 0x7f) return err(400, "control byte in header '" + std::string(name) + "'");
    }
    out->headers.emplace_back(lower(name), std::string(value));
  }

  bool has_length = false;
  for (const auto& [k, v] : out->headers) {
    if (k == "content-length") {
      if (v.empty() || v.size() > 19 || !std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return err(400, "Content-Length must be a non-negative decimal number, got '" + v.substr(0, 32) + "'");
      }
      const std::uint64_t n = std::stoull(v);
      if (has_length && n != out->content_length) return err(400, "conflicting Content-Length headers");
      out->content_length = n;
      has_length = true;
    } else if (k == "transfer-encoding") {
      if (lower(v) != "chunked") {
        return err(501, "Transfer-Encoding '" + v.substr(0, 32) + "' is not supported (only chunked)");
      }
      if (out->chunked) return err(400, "repeated Transfer-Encoding header");
      out->chunked = true;
    } else if (k == "expect") {
      if (lower(v) != "100-continue") return err(417, "Expect '" + v.substr(0, 32) + "' is not supported");
      out->expect_continue = true;
    } else if (k == "content-encoding") {
      // Exactly the codings cpp-httplib decodes; each decoded byte counts against max_body_bytes.
      if (v != "identity" && v != "gzip" && v != "deflate" && v != "br") {
        return err(415, "Content-Encoding '" + v.substr(0, 32) + "' is not supported: send gzip, deflate, br or none");
      }
    } else if (k == "content-type") {
      const std::string t = lower(v);
      if (t.rfind("multipart/", 0) == 0) return err(415, "multipart bodies are not supported: send application/json");
    }
  }
  if (has_length && out->chunked) return err(400, "both Content-Length and Transfer-Encoding: send one");
  if (has_length && out->content_length > limits.max_body_bytes) {
    return err(413, "request body too large: " + std::to_string(out->content_length) + " bytes, the limit is " +
                        std::to_string(limits.max_body_bytes) + " (--max-body-bytes)");
  }
  const bool wants_body = out->method == "POST" || out->method == "PUT" || out->method == "PATCH";
  if (wants_body && !has_length && !out->chunked) {
    return err(411, "a " + out->method + " request needs a Content-Length (or Transfer-Encoding: chunked)");
  }
  if (!wants_body && (out->chunked || out->content_length > 0)) {
    return err(400, "a " + out->method + " request must not carry a body");
  }
  return std::nullopt;
}

std::string strip_expect(std::string_view head) {
  std::string out;
  out.reserve(head.size());
  std::size_t pos = 0;
  while (pos < head.size()) {
    std::size_t eol = head.find("\r\n", pos);
    eol = eol == std::string_view::npos ? head.size() : eol + 2;
    const std::string_view line = head.substr(pos, eol - pos);
    if (pos == 0 || lower(line.substr(0, 7)) != "expect:") out.append(line);
    pos = eol;
  }
  return out;
}

}  // namespace codeloom::server
