// Training a byte-level BPE tokenizer on code.
//
//   tokenizer::WordCounts counts = tokenizer::count_words(texts, /*threads=*/2);
//   tokenizer::TrainOptions o;  // 16,000 tokens incl. the control tokens
//   auto tok = tokenizer::train_bpe(counts, o);
//
// Classic BPE training (Sennrich et al.; the algorithm of Hugging Face's
// BpeTrainer): pre-tokenize into words, count them, then repeatedly merge the
// most frequent adjacent pair, counting each word with its frequency. Merges never
// cross word boundaries. Ties go to the pair with the smaller (left, right) ids,
// and words are processed in sorted order, so the result depends only on the
// counts and options — not on thread count or input order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/tokenizer/tokenizer.h"

namespace codeloom::tokenizer {

using WordCounts = std::unordered_map<std::string, std::uint64_t>;

// Pre-tokenizes every text (pretokenize.h) and counts the words. `threads` 0 = all cores.
WordCounts count_words(const std::vector<std::string>& texts, std::size_t threads = 0);
void merge_counts(WordCounts* into, const WordCounts& from);

struct TrainOptions {
  std::int32_t vocab_size = 16000;    // total: 256 bytes + merges + control tokens
  std::uint64_t min_frequency = 2;    // stop when the best pair is rarer than this
  std::vector<std::string> languages = {"python", "java", "cpp"};  // <cl|lang:...> tags
  std::size_t max_word_bytes = 256;   // longer words (e.g. long literals) still encode, byte by byte
  std::function<void(std::size_t merges_done, std::size_t merges_total)> progress;  // optional
};

struct TrainStats {
  std::size_t unique_words = 0;
  std::uint64_t words = 0;
  std::size_t merges = 0;
  bool stopped_by_min_frequency = false;
};

// kInvalidArgument when vocab_size cannot hold the bytes and control tokens.
Result<Tokenizer> train_bpe(const WordCounts& counts, const TrainOptions& options, TrainStats* stats = nullptr);

}  // namespace codeloom::tokenizer
