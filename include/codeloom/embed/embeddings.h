// Trained token embeddings: vocabulary + row-major matrix, the versioned binary
// model file (.c2v), word2vec text export, cosine similarity and neighbours.
//
//   auto emb = embed::load("model.c2v");          // or a word2vec text file
//   if (!emb) { std::cerr << emb.error().message; return 2; }
//   auto sim = embed::similarity(*emb, "push_back", "emplace_back");
//   auto nn = embed::nearest(*emb, "HashMap", 10);  // excludes HashMap itself
//
// An Embeddings value owns its data; const functions are thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::embed {

// Every training option, with word2vec.c's / the Item2Vec setup's defaults.
struct TrainOptions {
  int dim = 256;                 // vector size
  int window = 5;                // max context distance; the window actually used is drawn from 1..window
  int negative = 10;             // noise tokens per positive pair, drawn from unigram^0.75
  double sample = 1e-3;          // subsampling threshold (0 = off), word2vec.c's formula
  std::uint64_t min_count = 5;   // vocabulary cut (applied when the corpus is built)
  std::uint64_t max_vocab = 0;   // 0 = no limit
  int epochs = 5;
  double alpha = 0.025;          // initial learning rate, decays linearly to min_alpha
  double min_alpha = 0.0001;
  int threads = 1;               // part of the determinism contract: same threads, same bytes
  std::uint64_t seed = 1;
  std::uint64_t sync_words = 20000;  // tokens per thread per synchronization round (threads > 1)
  bool hogwild = false;          // unsynchronized updates: faster, not reproducible
};

struct Embeddings {
  std::vector<std::string> tokens;
  std::vector<std::uint64_t> counts;  // corpus counts; 0 when loaded from word2vec text
  int dim = 0;
  std::vector<float> vectors;         // tokens.size() x dim, row-major
  TrainOptions options;               // as trained (defaults when loaded from text)
  std::uint64_t train_words = 0;      // corpus tokens per epoch

  std::size_t size() const { return tokens.size(); }
  std::span<const float> row(std::size_t i) const {
    return {vectors.data() + i * static_cast<std::size_t>(dim), static_cast<std::size_t>(dim)};
  }
  // Linear scan on first use is avoided: the index is built by load()/train()
  // via build_index(); find() falls back to a scan when it was not built.
  std::optional<std::size_t> find(std::string_view token) const;
  void build_index();

 private:
  std::vector<std::uint32_t> index_;  // open addressing table of row ids + 1 (0 = empty)
};

// Binary format version written by save(); load() accepts versions 1..this.
inline constexpr std::uint32_t kFormatVersion = 1;

// Writes the .c2v file atomically (temporary file + rename). Layout in
// docs/embed.md: magic "C2VEMBD\0", version, options, vocabulary with counts,
// float32 vectors, xxh64 checksum of everything before it (all little-endian).
Status save(const Embeddings& embeddings, const std::string& path);
// word2vec text format: "N D" then "token v1 ... vD" per line (shortest
// round-trip float formatting). gensim's KeyedVectors.load_word2vec_format reads it.
Status save_text(const Embeddings& embeddings, const std::string& path);

// Loads a .c2v file (checks magic, version, sizes and checksum: kCorrupt with
// what is wrong) or, when the file does not start with the magic, a word2vec
// text file. kNotFound for a missing file.
Result<Embeddings> load(const std::string& path);
Result<Embeddings> load_text(const std::string& path);

// Cosine similarity of two tokens; kNotFound names the unknown token.
Result<double> similarity(const Embeddings& embeddings, std::string_view a, std::string_view b);
double cosine(std::span<const float> a, std::span<const float> b);

struct Neighbor {
  std::string token;
  double cosine = 0;
};
// The k tokens most similar to `token` by cosine, best first, excluding the token
// itself (ties by vocabulary order). kNotFound for an unknown token.
Result<std::vector<Neighbor>> nearest(const Embeddings& embeddings, std::string_view token, std::size_t k);

}  // namespace codeloom::embed
