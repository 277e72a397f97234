// Token corpus and vocabulary for Item2Vec / word2vec training.
//
//   embed::CorpusBuilder b;
//   b.add_sequence({"def", "f", "(", "x", ")", ":"});
//   ...
//   embed::Corpus corpus = std::move(b).finish({.min_count = 5});
//   corpus.vocab.find("append");   // id or nullopt
//
// The corpus is stored flat (ids + sequence offsets) so training reads contiguous
// memory. Out-of-vocabulary tokens are dropped from the sequences, as word2vec.c
// and gensim do. Not thread-safe while building; a finished Corpus is immutable.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::embed {

struct VocabOptions {
  std::uint64_t min_count = 5;  // tokens seen fewer times are dropped (word2vec's min-count)
  std::size_t max_vocab = 0;    // keep at most this many most frequent tokens; 0 = no limit
};

// Tokens sorted by descending count, ties by byte order (independent of corpus
// order, so the vocabulary is a pure function of the counts).
class Vocab {
 public:
  Vocab() = default;
  Vocab(std::vector<std::string> tokens, std::vector<std::uint64_t> counts);

  std::size_t size() const { return tokens_.size(); }
  const std::string& token(std::uint32_t id) const { return tokens_[id]; }
  std::uint64_t count(std::uint32_t id) const { return counts_[id]; }
  const std::vector<std::string>& tokens() const { return tokens_; }
  const std::vector<std::uint64_t>& counts() const { return counts_; }
  std::uint64_t total_count() const { return total_; }  // sum of counts (word2vec's train_words)
  std::optional<std::uint32_t> find(std::string_view token) const;

 private:
  std::vector<std::string> tokens_;
  std::vector<std::uint64_t> counts_;
  std::vector<std::uint32_t> table_;  // open addressing over ids, sized a power of two
  std::uint64_t total_ = 0;
};

struct Corpus {
  Vocab vocab;
  std::vector<std::uint32_t> ids;       // in-vocabulary tokens of all sequences, concatenated
  std::vector<std::uint64_t> offsets;   // sequence i is ids[offsets[i], offsets[i+1])
  std::uint64_t raw_tokens = 0;         // tokens before the vocabulary cut
  std::size_t sequences() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const std::uint32_t> sequence(std::size_t i) const {
    return {ids.data() + offsets[i], ids.data() + offsets[i + 1]};
  }
};

// Interns tokens and counts them; finish() cuts the vocabulary and remaps.
class CorpusBuilder {
 public:
  CorpusBuilder();
  ~CorpusBuilder();
  CorpusBuilder(CorpusBuilder&&) noexcept;
  CorpusBuilder& operator=(CorpusBuilder&&) noexcept;

  void add_sequence(std::span<const std::string_view> tokens);
  void add_sequence(std::initializer_list<std::string_view> tokens) {
    add_sequence(std::span<const std::string_view>(tokens.begin(), tokens.size()));
  }
  std::size_t sequences() const;
  std::uint64_t tokens() const;

  Corpus finish(const VocabOptions& options) &&;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads a plain token file: one sequence per line, tokens separated by spaces or
// tabs (the format gensim's LineSentence reads). Empty lines are skipped.
// kNotFound / kIo for unreadable files.
Result<Corpus> read_token_file(const std::string& path, const VocabOptions& options);

}  // namespace codeloom::embed
