// Exact then near-duplicate removal with union-find clusters.
#include "codeloom/data/dedup.h"

#include <numeric>
#include <unordered_map>

namespace codeloom::data {
namespace {

struct UnionFind {
  std::vector<std::uint32_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

DedupResult deduplicate(const std::vector<DedupItem>& items, const DedupOptions& options) {
  const std::size_t n = items.size();
  DedupResult r;
  r.keep.assign(n, true);
  r.cluster.resize(n);
  std::iota(r.cluster.begin(), r.cluster.end(), 0u);

  if (options.exact) {
    std::unordered_map<std::uint64_t, std::uint32_t> first;
    first.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      auto [it, inserted] = first.emplace(items[i].hash, i);
      if (!inserted) {
        r.keep[i] = false;
        r.cluster[i] = it->second;
        ++r.exact_removed;
      }
    }
  }
  if (!options.near || options.num_perm == 0) return r;

  r.lsh = (options.bands && options.rows) ? LshParams{options.bands, options.rows}
                                          : optimal_lsh_params(options.threshold, options.num_perm, options.fp_weight, options.fn_weight);
  if (r.lsh.bands * r.lsh.rows > options.num_perm) r.lsh = optimal_lsh_params(options.threshold, options.num_perm, options.fp_weight, options.fn_weight);

  std::vector<std::uint32_t> ids;  // survivors of the exact step with enough shingles
  for (std::uint32_t i = 0; i < n; ++i)
    if (r.keep[i] && items[i].shingles.size() >= options.min_shingles) ids.push_back(i);
  MinHasher hasher({.num_perm = options.num_perm, .seed = options.seed});
  std::vector<std::vector<std::uint32_t>> sigs(ids.size());
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const auto& item = items[ids[k]];
    sigs[k] = item.signature.size() == options.num_perm ? item.signature : hasher.signature(item.shingles);
  }

  const auto pairs = lsh_candidate_pairs(sigs, r.lsh);
  r.candidate_pairs = pairs.size();
  UnionFind uf(ids.size());
  for (const auto& [x, y] : pairs) {
    if (estimate_jaccard(sigs[x], sigs[y]) >= options.threshold) {
      ++r.verified_pairs;
      uf.unite(x, y);
    }
  }
  // Representative per cluster: smallest content hash, then lowest index.
  std::vector<std::uint32_t> rep(ids.size());
  std::iota(rep.begin(), rep.end(), 0u);
  for (std::uint32_t k = 0; k < ids.size(); ++k) {
    const std::uint32_t root = uf.find(k);
    const auto& cur = items[ids[rep[root]]];
    if (items[ids[k]].hash < cur.hash) rep[root] = k;
  }
  for (std::uint32_t k = 0; k < ids.size(); ++k) {
    const std::uint32_t chosen = rep[uf.find(k)];
    r.cluster[ids[k]] = ids[chosen];
    if (chosen != k) {
      r.keep[ids[k]] = false;
      ++r.near_removed;
    }
  }
  // Exact duplicates follow their first occurrence into its cluster.
  for (std::uint32_t i = 0; i < n; ++i)
    if (r.cluster[i] != i && !r.keep[i] && r.cluster[r.cluster[i]] != r.cluster[i])
      r.cluster[i] = r.cluster[r.cluster[i]];
  return r;
}

}  // namespace codeloom::data
