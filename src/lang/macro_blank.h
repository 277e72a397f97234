// Module-internal: blanking macro invocations so tree-sitter-cpp can parse
// macro-heavy headers (see ParseOptions::ignore_macros).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace codeloom::lang::detail {

// Replaces each identifier matching `patterns` (exact, or prefix when ending in
// '*') and a directly following balanced "(...)" by spaces, keeping newlines, so
// every byte offset and line/column is preserved. Preprocessor lines, comments
// and string/char literals are left alone.
std::string blank_macros(std::string_view text, const std::vector<std::string>& patterns);

}  // namespace codeloom::lang::detail
