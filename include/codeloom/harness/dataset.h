// Reading benchmark files: JSONL (optionally gzip-compressed) or one JSON
// array (sanitized-mbpp.json). Malformed records are reported and skipped.
//
//   auto set = harness::load_problems(*bench, harness::default_data_path(*bench, "data/benchmarks"));
//   if (!set) return set.error();
//   for (auto& bad : set->malformed) std::cerr << bad << "\n";
//
// Pure functions of the file contents: thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/harness/benchmark.h"

namespace codeloom::harness {

struct ProblemSet {
  std::vector<Problem> problems;
  std::vector<std::string> malformed;  // "line 7: <reason>" for each skipped record
};

// Whole file, gunzipped when compressed. kNotFound / kIo.
Result<std::string> read_maybe_gz(const std::string& path);

// Splits `text` into records and parses each with bench.parse. Duplicate
// task_ids are malformed too (the first is kept).
ProblemSet parse_problems(const Benchmark& bench, const std::string& text);

// read_maybe_gz + parse_problems. kCorrupt when no record could be parsed.
Result<ProblemSet> load_problems(const Benchmark& bench, const std::string& path);

// data_root + "/" + bench.default_file. The benchmark files ship with codeloom
// under data/benchmarks/ (installed to <prefix>/share/codeloom/benchmarks/); the
// CLI finds that root relative to its executable.
std::string default_data_path(const Benchmark& bench, const std::string& data_root);

// Hex sha256 of a file's bytes (as stored, not gunzipped). kNotFound / kIo.
Result<std::string> file_sha256(const std::string& path);

// The shipped file must be the one codeloom was tested with: kCorrupt naming
// both digests when `path`'s sha256 differs from bench.default_sha256.
Status verify_default_file(const Benchmark& bench, const std::string& path);

}  // namespace codeloom::harness
