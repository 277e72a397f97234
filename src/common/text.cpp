#include "codeloom/common/text.h"

#include <algorithm>

namespace codeloom {

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  auto fail = [&](std::size_t at) {
    if (bad_offset) *bad_offset = at;
    return false;
  };
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return fail(i);
    if (i + len > n) return fail(i);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return fail(i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail(i);
    i += len;
  }
  return true;
}

Status check_text(std::string_view text, std::string_view what) {
  const auto nul = text.find('\0');
  if (nul != std::string_view::npos) {
    return make_error(ErrorCode::kInvalidArgument,
                      std::string(what) + " looks binary (NUL byte at offset " + std::to_string(nul) +
                          "); codeloom reads UTF-8 source text only");
  }
  std::size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    return make_error(ErrorCode::kInvalidArgument,
                      std::string(what) + " is not valid UTF-8 (first bad byte at offset " +
                          std::to_string(bad) + ", line " + std::to_string(line) +
                          "); re-encode it as UTF-8");
  }
  return Status::Ok();
}

}  // namespace codeloom
