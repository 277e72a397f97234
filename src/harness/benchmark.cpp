#include "codeloom/harness/benchmark.h"

namespace codeloom::harness {

const char* status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::kPass: return "pass";
    case CheckStatus::kFail: return "fail";
    case CheckStatus::kTimeout: return "timeout";
    case CheckStatus::kError: return "error";
  }
  return "error";
}

std::string cut_at_stop(std::string_view completion, const std::vector<std::string>& stop) {
  std::size_t cut = completion.size();
  for (const std::string& s : stop) {
    if (s.empty()) continue;
    const std::size_t at = completion.find(s);
    if (at != std::string_view::npos && at < cut) cut = at;
  }
  return std::string(completion.substr(0, cut));
}

}  // namespace codeloom::harness
