#include "java_rewrite.h"

#include <cctype>
#include <utility>
#include <vector>

namespace codeloom::harness::detail {

namespace {

// in_code[i]: text[i] is outside string/char literals and comments.
std::vector<bool> code_mask(const std::string& t) {
  std::vector<bool> code(t.size(), true);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '"' || t[i] == '\'') {
      const char q = t[i];
      std::size_t j = i + 1;
      while (j < t.size() && t[j] != q) j += t[j] == '\\' ? 2 : 1;
      for (std::size_t k = i; k <= j && k < t.size(); ++k) code[k] = false;
      i = j;
    } else if (t.compare(i, 2, "//") == 0) {
      std::size_t j = t.find('\n', i);
      if (j == std::string::npos) j = t.size();
      for (std::size_t k = i; k < j; ++k) code[k] = false;
      i = j;
    }
  }
  return code;
}

bool ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.'; }

}  // namespace

std::string rewrite_java_checks(const std::string& test, const std::string& grader) {
  std::string t = test;
  // .equals first, right to left, so earlier offsets stay valid.
  for (std::size_t at = t.rfind(".equals("); at != std::string::npos && at > 0; at = t.rfind(".equals(", at - 1)) {
    std::vector<bool> code = code_mask(t);
    std::vector<std::size_t> open_of(t.size(), std::string::npos), close_of(t.size(), std::string::npos);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (!code[i]) continue;
      if (t[i] == '(') stack.push_back(i);
      if (t[i] == ')' && !stack.empty()) {
        open_of[i] = stack.back();
        close_of[stack.back()] = i;
        stack.pop_back();
      }
    }
    if (!code[at]) continue;
    const std::size_t arg_open = at + 7, arg_close = close_of[arg_open];
    if (arg_close == std::string::npos) continue;
    std::size_t begin = at;
    if (begin > 0 && t[begin - 1] == ')' && open_of[begin - 1] != std::string::npos) begin = open_of[begin - 1];
    while (begin > 0 && ident(t[begin - 1])) --begin;
    if (begin == at) continue;
    std::string receiver = t.substr(begin, at - begin);
    std::string arg = t.substr(arg_open + 1, arg_close - arg_open - 1);
    t.replace(begin, arg_close + 1 - begin, grader + ".same(" + receiver + ", " + arg + ")");
    if (begin == 0) break;
    at = begin;  // continue left of the rewritten call
  }
  std::vector<bool> code = code_mask(t);
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (code[i] && t.compare(i, 7, "assert(") == 0 && (i == 0 || !ident(t[i - 1]))) {
      out += grader + ".check(";
      i += 6;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace codeloom::harness::detail
