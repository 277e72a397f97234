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

// Reads a whole regular file as source text, never more than max_bytes + 1 bytes.
// Errors: kNotFound (missing), kInvalidArgument (a directory, FIFO, socket or
// device: refused at once, before open(), so a FIFO never blocks and /dev/zero is
// never read; binary: a NUL byte; invalid UTF-8, with the byte offset and line),
// kOutOfRange (larger than max_bytes), kIo (unreadable).
Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes = 64u << 20);

// Reads an open descriptor (stdin: fd 0) to its end as source text; `what` names it
// in messages. Same limits and checks as read_text_file: reading stops at
// max_bytes + 1 bytes (kOutOfRange) or at the first chunk holding a NUL byte
// (kInvalidArgument), so `< /dev/zero` fails at once. A directory is refused.
Result<std::string> read_text_fd(int fd, std::size_t max_bytes, std::string_view what);

// Validates text that arrived by other means (stdin, JSON); `what` names it in messages.
Status check_text(std::string_view text, std::string_view what);

}  // namespace codeloom
