// Seeded byte-level mutator for the bounded fuzz tests of the default suite
// (tests/*/…_fuzz_test.cpp). The long-running, coverage-guided fuzzers are the
// libFuzzer targets under fuzz/ (docs/fuzzing.md); these tests replay the same
// target functions over the kept corpus (tests/data/fuzz/<target>/) plus a fixed
// number of seeded mutations, so a regression file or a shallow crash fails CI.
//
//   codeloom::test::Mutator m(/*seed=*/42, {"{", "}", "\"", "1e999999"});
//   std::string input = m.mutate(seed_text);   // deterministic for a seed
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace codeloom::test {

class Mutator {
 public:
  // `dictionary`: tokens spliced in at random places (keywords, delimiters,
  // boundary numbers); may be empty.
  explicit Mutator(std::uint64_t seed, std::vector<std::string> dictionary = {})
      : rng_(seed), dict_(std::move(dictionary)) {}

  // One to eight random edits of `input`: byte flip, random byte, insert,
  // delete a range, duplicate a range, splice a dictionary token, truncate.
  std::string mutate(std::string input, std::size_t max_size = 1 << 20);

  std::mt19937_64& rng() { return rng_; }

 private:
  std::size_t pick(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }
  std::mt19937_64 rng_;
  std::vector<std::string> dict_;
};

// Every regular file directly under `dir`, sorted by name (deterministic order).
std::vector<std::filesystem::path> corpus_files(const std::filesystem::path& dir);
std::string read_file_bytes(const std::filesystem::path& path);

// Runs `one(input)` on every corpus file, then on mutations of them (chosen
// round-robin, mutations chained up to 4 deep) until `iterations` inputs or
// `budget` wall time, whichever comes first. Returns the number of inputs run.
// `one` must not throw for any input: an exception or crash fails the test.
template <typename Fn>
std::size_t fuzz_corpus(const std::filesystem::path& dir, Mutator& m, std::size_t iterations,
                        std::chrono::milliseconds budget, Fn&& one) {
  std::vector<std::string> seeds;
  for (const auto& p : corpus_files(dir)) seeds.push_back(read_file_bytes(p));
  if (seeds.empty()) seeds.push_back(std::string());
  const auto start = std::chrono::steady_clock::now();
  std::size_t runs = 0;
  for (const auto& s : seeds) {
    one(s);
    ++runs;
  }
  for (std::size_t i = 0; i < iterations; ++i) {
    if (std::chrono::steady_clock::now() - start > budget) break;
    std::string input = seeds[i % seeds.size()];
    const std::size_t depth = 1 + static_cast<std::size_t>(m.rng()() % 4);
    for (std::size_t d = 0; d < depth; ++d) input = m.mutate(std::move(input));
    one(input);
    ++runs;
  }
  return runs;
}

}  // namespace codeloom::test
