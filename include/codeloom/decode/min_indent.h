// llama.cpp server's `n_indent` rule as a scope: a completion ends at the
// first line (after the one the cursor is on) that has text but fewer than
// `n_indent` leading spaces/tabs. The cut falls after that line's
// indentation, so the text keeps its newline and indentation and loses the
// line's content — exactly what llama.cpp's server returns
// (tools/server/server-context.cpp, "stopped by indentation limit"). A line
// holding only a newline counts as having text (an empty line ends the
// completion too, as in llama.cpp).
//
//   auto t = decode::with_min_indent(std::move(scope_tracker), 4);
//   t->feed("x = 1\n    y = 2\nz = 3");   // -> cut at 16: "x = 1\n    y = 2\n"
//
// Per-candidate values; not thread-safe.
#pragma once

#include <memory>

#include "codeloom/decode/scope.h"

namespace codeloom::decode {

// Wraps `inner` (any scope; may be null = full): the earlier of the two cuts
// wins. n_indent <= 0 returns `inner` unchanged.
std::unique_ptr<ScopeTracker> with_min_indent(std::unique_ptr<ScopeTracker> inner, int n_indent);

}  // namespace codeloom::decode
