// Where does the syntactic block around the cursor end? Used by the decoder's
// `block` stopping scope: stop generating once the block containing the cursor
// (the end of the prompt prefix) has closed.
//
//   BlockTracker tracker(Language::kPython, prefix);     // O(len(prefix)), once
//   for (each generated piece) {
//     if (auto end = tracker.feed(piece)) { truncate generated text at *end; break; }
//   }
//   // or, one-shot: block_end(Language::kCpp, prefix, generated)
//
// Rules (docs/lang.md):
//  - Python (indentation): if the prefix's last logical line ends with ':' the
//    block is the suite it opens and ends at the first later line indented no deeper
//    than that header; otherwise the block is the suite of the cursor's logical line
//    (indent I) and ends at the first line indented less than I. At top level
//    (I == 0) the block is the first statement generated: it ends at the next line
//    at column 0 (`else`/`elif`/`except`/`finally`/decorated defs continue it).
//    Blank lines, comment lines, lines inside brackets or triple-quoted strings and
//    backslash continuations never end a block. The offset returned is the start
//    of the dedented line (the line's indentation belongs to it), or of the first
//    of the comment lines (each itself dedented) that directly precede it, blank
//    lines between them allowed: such comments introduce what follows.
//  - C++/Java/JavaScript (braces, ignoring braces in strings, chars, comments, raw
//    strings, text blocks, template literals and JS regexes): the block is the
//    innermost { } open at the cursor; the end is just after its closing '}'.
//    Outside any block, the end is the end of the first complete top-level
//    statement: after its ';', or after a '}' closing a body (class/struct/enum/
//    union bodies and `= {...}` initializers in C++/Java still need their ';'),
//    after a preprocessor line (C++), or, in JavaScript, where a newline ends a
//    statement that is complete (automatic semicolon insertion, simplified).
// Offsets are bytes within the generated text (never inside the prefix; a line
// that began in the prefix gives 0).
//
// Thread-safety: a BlockTracker is a value (copy it to fork beams); not safe for
// concurrent use of one object.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "codeloom/lang/language.h"

namespace codeloom::lang {

class BlockTracker {
 public:
  BlockTracker(Language language, std::string_view prefix);
  BlockTracker(const BlockTracker& other);
  BlockTracker& operator=(const BlockTracker& other);
  BlockTracker(BlockTracker&&) noexcept;
  BlockTracker& operator=(BlockTracker&&) noexcept;
  ~BlockTracker();

  // Appends generated text; O(len(piece)). Returns the end offset (within all text
  // fed so far) once the block has closed, then the same value on every later call.
  std::optional<std::size_t> feed(std::string_view piece);

  std::optional<std::size_t> end() const;  // the current answer, without feeding
  // While the block is open: the offset from which a later feed() may still cut
  // (the start of trailing comment lines that may belong after the block), or
  // nullopt when no text fed so far can be cut away except by a later line.
  std::optional<std::size_t> held_from() const;
  std::size_t generated_size() const;      // bytes fed so far

  // Module-internal state machine interface (src/lang/block_internal.h).
  class Scanner;

 private:
  std::unique_ptr<Scanner> scanner_;
};

// One-shot convenience: BlockTracker(language, prefix).feed(generated).
std::optional<std::size_t> block_end(Language language, std::string_view prefix,
                                     std::string_view generated);

}  // namespace codeloom::lang
