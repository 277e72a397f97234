// Pre-tokenization: the split of text into words before byte-level BPE merges.
//
//   for (std::string_view w : tokenizer::pretokenize("    return x1"))  // "   ", " return", " x", "1"
//
// codeloom uses the Qwen2 split (GGUF `tokenizer.ggml.pre = "qwen2"`), the regex
//   (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
// implemented as llama.cpp implements it (unicode_regex_split_custom_qwen2), with
// llama.cpp's own Unicode tables, so an exported codeloom tokenizer splits text
// in libllama exactly as here. Good for code: digits are single tokens, runs of
// indentation stay together, operators group.
//
// Words are views into `text`; concatenated they give back `text` byte for byte
// (also for invalid UTF-8, whose bytes are classified as U+FFFD). Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

namespace codeloom::tokenizer {

std::vector<std::string_view> pretokenize(std::string_view text);

}  // namespace codeloom::tokenizer
