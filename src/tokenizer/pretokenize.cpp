// A line-by-line port of llama.cpp's unicode_regex_split_custom_qwen2 over byte
// ranges instead of re-encoded code points. Keep it in step with the pinned
// llama.cpp: tests/tokenizer checks parity through libllama itself.
#include "codeloom/tokenizer/pretokenize.h"

#include "unicode.h"

namespace codeloom::tokenizer {

std::vector<std::string_view> pretokenize(std::string_view text) {
  using namespace unicode;
  const std::vector<CodePoint> cpts = decode_utf8(text);
  const std::size_t n = cpts.size();
  constexpr std::uint32_t kOutOfRange = 0xFFFFFFFF;
  const auto cpt_at = [&](std::size_t p) { return p < n ? cpts[p].cpt : kOutOfRange; };
  const auto flags_at = [&](std::size_t p) -> std::uint16_t { return p < n ? unicode::flags(cpts[p].cpt) : 0; };
  const auto is = [](std::uint16_t f, std::uint16_t bit) { return (f & bit) != 0; };
  const auto lower = [](std::uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; };

  std::vector<std::string_view> words;
  words.reserve(n / 3 + 1);
  std::size_t prev_end = 0;
  const auto add = [&](std::size_t end) -> std::size_t {
    const std::size_t len = end - prev_end;
    if (len > 0) {
      const std::size_t b0 = cpts[prev_end].offset;
      const std::size_t b1 = end < n ? cpts[end].offset : text.size();
      words.push_back(text.substr(b0, b1 - b0));
    }
    prev_end = end;
    return len;
  };

  for (std::size_t pos = 0; pos < n;) {
    const std::uint32_t cpt = cpt_at(pos);
    const std::uint16_t f = flags_at(pos);

    // (?i:'s|'t|'re|'ve|'m|'ll|'d)
    if (cpt == '\'' && pos + 1 < n) {
      const std::uint32_t c1 = lower(cpt_at(pos + 1));
      if (c1 == 's' || c1 == 't' || c1 == 'm' || c1 == 'd') {
        pos += add(pos + 2);
        continue;
      }
      if (pos + 2 < n) {
        const std::uint32_t c2 = lower(cpt_at(pos + 2));
        if ((c1 == 'r' && c2 == 'e') || (c1 == 'v' && c2 == 'e') || (c1 == 'l' && c2 == 'l')) {
          pos += add(pos + 3);
          continue;
        }
      }
    }
    // [^\r\n\p{L}\p{N}]?\p{L}+
    if (!(cpt == '\r' || cpt == '\n' || is(f, kNumber))) {
      if (is(f, kLetter) || is(flags_at(pos + 1), kLetter)) {
        ++pos;
        while (is(flags_at(pos), kLetter)) ++pos;
        add(pos);
        continue;
      }
    }
    // \p{N}
    if (is(f, kNumber)) {
      ++pos;
      add(pos);
      continue;
    }
    // <space>?[^\s\p{L}\p{N}]+[\r\n]*
    std::uint16_t f2 = cpt == ' ' ? flags_at(pos + 1) : f;
    const auto other = [&](std::uint16_t g) { return !(is(g, kWhitespace) || is(g, kLetter) || is(g, kNumber)) && g != 0; };
    if (other(f2) && f != 0) {
      pos += cpt == ' ' ? 1 : 0;
      while (other(f2)) f2 = flags_at(++pos);
      std::uint32_t c2 = cpt_at(pos);
      while (c2 == '\r' || c2 == '\n') c2 = cpt_at(++pos);
      add(pos);
      continue;
    }
    std::size_t num_ws = 0;
    std::size_t last_end_rn = 0;
    while (is(flags_at(pos + num_ws), kWhitespace)) {
      const std::uint32_t c2 = cpt_at(pos + num_ws);
      if (c2 == '\r' || c2 == '\n') last_end_rn = pos + num_ws + 1;
      ++num_ws;
    }
    // \s*[\r\n]+
    if (last_end_rn > 0) {
      pos = last_end_rn;
      add(pos);
      continue;
    }
    // \s+(?!\S)
    if (num_ws > 1 && cpt_at(pos + num_ws) != kOutOfRange) {
      pos += num_ws - 1;
      add(pos);
      continue;
    }
    // \s+
    if (num_ws > 0) {
      pos += num_ws;
      add(pos);
      continue;
    }
    add(++pos);  // no match
  }
  return words;
}

}  // namespace codeloom::tokenizer
