#include "input.h"

#include <iostream>
#include <iterator>

#include "codeloom/common/text.h"

namespace codeloom::cli {

Result<std::string> read_stdin_text(const char* what) {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (std::cin.bad()) return make_error(ErrorCode::kIo, std::string("error reading ") + what);
  if (Status s = check_text(text, what); !s) return s.error();
  return text;
}

Result<SourceInput> read_source(const std::string& path, const std::string& language_flag) {
  SourceInput in;
  in.path = path;
  if (path == "-") {
    auto text = read_stdin_text("stdin");
    if (!text) return text.error();
    in.text = std::move(*text);
  } else {
    auto text = read_text_file(path);
    if (!text) return text.error();
    in.text = std::move(*text);
  }
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
