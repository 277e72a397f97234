#include "grading.h"

#include <sys/random.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace codeloom::harness::detail {

namespace {

std::string tail(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  return "..." + text.substr(text.size() - max_bytes);
}

}  // namespace

std::string grading_nonce() {
  unsigned char bytes[16];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::fprintf(stderr, "codeloom: getrandom failed; cannot grade without a secret\n");
      std::abort();
    }
    got += static_cast<std::size_t>(n);
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

std::optional<std::string> verdict_line(const sandbox::JobResult& r, const std::string& nonce) {
  if (nonce.empty()) return std::nullopt;
  const std::string& out = r.stdout_data;
  std::size_t end = out.size();
  while (end > 0 && out[end - 1] == '\n') --end;
  if (end == 0) return std::nullopt;
  std::size_t begin = out.rfind('\n', end - 1);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::string line = out.substr(begin, end - begin);
  const std::string prefix = nonce + " ";
  if (line.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  return line.substr(prefix.size());
}

Verdict verdict_from_outcome(const sandbox::JobResult& r) {
  Verdict v;
  v.exec_ms = static_cast<double>((r.wall_time + r.compile_time).count());
  switch (r.outcome) {
    case sandbox::Outcome::kPass: v.status = CheckStatus::kPass; break;
    case sandbox::Outcome::kFail: v.status = CheckStatus::kFail; break;
    case sandbox::Outcome::kTimeout: v.status = CheckStatus::kTimeout; break;
    case sandbox::Outcome::kError: v.status = CheckStatus::kError; break;
  }
  if (v.status != CheckStatus::kPass) {
    std::string why = r.stderr_data.empty() ? r.detail : tail(r.stderr_data, 600);
    if (r.outcome == sandbox::Outcome::kTimeout) why = r.detail;
    v.detail = why;
  }
  v.base_passed = v.status == CheckStatus::kPass;
  return v;
}

Verdict judge_nonce(const sandbox::JobResult& r, const std::string& nonce) {
  Verdict v = verdict_from_outcome(r);
  if (v.status == CheckStatus::kPass) {
    std::optional<std::string> line = verdict_line(r, nonce);
    if (!line || *line != "pass") {
      v.status = line && *line == "error" ? CheckStatus::kError : CheckStatus::kFail;
      v.detail = r.stderr_data.empty() ? "the tests did not finish (the grader wrote no verdict)"
                                       : tail(r.stderr_data, 600);
    }
  }
  v.base_passed = v.status == CheckStatus::kPass;
  return v;
}

}  // namespace codeloom::harness::detail
