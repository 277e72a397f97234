// An n-gram language model over token ids with interpolated modified
// Kneser–Ney smoothing (Chen & Goodman 1998): the baseline codeloom's own
// models must beat on line completion (docs/ngram.md).
//
//   ngram::KneserNeyOptions o;  // order 4
//   auto lm = ngram::KneserNey::train(sequences, tokenizer.vocab_size(), o);
//   std::vector<float> p(lm->vocab_size());
//   lm->distribution(context, p);   // P(w | last order-1 tokens), sums to 1
//
// N-grams are packed into 64-bit keys (ceil(log2 V) bits per token; order * bits
// must fit in 64, e.g. order 4 with a vocabulary up to 65,536) and kept in sorted
// arrays: the followers of a context are one contiguous range, so a whole
// next-token distribution costs one binary search and one pass over the
// followers per order. The highest order uses raw counts; lower orders use
// continuation counts (distinct left contexts; n-grams at a sequence start count
// raw, as they have no left context). Discounts D1, D2, D3+ per order from
// counts of counts. Immutable after train(): thread-safe for concurrent reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::ngram {

struct KneserNeyOptions {
  int order = 4;
};

class KneserNey {
 public:
  // kInvalidArgument: order < 1, vocab_size < 1, a token outside [0, vocab_size),
  // or order * bits-per-token > 64.
  static Result<KneserNey> train(const std::vector<std::vector<std::int32_t>>& sequences, std::int32_t vocab_size,
                                 const KneserNeyOptions& options = {});

  // P(w | context) for every w into probs (size vocab_size). Only the last
  // order-1 tokens of the context matter; an unseen context backs off.
  void distribution(std::span<const std::int32_t> context, std::span<float> probs) const;
  double prob(std::span<const std::int32_t> context, std::int32_t w) const;

  int order() const { return order_; }
  std::int32_t vocab_size() const { return vocab_; }
  std::size_t ngram_count(int k) const;       // distinct k-grams stored (1 <= k <= order)
  double discount(int k, int c) const;        // D for count c (1, 2, 3+) at order k

 private:
  struct ContextStats {
    std::uint64_t total = 0;                  // sum of (continuation) counts of the followers
    std::uint32_t n1 = 0, n2 = 0, n3 = 0;     // followers with count 1, 2, >= 3
  };
  struct Order {
    std::vector<std::uint64_t> keys;          // sorted k-gram keys
    std::vector<std::uint32_t> counts;        // parallel to keys
    std::vector<std::uint64_t> ctx_keys;      // sorted (k-1)-gram context keys
    std::vector<ContextStats> ctx;            // parallel to ctx_keys
    double d[4] = {0, 0, 0, 0};               // d[1], d[2], d[3] = D1, D2, D3+
  };
  const ContextStats* find_context(int k, std::uint64_t ctx_key) const;
  double follower_mass(int k, std::uint32_t count) const;

  int order_ = 4;
  std::int32_t vocab_ = 0;
  int bits_ = 1;
  std::vector<Order> orders_;      // orders_[k-1] holds k-grams
  std::vector<float> unigram_;     // interpolated order-1 distribution
};

}  // namespace codeloom::ngram
