// Private: the inverse of byte_to_token_text (tokenizer.h).
#pragma once

#include <string>
#include <string_view>

namespace codeloom::tokenizer {

// Appends the bytes a byte-level token text stands for; false when the text
// holds a character outside the byte map (not a byte-level token).
bool token_text_to_bytes(std::string_view text, std::string* out);

}  // namespace codeloom::tokenizer
