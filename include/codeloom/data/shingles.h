// Token shingles: the sets MinHash compares.
//
//   auto tree = lang::SourceTree::parse(code, lang::Language::kPython);
//   auto tokens = lang::classify_tokens(*tree);
//   std::vector<std::uint32_t> s = shingles_from_tokens(tokens, {.k = 5});
//   // or, parsing a snippet on its own: shingles_from_text(code, Language::kPython)
//
// A shingle is k consecutive tokens (comments dropped). Its hash is the low 32 bits of
// xxh64 over the token texts joined by '\x1f' — 32 bits because datasketch's MinHash
// works on 32-bit values and bench/reference/datasketch_compare.py must see the same
// numbers. With normalize_identifiers (the default, see docs/data.md) every kIdentifier
// token is replaced by the placeholder "$ID" so a copy with renamed variables has the
// same shingles; keywords, types, literals, operators and api_call names are kept.
// A unit with fewer than k tokens gets one shingle of all its tokens.
// Results are sorted and unique. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"
#include "codeloom/lang/tokens.h"

namespace codeloom::data {

struct ShingleOptions {
  std::size_t k = 5;                 // tokens per shingle
  bool normalize_identifiers = true; // kIdentifier -> "$ID"
};

std::vector<std::uint32_t> shingles_from_tokens(std::span<const lang::Token> tokens,
                                                const ShingleOptions& options = {});

// Parses `code` alone (errors tolerated: error-recovery leaves still become tokens)
// and shingles its tokens. Fails only when the text cannot be parsed at all
// (binary, invalid UTF-8).
Result<std::vector<std::uint32_t>> shingles_from_text(std::string_view code, lang::Language language,
                                                      const ShingleOptions& options = {});

// Number of tokens that count for shingling (everything but comments).
std::size_t count_shingle_tokens(std::span<const lang::Token> tokens);

// Exact Jaccard similarity of two sorted unique sets (1 when both are empty).
double exact_jaccard(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

}  // namespace codeloom::data
