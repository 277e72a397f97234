// Reading the corpus written by `codeloom data mine` (DIR/{train,val,test}-NNNNN.jsonl.zst).
//
//   auto s = data::for_each_sample("corpus", "train", [](const data::CorpusSample& x) {
//     std::cout << x.language << " " << x.name << "\n";
//   });
//   if (!s) std::cerr << s.error().message << "\n";
//
// Shards are read in name order, samples in file order, so iteration order is
// deterministic. Each shard is decompressed whole (shards hold --shard-samples
// samples, 20,000 by default, a few MB). Thread-safe: no shared state.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::data {

struct CorpusSample {
  std::string id;        // xxh64 hex of text
  std::string language;  // "python" | "java" | "cpp"
  std::string name;
  std::string path;
  std::string split;     // "train" | "val" | "test"
  std::string text;
  std::size_t tokens = 0;
};

// Paths of DIR/<split>-NNNNN.jsonl.zst, sorted. kNotFound when DIR is missing,
// has no stats.json (an interrupted mining run: stats.json is written last) or
// holds no shard of that split; kCorrupt when stats.json's shard list and the
// directory disagree. Messages say how to fix it.
Result<std::vector<std::string>> list_shards(const std::string& dir, const std::string& split);

// Decompresses one shard and returns its samples. kCorrupt on a truncated or
// corrupt zstd frame or a line that is not a sample (the message names the shard
// and line).
Result<std::vector<CorpusSample>> read_shard(const std::string& path);

// Calls fn for every sample of the split, shard by shard. Stops at the first error.
Status for_each_sample(const std::string& dir, const std::string& split,
                       const std::function<void(const CorpusSample&)>& fn);

}  // namespace codeloom::data
