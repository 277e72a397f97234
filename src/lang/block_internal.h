// Module-internal: the per-language state machines behind BlockTracker. A scanner
// consumes the prefix and then the generated text one byte at a time, carrying
// all lexical state (strings, comments, brackets) across feed() calls.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>

#include "codeloom/lang/block_scope.h"

namespace codeloom::lang {

class BlockTracker::Scanner {
 public:
  virtual ~Scanner() = default;
  virtual std::unique_ptr<Scanner> clone() const = 0;
  // Consumes byte `c` at absolute offset `pos` (prefix bytes come first).
  virtual void step(char c, std::size_t pos) = 0;
  // Called once, after the whole prefix: decide which block the cursor is in.
  virtual void start_generation() = 0;

  std::size_t prefix_size = 0;
  std::size_t total = 0;                // bytes consumed (prefix + generated)
  bool generating = false;
  std::optional<std::size_t> end_abs;   // absolute end offset once found
  // Absolute offset from which the end may still land (a run of trailing
  // comment lines that the next line may cut away); unset when none.
  std::optional<std::size_t> hold_abs;

 protected:
  // Records the end (never inside the prefix); only the first end counts.
  void finish(std::size_t abs) {
    if (generating && !end_abs) end_abs = std::max(abs, prefix_size);
  }
};

std::unique_ptr<BlockTracker::Scanner> make_python_scanner();
std::unique_ptr<BlockTracker::Scanner> make_brace_scanner(Language language);

}  // namespace codeloom::lang
