#include "codeloom/sandbox/job.h"

namespace codeloom::sandbox {

const char* language_name(Language language) {
  switch (language) {
    case Language::kPython: return "python";
    case Language::kCpp: return "cpp";
    case Language::kJava: return "java";
  }
  return "?";
}

std::optional<Language> parse_language(std::string_view name) {
  if (name == "python" || name == "py" || name == "python3") return Language::kPython;
  if (name == "cpp" || name == "c++" || name == "cxx") return Language::kCpp;
  if (name == "java") return Language::kJava;
  return std::nullopt;
}

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kTimeout: return "timeout";
    case Outcome::kError: return "error";
  }
  return "?";
}

}  // namespace codeloom::sandbox
