// Python-compatible text primitives, so the metrics tokenize exactly like the
// reference scripts (str.strip(), str.split(), file.readlines()) do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace codeloom::eval::detail {

// Decodes UTF-8 to code points; invalid bytes become U+FFFD (callers validate).
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// Python's str.isspace() for one code point: ASCII \t\n\v\f\r, \x1c-\x1f, space,
// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool py_isspace(char32_t c);

// str.strip() with no argument.
std::string_view py_strip(std::string_view text);
// str.split() with no argument: runs of Python whitespace separate tokens.
std::vector<std::string> py_split(std::string_view text);
// str.split("\n") (keeps empty pieces, as Python does).
std::vector<std::string_view> split_lines_lf(std::string_view text);
// Text-mode file.readlines() with universal newlines: "\n", "\r\n" and "\r" end
// a line; the terminator is translated to "\n" and kept.
std::vector<std::string> py_readlines(std::string_view text);

}  // namespace codeloom::eval::detail
