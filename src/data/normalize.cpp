// Whitespace normalization so that copies differing only in line endings,
// tab indentation or trailing spaces hash the same.
#include "codeloom/data/normalize.h"

#include <xxhash.h>

namespace codeloom::data {

std::string normalize_code(std::string_view text, const NormalizeOptions& options) {
  const int tab = options.tab_width > 0 ? options.tab_width : 8;
  std::string out;
  out.reserve(text.size() + 1);
  std::size_t pos = 0;
  std::size_t pending_blank = 0;  // blank lines held back until a non-blank one follows
  bool any = false;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    // Expand tabs only in the leading indentation; inside a line a tab may be
    // part of a string literal.
    std::string norm;
    std::size_t i = 0, col = 0;
    for (; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i) {
      std::size_t width = line[i] == '\t' ? tab - col % tab : 1;
      norm.append(width, ' ');
      col += width;
    }
    norm.append(line.substr(i));
    while (!norm.empty() && (norm.back() == ' ' || norm.back() == '\t' || norm.back() == '\f' ||
                             norm.back() == '\v'))
      norm.pop_back();
    if (norm.empty()) {
      if (any) ++pending_blank;
    } else {
      out.append(pending_blank, '\n');
      pending_blank = 0;
      out += norm;
      out += '\n';
      any = true;
    }
    if (end >= text.size()) break;
    pos = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
  }
  return out;
}

std::uint64_t content_hash(std::string_view text, std::uint64_t seed) {
  return XXH64(text.data(), text.size(), seed);
}

std::string hash_hex(std::uint64_t hash) {
  static const char* kDigits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) s[i] = kDigits[hash & 15];
  return s;
}

}  // namespace codeloom::data
