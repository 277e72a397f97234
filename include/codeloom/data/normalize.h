// Text normalization and content hashing for corpus samples.
//
//   std::string n = codeloom::data::normalize_code("\tif x:  \r\n\t\treturn 1\r\n");
//   // n == "        if x:\n                return 1\n"  (tab stop 8)
//   std::uint64_t id = codeloom::data::content_hash(n);   // xxh64, seed 0
//
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace codeloom::data {

struct NormalizeOptions {
  // Leading tabs advance to the next multiple of tab_width. 8, because files that mix
  // tabs and spaces (GNU style, e.g. libstdc++) assume 8 — as does Python's tokenizer.
  int tab_width = 8;
};

// \r\n and lone \r become \n; tabs in the leading indentation are expanded to spaces;
// trailing whitespace is stripped from every line; leading/trailing blank lines are
// dropped; the result ends with exactly one \n (empty input stays empty).
std::string normalize_code(std::string_view text, const NormalizeOptions& options = {});

// xxh64 of the bytes with `seed`: the sample id and the exact-duplicate key.
std::uint64_t content_hash(std::string_view text, std::uint64_t seed = 0);

// 16 lower-case hex digits.
std::string hash_hex(std::uint64_t hash);

}  // namespace codeloom::data
