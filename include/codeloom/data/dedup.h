// Exact + near-duplicate removal over a list of documents.
//
//   std::vector<DedupItem> items = ...;   // {content hash of normalized text, shingles}
//   DedupResult r = deduplicate(items, {.threshold = 0.85});
//   for (std::size_t i = 0; i < items.size(); ++i) if (r.keep[i]) write(i);
//
// Steps: (1) exact: items with the same content hash keep the first occurrence;
// (2) near: MinHash signatures of the survivors, LSH candidate pairs, verification
// by estimated Jaccard >= threshold, union-find clusters; each cluster keeps the
// member with the smallest content hash (ties: lowest index), so the choice does not
// depend on input order. Items with fewer than min_shingles shingles skip step 2
// (a few-token function is "similar" to many unrelated ones).
// Deterministic; single-threaded; O(n * num_perm * shingles) plus the candidates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codeloom/data/minhash.h"

namespace codeloom::data {

struct DedupItem {
  std::uint64_t hash = 0;                 // content_hash(normalize_code(text))
  std::vector<std::uint32_t> shingles;    // sorted unique (shingles.h)
  // Optional precomputed MinHasher signature (e.g. from worker threads); used when
  // its size equals num_perm and the MinHasher had the same seed.
  std::vector<std::uint32_t> signature;
};

struct DedupOptions {
  bool exact = true;
  bool near = true;
  double threshold = 0.85;        // Jaccard threshold for near duplicates
  std::size_t num_perm = 128;
  std::uint64_t seed = 1;
  // 0: optimal_lsh_params(threshold, num_perm, fp_weight, fn_weight). Missing a
  // candidate loses a duplicate for good while an extra candidate only costs one
  // signature comparison, so the default weighs false negatives higher than
  // datasketch's 0.5/0.5 (docs/data.md has the measurements).
  std::size_t bands = 0, rows = 0;
  double fp_weight = 0.05, fn_weight = 0.95;  // threshold 0.85, 128 perms -> see docs/data.md
  std::size_t min_shingles = 10;
};

struct DedupResult {
  std::vector<bool> keep;               // one per item
  std::vector<std::uint32_t> cluster;   // representative index of each item's cluster
  std::size_t exact_removed = 0;
  std::size_t near_removed = 0;
  std::size_t candidate_pairs = 0;      // from LSH buckets
  std::size_t verified_pairs = 0;       // estimated Jaccard >= threshold
  LshParams lsh;                        // the banding used
};

DedupResult deduplicate(const std::vector<DedupItem>& items, const DedupOptions& options = {});

}  // namespace codeloom::data
