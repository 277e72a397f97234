// Reading source text safely: files are checked for binary content and UTF-8
// validity before any module sees them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "codeloom/common/status.h"

namespace codeloom {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
// On failure, *bad_offset (if given) receives the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

// Reads a whole file as source text. Errors: kNotFound (missing), kIo (unreadable,
// a directory), kOutOfRange (larger than max_bytes), kInvalidArgument (binary: a NUL
// byte; or invalid UTF-8, with the byte offset and line).
Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes = 64u << 20);

// Validates text that arrived by other means (stdin, JSON); `what` names it in messages.
Status check_text(std::string_view text, std::string_view what);

}  // namespace codeloom
