#include "cursor.h"

#include <string>

namespace codeloom::cli {

Result<Split> split_at_cursor(std::string_view text, std::size_t line, std::size_t column) {
  if (line == 0) return make_error(ErrorCode::kOutOfRange, "line numbers start at 1");
  // Find the start of the requested line.
  std::size_t start = 0;
  std::size_t n_lines = 1;
  for (std::size_t cur = 1; cur < line; ++cur) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      return make_error(ErrorCode::kOutOfRange, "line " + std::to_string(line) + " is past the end of the file (" +
                                                    std::to_string(n_lines) + " lines)");
    }
    start = nl + 1;
    ++n_lines;
  }
  std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::size_t pos = end;
  if (column > 0) {
    // Walk `column - 1` characters into the line.
    pos = start;
    std::size_t chars = 1;
    while (chars < column && pos < end) {
      ++pos;
      while (pos < end && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
      ++chars;
    }
    if (chars < column) {
      return make_error(ErrorCode::kOutOfRange, "column " + std::to_string(column) + " is past the end of line " +
                                                    std::to_string(line) + " (" + std::to_string(chars) +
                                                    " columns including the end of line)");
    }
  }
  return Split{std::string(text.substr(0, pos)), std::string(text.substr(pos))};
}

}  // namespace codeloom::cli
