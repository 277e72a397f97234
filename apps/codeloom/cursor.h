// Splitting a source text at a cursor given as 1-based line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "codeloom/common/status.h"

namespace codeloom::cli {

struct Split {
  std::string prefix;
  std::string suffix;
};

// Line and column are 1-based; the column counts characters (UTF-8 code
// points), so the cursor never lands inside a character. column 0 means "end
// of the line". A line one past the last line is allowed when the text ends
// with a newline or is empty (the cursor then sits at the very end).
// kOutOfRange names the line/column and the valid range.
Result<Split> split_at_cursor(std::string_view text, std::size_t line, std::size_t column);

}  // namespace codeloom::cli
