// Code point classification and lenient UTF-8 decoding, exactly as libllama's
// pre-tokenizers see text (src/unicode.cpp of the pinned llama.cpp). Private to
// the tokenizer module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace codeloom::tokenizer::unicode {

// Category bits, as in llama.cpp's unicode_cpt_flags.
enum Flag : std::uint16_t {
  kUndefined = 0x0001,
  kNumber = 0x0002,       // \p{N}
  kLetter = 0x0004,       // \p{L}
  kSeparator = 0x0008,    // \p{Z}
  kAccentMark = 0x0010,   // \p{M}
  kPunctuation = 0x0020,  // \p{P}
  kSymbol = 0x0040,       // \p{S}
  kControl = 0x0080,      // \p{C}
  kWhitespace = 0x0100,   // \s
};

// Flags of a code point; 0 for values beyond U+10FFFF.
std::uint16_t flags(std::uint32_t cpt);

// One decoded code point and the bytes it came from. Invalid sequences decode
// byte by byte to U+FFFD (llama.cpp replaces them the same way), but `len`
// keeps the original bytes so no input is lost.
struct CodePoint {
  std::uint32_t cpt;
  std::uint32_t offset;  // byte offset in the text
  std::uint32_t len;     // bytes
};
std::vector<CodePoint> decode_utf8(std::string_view text);

// Length of the UTF-8 sequence a lead byte announces (1 for continuation or invalid bytes).
std::size_t utf8_len(unsigned char lead);

// True when the text is valid UTF-8 in llama.cpp's lenient sense (every byte is
// part of a decodable sequence).
bool is_valid_utf8(std::string_view text);

}  // namespace codeloom::tokenizer::unicode
