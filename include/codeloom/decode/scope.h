// Completion scopes: how much code one completion may produce.
//   kLine:  up to the end of the current line — the first '\n' generated after
//           some non-whitespace text (leading newlines/indentation before any
//           text are kept, so a cursor at the end of "def f():" yields
//           "\n    return 1"); a '\r' before that '\n' is dropped too.
//   kBlock: until the syntactic block containing the cursor closes
//           (lang::BlockTracker over the prompt's prefix; see block_scope.h).
//   kFull:  until end of generation, a stop string or max_tokens.
//
//   auto tracker = make_scope_tracker(Scope::kBlock, {Language::kCpp, prefix});
//   if (auto cut = (*tracker)->feed(piece)) { text.resize(*cut); stop(); }
//
// Trackers are per-candidate values; not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "codeloom/common/status.h"
#include "codeloom/lang/language.h"

namespace codeloom::decode {

enum class Scope { kLine, kBlock, kFull };

// "line" | "block" | "full" (case-sensitive); kInvalidArgument otherwise.
Result<Scope> parse_scope(std::string_view name);
const char* scope_name(Scope scope);

struct ScopeContext {
  std::optional<lang::Language> language;  // required for kBlock
  std::string prefix;                      // code before the cursor (kBlock)
};

class ScopeTracker {
 public:
  virtual ~ScopeTracker() = default;
  // Appends generated text (whole UTF-8 characters). Returns the byte offset
  // (within all text fed so far) at which to cut, once the scope has ended.
  virtual std::optional<std::size_t> feed(std::string_view piece) = 0;
  // Bytes of the text fed so far that no later feed() can cut away.
  virtual std::size_t stable_size() const = 0;
};

// kInvalidArgument when kBlock has no language. kFull gives a tracker that never ends.
Result<std::unique_ptr<ScopeTracker>> make_scope_tracker(Scope scope, const ScopeContext& context);

}  // namespace codeloom::decode
