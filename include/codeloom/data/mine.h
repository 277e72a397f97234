// Corpus mining: source trees and .zip/.jar archives -> deduplicated, tagged,
// split, zstd-compressed JSONL shards plus stats.json.
//
//   MineOptions o;
//   o.inputs = {"/usr/lib/python3.11", "/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip"};
//   o.out_dir = "corpus";
//   Result<MineStats> s = mine(o);
//   if (!s) { std::cerr << s.error().message; return 1; }
//
// Output (docs/data.md, format "codeloom.data.mine/1"):
//   DIR/{train,val,test}-NNNNN.jsonl.zst   one JSON object per function
//   DIR/stats.json                         counts, skipped files, token histogram
// Every file is written under a temporary name and renamed when complete. The output
// depends only on the inputs and options (not on thread count or timing): re-running
// gives byte-identical files. Old shards matching the pattern in DIR are removed first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/data/dedup.h"
#include "codeloom/data/sample.h"

namespace codeloom::data {

struct MineOptions {
  std::vector<std::string> inputs;  // directories, files, .zip/.jar archives
  std::string out_dir;
  std::size_t threads = 0;                 // 0: std::thread::hardware_concurrency()
  std::size_t max_file_bytes = 1u << 20;   // larger files are skipped ("too_large")
  SampleOptions samples;
  DedupOptions dedup;
  double train = 0.90, val = 0.05;         // test gets the rest
  std::uint64_t split_seed = 0x5eed;       // split bucket = xxh64(text, seed) % 10000
  std::size_t shard_samples = 20000;       // samples per shard
  int zstd_level = 3;
  bool progress = true;                    // progress bar on stderr
};

struct LanguageCounts {
  std::size_t files = 0, bytes = 0, functions = 0, samples = 0;
};

struct MineStats {
  std::map<std::string, LanguageCounts> by_language;            // "python", "java", "cpp"
  std::map<std::string, std::map<std::string, std::size_t>> samples_by_source;  // input -> language -> kept
  std::map<std::string, std::size_t> skipped;                   // reason -> files
  std::vector<std::pair<std::string, std::string>> skipped_examples;  // first few (path, reason)
  std::size_t other_files = 0;          // not Python/Java/C++
  std::size_t functions = 0, parse_errors = 0, too_small = 0;
  std::size_t exact_duplicates = 0, near_duplicates = 0, samples = 0;
  std::map<std::string, std::size_t> splits;                    // "train" -> samples
  std::map<std::string, std::size_t> token_histogram;           // "<=64" -> samples
  std::vector<std::string> shards;                              // file names written
  std::size_t bytes_read = 0;
  double seconds = 0;                   // wall time (not written to stats.json)
};

Result<MineStats> mine(const MineOptions& options);

}  // namespace codeloom::data
