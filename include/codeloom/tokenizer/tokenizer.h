// codeloom's code tokenizer: byte-level BPE with the Qwen2 pre-tokenizer
// (pretokenize.h) and codeloom's own control tokens (docs/prompt.md).
//
//   auto tok = tokenizer::Tokenizer::load("models/codeloom-tiny.tokenizer.json");
//   if (!tok) return tok.error();
//   std::vector<std::int32_t> ids = tok->encode("def add(a, b):\n    return a + b\n");
//   std::string text = tok->decode(ids);              // the input, byte for byte
//   std::int32_t mid = tok->specials().fim_middle;   // "<cl|fim_middle>"
//
// Token texts are stored in the GPT-2 byte-to-unicode form (a space is "Ġ"), the
// form GGUF `tokenizer.ggml.tokens` uses; `decode` maps them back to bytes.
// Every byte has a token, so encode/decode round-trips any input exactly.
// Immutable after construction: thread-safe for concurrent encode/decode.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::tokenizer {

// GGUF token types (llama_token_type values).
enum class TokenType : std::int32_t { kNormal = 1, kControl = 3 };

// The control tokens every codeloom tokenizer has; ids into the vocabulary.
struct SpecialTokens {
  std::int32_t fim_prefix = -1;  // <cl|fim_prefix>
  std::int32_t fim_suffix = -1;  // <cl|fim_suffix>
  std::int32_t fim_middle = -1;  // <cl|fim_middle>
  std::int32_t fim_pad = -1;     // <cl|fim_pad>
  std::int32_t eot = -1;         // <cl|eot>: end of text / end of the middle
  std::int32_t file_sep = -1;    // <cl|file_sep>
  std::map<std::string, std::int32_t> languages;  // "python" -> <cl|lang:python>
};

// Texts of the control tokens, in vocabulary order after the merges.
std::vector<std::string> control_token_texts(const std::vector<std::string>& languages);
std::string language_tag(std::string_view language);  // "python" -> "<cl|lang:python>"

class Tokenizer {
 public:
  // Builds a tokenizer from its parts: `tokens[0..255]` must be the 256 byte
  // tokens (in byte order), each merge (left id, right id) must produce a token
  // that exists, control tokens must be named as control_token_texts() names them.
  // kInvalidArgument with the first problem otherwise.
  static Result<Tokenizer> create(std::vector<std::string> tokens, std::vector<TokenType> types,
                                  std::vector<std::pair<std::int32_t, std::int32_t>> merges);

  // JSON file written by save() ("format": "codeloom.tokenizer/1"). kNotFound,
  // kCorrupt (not JSON, wrong format/version, inconsistent vocabulary).
  static Result<Tokenizer> load(const std::string& path);
  Status save(const std::string& path) const;  // temp file + rename

  // Plain text -> ids. Text that looks like a control token ("<cl|eot>") is
  // encoded as ordinary text, as libllama does with parse_special = false.
  std::vector<std::int32_t> encode(std::string_view text) const;
  // Like encode, but exact control-token texts become their ids (parse_special = true).
  std::vector<std::int32_t> encode_with_specials(std::string_view text) const;
  // Ids -> bytes. Control tokens are written as their text unless skip_control.
  // Ids out of range are skipped (callers validate model output separately).
  std::string decode(std::span<const std::int32_t> ids, bool skip_control = false) const;

  std::int32_t vocab_size() const { return static_cast<std::int32_t>(tokens_.size()); }
  const std::string& token_text(std::int32_t id) const { return tokens_.at(static_cast<std::size_t>(id)); }
  TokenType token_type(std::int32_t id) const { return types_.at(static_cast<std::size_t>(id)); }
  std::int32_t find(std::string_view token_text) const;  // -1 when absent
  const std::vector<std::pair<std::int32_t, std::int32_t>>& merges() const { return merges_; }
  const SpecialTokens& specials() const { return specials_; }
  static constexpr const char* kPreTokenizer = "qwen2";  // GGUF tokenizer.ggml.pre

 private:
  Tokenizer() = default;
  void bpe_word(std::string_view word, std::vector<std::int32_t>* out) const;

  std::vector<std::string> tokens_;
  std::vector<TokenType> types_;
  std::vector<std::pair<std::int32_t, std::int32_t>> merges_;
  std::unordered_map<std::string, std::int32_t> index_;
  // (left << 32 | right) -> (rank, merged id)
  std::unordered_map<std::uint64_t, std::pair<std::int32_t, std::int32_t>> merge_rank_;
  std::vector<std::pair<std::string, std::int32_t>> controls_;  // for encode_with_specials, longest first
  SpecialTokens specials_;
};

// The GPT-2 byte-to-unicode map llama.cpp uses (unicode_byte_to_utf8).
const std::string& byte_to_token_text(unsigned char byte);

}  // namespace codeloom::tokenizer
