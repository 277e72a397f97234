#include "mbpp_common.h"

#include <regex>

#include "python_job.h"

namespace codeloom::harness::detail {

std::string mbpp_prompt(const std::string& text, const std::string& first_test) {
  return "\"\"\"\n" + text + "\n" + first_test + "\n\"\"\"\n";
}

std::string strip_cr(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::string mbpp_entry_point(const std::string& code, const std::vector<std::string>& tests) {
  std::string all_tests;
  for (const auto& t : tests) all_tests += t + "\n";
  static const std::regex def_re(R"(^\s*def\s+([A-Za-z_]\w*)\s*\()", std::regex::multiline);
  for (auto it = std::sregex_iterator(code.begin(), code.end(), def_re); it != std::sregex_iterator(); ++it) {
    const std::string name = (*it)[1];
    static const std::regex word(R"(\w)");
    for (std::size_t at = all_tests.find(name + "("); at != std::string::npos; at = all_tests.find(name + "(", at + 1)) {
      if (at == 0 || !std::regex_match(std::string(1, all_tests[at - 1]), word)) return name;
    }
  }
  static const std::regex call_re(R"(assert\s+(?:not\s+)?\(?\s*(?:[A-Za-z_]\w*\s*\(\s*)*?([A-Za-z_]\w*)\s*\()");
  std::smatch m;
  if (!tests.empty() && std::regex_search(tests[0], m, call_re)) return m[1];
  return "";
}

Benchmark mbpp_style_benchmark() {
  Benchmark b;
  b.make_job = [](const Problem& p, const std::string& completion, const JobContext&) {
    return python_program_job(p.prompt + completion + "\n", p.test, std::chrono::milliseconds(10000));
  };
  b.judge = judge_nonce;
  b.wrong_completion = [](const Problem& p) { return python_stub(p.entry_point, "    "); };
  return b;
}

}  // namespace codeloom::harness::detail
