// Reading the user's source text: a file path, or "-" for stdin.
#pragma once

#include <optional>
#include <string>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"

namespace codeloom::cli {

struct SourceInput {
  std::string path;  // "-" for stdin
  std::string text;  // validated UTF-8
  lang::Language language = lang::Language::kPython;
};

// Reads all of stdin (validated as UTF-8 text; `what` names it in errors).
Result<std::string> read_stdin_text(const char* what);

// Reads `path` (or stdin for "-") and determines its language: --language if
// given, else from the extension or shebang.
Result<SourceInput> read_source(const std::string& path, const std::string& language_flag);

}  // namespace codeloom::cli
