// Function-level training samples cut from one parsed file.
//
//   auto tree = lang::SourceTree::parse(text, lang::Language::kJava);
//   std::vector<Sample> samples = extract_samples(*tree, {});
//   for (const Sample& s : samples) std::cout << s.name << " " << s.text;
//
// A function is dropped when a syntax error (ERROR node or missing token) lies
// inside its range: the file-level tree already tells us, so no re-parse is needed.
// Thread-safe for distinct or const trees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codeloom/data/shingles.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::data {

struct Constructs {
  bool loops = false;         // for / while / do (Python comprehensions count)
  bool conditionals = false;  // if / elif / else / switch / case / ?:
  bool recursion = false;     // calls its own name
  bool exceptions = false;    // try / catch / except / finally / throw / raise / throws
};

struct Sample {
  std::string name;
  std::string qualified_name;
  std::string kind;        // "function" | "method" | "constructor"
  std::string signature;
  std::string doc;
  std::string text;        // normalized and dedented (normalize.h)
  std::size_t start_line = 0;
  std::vector<std::string> apis;  // api_call token texts, sorted unique
  Constructs constructs;
  std::size_t num_tokens = 0;     // tokens except comments
  std::uint64_t hash = 0;         // content_hash(text)
  std::vector<std::uint32_t> shingles;
};

struct SampleOptions {
  ShingleOptions shingles;
  std::size_t min_tokens = 1;  // smaller functions are not samples
};

struct ExtractCounts {
  std::size_t functions = 0;      // found by the lang layer
  std::size_t parse_errors = 0;   // dropped: a syntax error inside the range
  std::size_t too_small = 0;      // dropped: fewer than min_tokens tokens
};

std::vector<Sample> extract_samples(const lang::SourceTree& tree, const SampleOptions& options,
                                    ExtractCounts* counts = nullptr);

}  // namespace codeloom::data
