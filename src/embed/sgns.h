// Module-internal: the SGNS inner loop over one chunk of sequences, its shared
// read-only tables, and the two ways a thread reaches the weight matrices
// (directly, or through a private copy-on-write view for deterministic rounds).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace codeloom::embed::detail {

inline constexpr int kExpTableSize = 1000;  // word2vec.c's EXP_TABLE_SIZE / MAX_EXP
inline constexpr float kMaxExp = 6.0f;
inline constexpr int kMaxTargets = 101;      // the positive + at most 100 negatives (check_options)

struct SgnsTables {
  int dim = 0, window = 0, negative = 0;
  std::uint32_t vocab = 0;
  const std::uint64_t* keep = nullptr;        // subsampling: keep when rand32 < keep[v] (2^32 = always)
  const std::uint32_t* alias_prob = nullptr;  // Walker alias table of unigram^0.75, prob scaled to 2^32
  const std::uint32_t* alias_index = nullptr;
  const float* exp_table = nullptr;           // sigmoid on [-kMaxExp, kMaxExp], word2vec.c's layout
  const float* loss_table = nullptr;          // -log sigmoid on the same grid
  double alpha = 0, min_alpha = 0;
  std::uint64_t words_total = 0;              // epochs * corpus tokens: the learning-rate schedule
};

struct ChunkJob {
  const std::uint32_t* ids = nullptr;
  const std::uint64_t* offsets = nullptr;
  std::size_t seq_begin = 0, seq_end = 0;
  std::uint64_t word_position = 0;  // tokens before this chunk in the whole schedule
  std::uint64_t seed = 0;           // the chunk's own random stream
};

struct ChunkResult {
  std::uint64_t words = 0, trained = 0, pairs = 0;
  double loss = 0;
  double alpha = 0;  // learning rate at the chunk's last sequence
};

struct Workspace {
  std::vector<std::uint32_t> sentence;  // subsampled sequence, sized to the longest sequence
  std::vector<float> neu1e;             // accumulated gradient of the input row
};

// Direct access: hogwild threads and the single-threaded path.
struct DirectAccess {
  float* syn0 = nullptr;
  float* syn1 = nullptr;
  std::size_t dim = 0;
  float* row0(std::uint32_t i) { return syn0 + i * dim; }
  float* row1(std::uint32_t i) { return syn1 + i * dim; }
};

// Rows handed out in blocks, so pointers stay valid while the arena grows.
class RowArena {
 public:
  explicit RowArena(std::size_t dim) : dim_(dim) {}
  float* alloc() {
    const std::size_t b = used_ / kRows;
    if (b == blocks_.size()) blocks_.emplace_back(new float[kRows * dim_]);
    float* p = blocks_[b].get() + (used_ % kRows) * dim_;
    ++used_;
    return p;
  }
  void reset() { used_ = 0; }

 private:
  static constexpr std::size_t kRows = 1024;
  std::size_t dim_;
  std::size_t used_ = 0;
  std::vector<std::unique_ptr<float[]>> blocks_;
};

// A thread's private view of both matrices during one round: the first touch of a
// row copies it from the shared matrix; later reads and writes use the copy. The
// shared matrices are read-only during a round, so threads never race, and the
// result of a round depends only on what each thread trained.
class CowAccess {
 public:
  CowAccess(const float* syn0, const float* syn1, std::size_t vocab, std::size_t dim)
      : base0_(syn0), base1_(syn1), dim_(dim), slot0_(vocab, nullptr), slot1_(vocab, nullptr),
        arena0_(dim), arena1_(dim) {
    touched0_.reserve(vocab);
    touched1_.reserve(vocab);
  }
  float* row0(std::uint32_t i) { return get(i, base0_, slot0_, arena0_, touched0_); }
  float* row1(std::uint32_t i) { return get(i, base1_, slot1_, arena1_, touched1_); }
  const float* slot0(std::size_t i) const { return slot0_[i]; }
  const float* slot1(std::size_t i) const { return slot1_[i]; }
  void reset() {
    for (std::uint32_t i : touched0_) slot0_[i] = nullptr;
    for (std::uint32_t i : touched1_) slot1_[i] = nullptr;
    touched0_.clear();
    touched1_.clear();
    arena0_.reset();
    arena1_.reset();
  }

 private:
  float* get(std::uint32_t i, const float* base, std::vector<float*>& slots, RowArena& arena,
             std::vector<std::uint32_t>& touched) {
    float* p = slots[i];
    if (p == nullptr) {
      p = arena.alloc();
      std::memcpy(p, base + i * dim_, dim_ * sizeof(float));
      slots[i] = p;
      touched.push_back(i);
    }
    return p;
  }
  const float* base0_;
  const float* base1_;
  std::size_t dim_;
  std::vector<float*> slot0_, slot1_;
  RowArena arena0_, arena1_;
  std::vector<std::uint32_t> touched0_, touched1_;
};

using DirectChunkFn = ChunkResult (*)(const SgnsTables&, const ChunkJob&, Workspace&, DirectAccess&);
using CowChunkFn = ChunkResult (*)(const SgnsTables&, const ChunkJob&, Workspace&, CowAccess&);

struct Kernels {
  const char* name;
  DirectChunkFn direct;
  CowChunkFn cow;
};

// Implemented in sgns_generic.cpp / sgns_avx2.cpp (same loop, different vector code).
Kernels generic_kernels();
Kernels avx2_kernels();
Kernels avx512_kernels();
// AVX2+FMA when the CPU has it, else the portable build. $CODELOOM_EMBED_KERNEL=generic forces the latter.
Kernels select_kernels();

// splitmix64: small state (one per chunk), good enough statistics for SGNS.
struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed) : state(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) from the high 32 bits (Lemire's multiply-shift, bias < n / 2^32).
  static std::uint32_t below(std::uint64_t r, std::uint32_t n) {
    return static_cast<std::uint32_t>(((r >> 32) * n) >> 32);
  }
};

inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream) {
  Rng r(seed ^ (stream * 0xD1B54A32D192ED03ull));
  r.next();
  return r.next();
}

}  // namespace codeloom::embed::detail
