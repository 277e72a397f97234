// Reading the user's source text: a file path, or "-" for stdin.
#pragma once

#include <cstddef>
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

// Reads all of stdin (validated as UTF-8 text; `what` names it in errors), at most
// max_bytes (codeloom::read_text_fd: bounded, binary refused at its first NUL).
Result<std::string> read_stdin_text(const char* what, std::size_t max_bytes = 64u << 20);

// Reads `path` (or stdin for "-") and determines its language: --language if
// given, else from the extension or shebang. Only regular files are read
// (codeloom::read_text_file): directories, FIFOs, sockets and devices are refused
// at once with kInvalidArgument; more than max_bytes is kOutOfRange.
Result<SourceInput> read_source(const std::string& path, const std::string& language_flag,
                                std::size_t max_bytes = 64u << 20);

}  // namespace codeloom::cli
