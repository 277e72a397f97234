// Fuzz target "source": arbitrary bytes as source text in each of the four
// languages, through the path `codeloom parse` uses (SourceTree::parse with a
// time budget, then syntax errors, functions and tokens). Invariants: no crash,
// parse either succeeds or fails with kInvalidArgument (not UTF-8 text) or
// kOutOfRange (over the budget), and every offset/range stays inside the text.
// Used by fuzz/source_fuzz.cpp (libFuzzer) and tests/lang/source_fuzz_test.cpp.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "codeloom/lang/functions.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"

namespace codeloom::fuzz {

// A tighter budget than the CLI's so that stalls show up as budget errors fast.
inline lang::ParseOptions source_fuzz_options() {
  lang::ParseOptions o;
  o.time_limit = std::chrono::milliseconds(250);
  o.time_per_mib = std::chrono::milliseconds(250);
  return o;
}

// Wall time of each language's parse + post-processing, for budget assertions.
struct SourceRun {
  std::array<std::chrono::duration<double>, 4> seconds{};
  std::size_t over_budget = 0;
};

inline void source_check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "source fuzz invariant violated: %s\n", what);
    std::abort();
  }
}

inline SourceRun source_target(const std::uint8_t* data, std::size_t size) {
  using Clock = std::chrono::steady_clock;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const lang::Language languages[] = {lang::Language::kPython, lang::Language::kJava,
                                      lang::Language::kCpp, lang::Language::kJavaScript};
  SourceRun run;
  for (std::size_t i = 0; i < 4; ++i) {
    const auto start = Clock::now();
    auto tree = lang::SourceTree::parse(text, languages[i], source_fuzz_options());
    if (!tree) {
      const ErrorCode code = tree.error().code;
      source_check(code == ErrorCode::kInvalidArgument || code == ErrorCode::kOutOfRange,
                   "parse failed with an unexpected error code");
      run.over_budget += code == ErrorCode::kOutOfRange;
      run.seconds[i] = Clock::now() - start;
      if (code == ErrorCode::kInvalidArgument) return run;  // same for every language
      continue;
    }
    for (const auto& e : tree->syntax_errors()) source_check(e.byte_offset <= size, "error offset");
    for (const auto& f : lang::extract_functions(*tree)) {
      source_check(f.range.start_byte <= f.range.end_byte && f.range.end_byte <= size,
                   "function range");
      source_check(f.body_range.end_byte <= size, "function body range");
    }
    for (const auto& t : lang::classify_tokens(*tree))
      source_check(t.start_byte < t.end_byte && t.end_byte <= size, "token range");
    run.seconds[i] = Clock::now() - start;
  }
  return run;
}

}  // namespace codeloom::fuzz
