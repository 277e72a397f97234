// CodeBLEU's pre-processing: comment (and Python docstring) removal, exactly as
// codebleu 0.7.0's parser/utils.py `remove_comments_and_docstrings` behaves.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "codeloom/lang/language.h"

namespace codeloom::eval::detail {

// Python: re-emits the token stream of CPython 3.11's tokenize module without
// COMMENT tokens and without STRING tokens that start a logical line (docstrings,
// but also e.g. `"sep".join(x)` at the start of a line) or sit at column 0; gaps
// between tokens become spaces (so tabs inside lines become one space each, but
// an INDENT token's tabs are kept), backslash continuations join lines. Returns
// nullopt where tokenize raises (EOF in a multi-line string or statement,
// inconsistent dedent): the caller then keeps the source unchanged.
std::optional<std::string> strip_python_tokenize(std::string_view source);

// Other languages: codebleu's regex `//.*?$|/\*.*?\*/|'(?:\\.|[^\\'])*'|"(?:\\.|[^\\"])*"`
// (DOTALL|MULTILINE) replacing comments by one space and keeping string literals.
std::string strip_c_like_regex(std::string_view source);

// Both, followed by dropping whitespace-only lines and joining with "\n".
std::string remove_comments_compat(std::string_view source, lang::Language language);

// Drops lines that are empty after Python str.strip(); joins the rest with "\n".
std::string drop_blank_lines(std::string_view text);

}  // namespace codeloom::eval::detail
