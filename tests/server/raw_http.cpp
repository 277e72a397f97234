#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace codeloom::testing {
namespace {

using Clock = std::chrono::steady_clock;

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  throw std::runtime_error(std::string("bad hex digit '") + c + "'");
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{' && s.compare(i, 8, "{REPEAT:") == 0) {
      const std::size_t end = s.find('}', i);
      const char c = s[i + 8];
      out.append(std::stoul(s.substr(i + 10, end - i - 10)), c);
      i = end;
    } else if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
    } else {
      const char e = s[++i];
      if (e == 'r') out += '\r';
      else if (e == 'n') out += '\n';
      else if (e == 't') out += '\t';
      else if (e == '\\') out += '\\';
      else if (e == 'x' && i + 2 < s.size()) {
        out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
      } else {
        throw std::runtime_error("bad escape \\" + std::string(1, e));
      }
    }
  }
  return out;
}

void fill_body_length(std::string& request) {
  const std::size_t blank = request.find("\r\n\r\n");
  const std::size_t ph = request.find("{BODYLEN}");
  if (ph == std::string::npos || blank == std::string::npos) return;
  // The placeholder sits in the head: the body length does not change when it is replaced.
  request.replace(ph, 9, std::to_string(request.size() - (blank + 4)));
}

long status_field_kb(int pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

}  // namespace

RawConn::RawConn(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd_ >= 0 && connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) close_now();
}

RawConn::~RawConn() { close_now(); }

void RawConn::close_now() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

bool RawConn::send_all(std::string_view bytes) {
  std::size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

RawResponse RawConn::read_response(int timeout_ms) {
  RawResponse r;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::milliseconds(timeout_ms);
  bool eof = false;
  for (;;) {
    const std::size_t end = pending_.find("\r\n\r\n");
    if (end != std::string::npos) {
      const std::string head = pending_.substr(0, end + 2);
      std::size_t length = std::string::npos;
      std::istringstream lines(head);
      for (std::string line; std::getline(lines, line);) {
        if (line.size() > 15 && (line.rfind("Content-Length:", 0) == 0 || line.rfind("content-length:", 0) == 0)) {
          length = std::stoul(line.substr(15));
        }
      }
      const int status = std::atoi(head.c_str() + 9);
      if (status == 100) {  // interim response: skip it
        pending_.erase(0, end + 4);
        continue;
      }
      const std::size_t have = pending_.size() - (end + 4);
      if ((length != std::string::npos && have >= length) || eof) {
        r.status = status;
        r.head = head;
        const std::size_t take = length == std::string::npos ? have : std::min(length, have);
        r.body = pending_.substr(end + 4, take);
        pending_.erase(0, end + 4 + take);
        break;
      }
    }
    if (eof || fd_ < 0) break;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) break;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[65536];
    const ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      eof = true;
      continue;
    }
    pending_.append(buf, static_cast<std::size_t>(n));
  }
  r.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return r;
}

bool RawConn::closed_by_server(int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (fd_ >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[4096];
    const ssize_t n = recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return true;
  }
  return true;
}

std::vector<RawCase> load_raw_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<RawCase> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("=== ", 0) == 0) {
      RawCase c;
      std::istringstream head(line.substr(4));
      head >> c.name >> c.status >> c.within_ms;
      std::getline(head, c.needle);
      if (!c.needle.empty() && c.needle[0] == ' ') c.needle.erase(0, 1);
      out.push_back(c);
    } else if (!out.empty() && !line.empty() && line[0] != '#') {
      out.back().request += unescape(line);
    }
  }
  for (auto& c : out) fill_body_length(c.request);
  return out;
}

long rss_kb(int pid) { return status_field_kb(pid, "VmRSS"); }
long peak_rss_kb(int pid) { return status_field_kb(pid, "VmHWM"); }

}  // namespace codeloom::testing
