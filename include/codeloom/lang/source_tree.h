// SourceTree: a parsed source file (tree-sitter tree + the text it was parsed from).
//
//   auto tree = codeloom::lang::SourceTree::parse(text, Language::kPython);
//   if (!tree) return tree.error();               // binary / invalid UTF-8 / too big
//   for (const auto& e : tree->syntax_errors())
//     std::cout << e.position.line << ":" << e.position.column << " " << e.message;
//   auto changed = tree->apply_edit({.start_byte = 10, .old_end_byte = 12, .new_text = "x"});
//
// Ownership: a SourceTree owns its text, its tree and its parser. It is movable,
// not copyable. Thread-safety: const members may run concurrently from several
// threads; apply_edit() needs exclusive access. Views returned by other lang
// functions (e.g. Token::text) point into text() and die with the tree or the
// next apply_edit().
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"
#include "codeloom/lang/position.h"

namespace codeloom::lang {

struct ParseOptions {
  // Larger inputs are rejected with kOutOfRange (tree-sitter offsets are 32-bit and
  // parse time grows with size; 32 MiB is far above any real source file).
  std::size_t max_bytes = 32u << 20;
  // Time budget of each tree-sitter parse (parse() and every apply_edit()): the
  // parser must have reached byte B of the input within
  //     time_limit + B / 1 MiB * time_per_mib
  // of wall time, else the parse fails with kOutOfRange ("too complex to parse"),
  // naming the line it had reached. Tree-sitter's error recovery costs grow
  // quadratically on some inputs (tens of thousands of unclosed brackets, a long
  // unterminated Python triple-quoted string) and would otherwise run for minutes;
  // real code parses at several MiB/s, so the per-MiB allowance keeps large files
  // (an 8 MB sqlite3.c) working while a stalled parse fails after about
  // time_limit. A time_limit of 0 disables the budget.
  std::chrono::milliseconds time_limit{1000};
  std::chrono::milliseconds time_per_mib{1000};
  // Memory budget of each parse, in the same shape: tree-sitter may have
  // allocated at most memory_limit + memory_per_byte * B bytes (counted gross,
  // on the parsing thread) by the time it reaches byte B. Real code takes 20-35
  // bytes per input byte; error recovery over a flat run of unclosed brackets
  // takes ~340, i.e. 10+ GB for a 32 MiB file that parses within the time
  // budget. Over it: kOutOfRange, like the time budget. memory_limit 0 = none.
  std::size_t memory_limit = 256u << 20;
  std::size_t memory_per_byte = 128;
  // C++ only: macro names the parser should not see, e.g. libstdc++'s
  // `namespace std _GLIBCXX_VISIBILITY(default)` derails tree-sitter-cpp. Each
  // occurrence outside preprocessor lines (plus a directly following "(...)") is
  // replaced by spaces before parsing, so offsets and positions are unchanged and
  // text() is still the original. A trailing '*' makes a prefix pattern
  // ("_GLIBCXX*"). Empty by default: parse exactly what was given.
  std::vector<std::string> ignore_macros;
};

// Patterns that make libstdc++ headers parse: "_GLIBCXX*" and the concept-check
// macros "__glibcxx_function_requires", "__glibcxx_class_requires*".
std::vector<std::string> libstdcxx_macros();

// One syntax error: an ERROR node ("unexpected `)`") or a token the parser had to
// invent ("missing `;`"). Position is where the problem starts (see position.h).
struct SyntaxError {
  Position position;
  std::size_t byte_offset = 0;
  std::string message;
};

// Replace text[start_byte, old_end_byte) by new_text.
struct TextEdit {
  std::size_t start_byte = 0;
  std::size_t old_end_byte = 0;
  std::string new_text;
};

class SourceTree {
 public:
  // Parses `text` (must be valid UTF-8 without NUL bytes: kInvalidArgument otherwise,
  // with the offending line). Syntax errors do NOT fail the parse; see syntax_errors().
  // kOutOfRange: larger than max_bytes, or over the time budget (ParseOptions).
  static Result<SourceTree> parse(std::string text, Language language,
                                  const ParseOptions& options = {});
  // Reads `path` (codeloom::read_text_file) and detects its language unless given.
  static Result<SourceTree> parse_file(const std::string& path,
                                       const Language* language = nullptr,
                                       const ParseOptions& options = {});

  SourceTree(SourceTree&&) noexcept;
  SourceTree& operator=(SourceTree&&) noexcept;
  ~SourceTree();

  Language language() const;
  const std::string& text() const;

  bool has_errors() const;
  // Errors in document order; at most max_errors of them (a file of garbage can
  // otherwise produce one per token).
  std::vector<SyntaxError> syntax_errors(std::size_t max_errors = 100) const;

  // Edits the text and re-parses incrementally, reusing the unchanged parts of the
  // old tree. Returns the ranges (in the new text) whose syntax changed. Errors:
  // kOutOfRange for offsets outside the text or past max_bytes, kInvalidArgument for
  // an edit that splits a UTF-8 character or inserts binary/invalid UTF-8 text. On
  // error the tree is unchanged. The re-parse has the same time budget as parse().
  Result<std::vector<SourceRange>> apply_edit(const TextEdit& edit);

  // tree-sitter's S-expression of the named nodes, e.g. "(module (expression_statement
  // ...))": handy for equality checks and debugging.
  std::string sexp() const;

  // Module-internal: the tree-sitter objects behind this tree (src/lang/tree_impl.h).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit SourceTree(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace codeloom::lang
