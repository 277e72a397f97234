#include "input.h"

#include <unistd.h>

#include "codeloom/common/text.h"

namespace codeloom::cli {

Result<std::string> read_stdin_text(const char* what, std::size_t max_bytes) {
  return read_text_fd(STDIN_FILENO, max_bytes, what);
}

Result<SourceInput> read_source(const std::string& path, const std::string& language_flag,
                                std::size_t max_bytes) {
  SourceInput in;
  in.path = path;
  auto text = path == "-" ? read_stdin_text("stdin", max_bytes) : read_text_file(path, max_bytes);
  if (!text) return text.error();
  in.text = std::move(*text);
  if (!language_flag.empty()) {
    auto l = lang::parse_language_name(language_flag);
    if (!l) return l.error();
    in.language = *l;
  } else {
    auto l = lang::detect_language(path == "-" ? "" : path, in.text);
    if (!l) {
      return make_error(l.error().code, l.error().message + " (pass --language to choose one)");
    }
    in.language = *l;
  }
  return in;
}

}  // namespace codeloom::cli
