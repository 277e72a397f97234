// Tokenizing prompt pieces (internal to the prompt module).
#pragma once

#include <string_view>
#include <vector>

#include "codeloom/llm/model.h"

namespace codeloom::prompt::detail {

// Plain text -> tokens, no BOS, special-token text kept as plain text (user
// code may contain "<|fim_prefix|>" literally; it must not become a control token).
std::vector<llm::Token> tokenize_plain(const llm::Model& model, std::string_view text);

// Like tokenize_plain, but without SentencePiece's dummy leading space: on
// vocabularies that add one (llama-spm), "x" would otherwise become "▁x".
// CodeLlama's reference code encodes the suffix this way. Falls back to
// tokenize_plain when the vocabulary adds no space.
std::vector<llm::Token> tokenize_no_leading_space(const llm::Model& model, std::string_view text);

}  // namespace codeloom::prompt::detail
