// Fill-in-the-middle training samples (docs/prompt.md, "codeloom's own FIM tokens").
//
//   FimTokens ids{...};                 // from tokenizer::Tokenizer::specials()
//   std::mt19937_64 rng(seed);
//   auto toks = make_training_document(text, encode, ids, {.fim_rate = 0.5}, rng);
//
// With probability fim_rate a document becomes
//   PSM: <fim_prefix>{prefix}<fim_suffix>{suffix}<fim_middle>{middle}<eot>
//   SPM: <fim_prefix><fim_suffix>{suffix}<fim_middle>{prefix}{middle}<eot>
// (SPM with probability spm_rate), otherwise {text}<eot>. The two split points
// are drawn uniformly over character (UTF-8 code point) boundaries; no BOS.
// Deterministic: the same rng state gives the same output on every platform
// (no std::uniform_*_distribution, whose output is implementation-defined).
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string_view>
#include <vector>

namespace codeloom::train {

using TokenId = std::int32_t;
using Encoder = std::function<std::vector<TokenId>(std::string_view)>;

struct FimTokens {
  TokenId prefix = -1, suffix = -1, middle = -1, pad = -1, eot = -1;
};

struct FimOptions {
  double fim_rate = 0.5;
  double spm_rate = 0.5;
};

// Uniform in [0, n) (n > 0) and in [0, 1) from a 64-bit engine: portable.
std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n);
double uniform_unit(std::mt19937_64& rng);

// Byte offsets of the code point boundaries of `text` (0 and size() included).
std::vector<std::size_t> char_boundaries(std::string_view text);

std::vector<TokenId> make_training_document(std::string_view text, const Encoder& encode,
                                            const FimTokens& ids, const FimOptions& options,
                                            std::mt19937_64& rng);

}  // namespace codeloom::train
