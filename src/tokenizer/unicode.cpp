#include "unicode.h"

#include <algorithm>
#include <array>
#include <utility>

namespace codeloom::tokenizer::unicode {
namespace {

#include "unicode_flags.inc"

constexpr std::uint32_t kMaxCodePoints = 0x110000;

// Flat table (1.1 M x 2 bytes) built once: lookups are on the hot path of encoding.
const std::vector<std::uint16_t>& table() {
  static const std::vector<std::uint16_t> t = [] {
    std::vector<std::uint16_t> v(kMaxCodePoints, kUndefined);
    constexpr std::size_t n = std::size(kUnicodeRangesFlags);
    for (std::size_t i = 1; i < n; ++i) {
      const auto [first, f] = kUnicodeRangesFlags[i - 1];
      const std::uint32_t end = std::min(kUnicodeRangesFlags[i].first, kMaxCodePoints);
      std::fill(v.begin() + first, v.begin() + end, f);
    }
    for (std::uint32_t c : kUnicodeWhitespace) v[c] |= kWhitespace;
    return v;
  }();
  return t;
}

// llama.cpp's unicode_cpt_from_utf8: checks lead and continuation bits only
// (overlong forms and surrogates are accepted). Returns false on invalid input.
bool decode_one(std::string_view s, std::size_t off, std::uint32_t* cpt, std::uint32_t* len) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[off + i]); };
  const auto cont = [&](std::size_t i) { return off + i < s.size() && (b(i) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (!(c & 0x80)) { *cpt = c; *len = 1; return true; }
  if (!(c & 0x40)) return false;
  if (!(c & 0x20)) {
    if (!cont(1)) return false;
    *cpt = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu); *len = 2; return true;
  }
  if (!(c & 0x10)) {
    if (!cont(1) || !cont(2)) return false;
    *cpt = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu); *len = 3; return true;
  }
  if (!(c & 0x08)) {
    if (!cont(1) || !cont(2) || !cont(3)) return false;
    *cpt = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    *len = 4; return true;
  }
  return false;
}

}  // namespace

std::uint16_t flags(std::uint32_t cpt) { return cpt < kMaxCodePoints ? table()[cpt] : 0; }

std::vector<CodePoint> decode_utf8(std::string_view text) {
  std::vector<CodePoint> out;
  out.reserve(text.size());
  std::size_t off = 0;
  while (off < text.size()) {
    std::uint32_t cpt = 0, len = 0;
    if (!decode_one(text, off, &cpt, &len)) { cpt = 0xFFFD; len = 1; }
    out.push_back({cpt, static_cast<std::uint32_t>(off), len});
    off += len;
  }
  return out;
}

std::size_t utf8_len(unsigned char lead) {
  static constexpr std::array<std::size_t, 16> kLen = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
  return kLen[lead >> 4];
}

bool is_valid_utf8(std::string_view text) {
  std::size_t off = 0;
  while (off < text.size()) {
    std::uint32_t cpt = 0, len = 0;
    if (!decode_one(text, off, &cpt, &len)) return false;
    off += len;
  }
  return true;
}

}  // namespace codeloom::tokenizer::unicode
