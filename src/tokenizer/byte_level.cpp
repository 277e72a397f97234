// GPT-2's reversible byte -> printable code point map (llama.cpp unicode_byte_to_utf8):
// printable Latin-1 bytes map to themselves, the other 68 bytes to U+0100.. in order.
#include <array>
#include <string>

#include "byte_level.h"
#include "codeloom/tokenizer/tokenizer.h"

namespace codeloom::tokenizer {
namespace {

std::string utf8(std::uint32_t cpt) {
  std::string s;
  if (cpt < 0x80) {
    s += static_cast<char>(cpt);
  } else if (cpt < 0x800) {
    s += static_cast<char>(0xC0 | (cpt >> 6));
    s += static_cast<char>(0x80 | (cpt & 0x3F));
  } else {
    s += static_cast<char>(0xE0 | (cpt >> 12));
    s += static_cast<char>(0x80 | ((cpt >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cpt & 0x3F));
  }
  return s;
}

const std::array<std::string, 256>& byte_map() {
  static const std::array<std::string, 256> m = [] {
    std::array<std::string, 256> a;
    std::array<bool, 256> direct{};
    for (int c = 0x21; c <= 0x7E; ++c) direct[c] = true;
    for (int c = 0xA1; c <= 0xAC; ++c) direct[c] = true;
    for (int c = 0xAE; c <= 0xFF; ++c) direct[c] = true;
    std::uint32_t n = 0;
    for (int c = 0; c < 256; ++c) a[c] = utf8(direct[c] ? static_cast<std::uint32_t>(c) : 256 + n++);
    return a;
  }();
  return m;
}

}  // namespace

const std::string& byte_to_token_text(unsigned char byte) { return byte_map()[byte]; }

bool token_text_to_bytes(std::string_view text, std::string* out) {
  // Inverse map keyed by code point (all mapped code points are < 0x144).
  static const std::array<int, 0x144> inverse = [] {
    std::array<int, 0x144> inv;
    inv.fill(-1);
    for (int b = 0; b < 256; ++b) {
      const std::string& s = byte_map()[b];
      std::uint32_t cpt = static_cast<unsigned char>(s[0]);
      if (s.size() == 2) cpt = ((cpt & 0x1Fu) << 6) | (static_cast<unsigned char>(s[1]) & 0x3Fu);
      inv[cpt] = b;
    }
    return inv;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::uint32_t cpt;
    if (c < 0x80) {
      cpt = c;
      i += 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      cpt = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      i += 2;
    } else {
      return false;
    }
    if (cpt >= inverse.size() || inverse[cpt] < 0) return false;
    out->push_back(static_cast<char>(inverse[cpt]));
  }
  return true;
}

}  // namespace codeloom::tokenizer
