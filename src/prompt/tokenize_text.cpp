#include "tokenize_text.h"

#include <algorithm>
#include <string>

namespace codeloom::prompt::detail {

std::vector<llm::Token> tokenize_plain(const llm::Model& model, std::string_view text) {
  if (text.empty()) return {};
  return model.tokenize(text, /*add_special=*/false, /*parse_special=*/false);
}

std::vector<llm::Token> tokenize_no_leading_space(const llm::Model& model, std::string_view text) {
  std::vector<llm::Token> plain = tokenize_plain(model, text);
  if (plain.empty()) return plain;
  std::string pieces;
  for (llm::Token t : plain) pieces += model.token_to_piece(t);
  // Only a vocabulary that prepended exactly one space needs the trick
  // (comparing whole strings also handles text that starts with a space).
  const bool added_space = pieces.size() == text.size() + 1 && pieces.front() == ' ' &&
                           std::string_view(pieces).substr(1) == text;
  if (!added_space) return plain;
  // Same trick as CodeLlama's encode_infilling: tokenize a sentinel line
  // first, then drop the sentinel's tokens. "\n" is a byte token in SPM
  // vocabularies and never merges with the text after it; the result is
  // verified by detokenizing, so a surprising vocabulary falls back safely.
  const std::string sentinel = "\n";
  std::vector<llm::Token> head = tokenize_plain(model, sentinel);
  std::vector<llm::Token> both = tokenize_plain(model, sentinel + std::string(text));
  if (both.size() <= head.size() || !std::equal(head.begin(), head.end(), both.begin())) return plain;
  std::vector<llm::Token> rest(both.begin() + static_cast<std::ptrdiff_t>(head.size()), both.end());
  std::string back;
  for (llm::Token t : rest) back += model.token_to_piece(t);
  return back == text ? rest : plain;
}

}  // namespace codeloom::prompt::detail
