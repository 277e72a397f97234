// The token source for code embeddings: lexer tokens of a code sample (not BPE
// pieces), from codeloom::lang.
//
//   auto toks = embed::code_tokens(sample.text, lang::Language::kJava);
//   // {"public", "int", "size", "(", ")", "{", "return", "count", ";", "}"}
//
// Policy (docs/embed.md): comments are dropped; string and char literals of at
// most `max_literal_bytes` bytes without whitespace are kept as written
// ("'utf-8'", "\"\\n\"" are meaningful API arguments), longer ones become <STR>;
// numbers of at most `max_number_bytes` bytes are kept (0, 1, 0xff, 1e-3), longer
// ones become <NUM>; any other token containing whitespace (e.g. C++ preprocessor
// argument text) is split on whitespace. Java samples are methods, which
// tree-sitter-java only classifies correctly inside a class, so they are parsed
// wrapped in `class W { ... }` and the wrapper's tokens are removed. C++ is parsed
// with lang::libstdcxx_macros(). Thread-safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/embed/vocab.h"
#include "codeloom/lang/language.h"

namespace codeloom::embed {

struct CodeTokenOptions {
  std::size_t max_literal_bytes = 16;
  std::size_t max_number_bytes = 8;
};

// kInvalidArgument when the text is not parseable input (invalid UTF-8, NUL).
Result<std::vector<std::string>> code_tokens(std::string_view text, lang::Language language,
                                             const CodeTokenOptions& options = {});

struct CorpusReadOptions {
  std::string split = "train";
  CodeTokenOptions tokens;
  int threads = 1;          // tokenization threads; the output does not depend on it
  bool progress = false;    // progress line on stderr
};

struct CorpusReadStats {
  std::size_t samples = 0;
  std::size_t skipped = 0;  // samples with an unknown language or unparsable text
};

// Calls fn(tokens) for every sample of DIR's `split` shards (`codeloom data mine`
// output), in corpus order, whatever the thread count.
Status for_each_code_sequence(const std::string& dir, const CorpusReadOptions& options,
                              const std::function<void(const std::vector<std::string>&)>& fn,
                              CorpusReadStats* stats = nullptr);

// The corpus of a mined directory, ready for train().
Result<Corpus> read_code_corpus(const std::string& dir, const CorpusReadOptions& options,
                                const VocabOptions& vocab, CorpusReadStats* stats = nullptr);

}  // namespace codeloom::embed
