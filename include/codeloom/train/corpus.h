// Training data: corpus shards (data/shards.h) → FIM documents (fim.h) →
// packed rows (packing.h), deterministic for a given seed.
//
//   Vocabulary v = ...;   // the CLI adapts tokenizer::Tokenizer (encode, size, specials)
//   auto train = load_packed_split(recipe.data, "train", v, seed);
//
// Documents are shuffled by seed before packing so neighbouring rows mix
// languages and shards; FIM decisions come from a generator seeded by
// (seed, split) so train and val differ but each is reproducible.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/train/fim.h"
#include "codeloom/train/packing.h"
#include "codeloom/train/recipe.h"

namespace codeloom::train {

struct Vocabulary {
  Encoder encode;          // plain text → ids (special-token text is not parsed)
  std::int32_t size = 0;   // number of ids
  FimTokens ids;           // fim_prefix/suffix/middle/pad and eot
  std::vector<std::string> texts;  // id → the bytes it decodes to (empty if unknown; init.item2vec needs it)
};

// Checks the ids lie inside the vocabulary; kInvalidArgument naming the token otherwise.
Status check_vocabulary(const Vocabulary& vocab);

// max_rows caps the result (0 = no cap). kNotFound when the corpus directory
// or the split's shards are missing; kCorrupt from damaged shards;
// kInvalidArgument when the split holds no text.
Result<PackedSequences> load_packed_split(const DataConfig& data, const std::string& split,
                                          const Vocabulary& vocab, std::uint64_t seed,
                                          std::int64_t max_rows = 0);

// The same pipeline over in-memory documents (tests, small tools).
PackedSequences pack_documents(const std::vector<std::string>& texts, const DataConfig& data,
                               const Vocabulary& vocab, std::uint64_t seed);

}  // namespace codeloom::train
