// Turning sampled token pieces into text that is safe to show while it is
// still being generated:
//  - Utf8Assembler: bytes in, whole UTF-8 characters out (a character split
//    across tokens is held until complete; invalid bytes become U+FFFD).
//  - StopScanner: finds stop strings that may span token boundaries and says
//    how much text is final (cannot still turn into the start of a stop string).
//
//   Utf8Assembler utf8;  StopScanner stop({"\n\n", "```"});
//   bool hit = stop.append(utf8.feed(piece));   // text() is cut before the stop string
//   show(stop.text().substr(shown, stop.stable_size() - shown));
//
// Value types; not thread-safe (one per candidate).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace codeloom::decode {

class Utf8Assembler {
 public:
  // Appends bytes; returns the complete characters now available.
  std::string feed(std::string_view bytes);
  // Bytes held back: the start of a character not yet complete.
  const std::string& pending() const { return pending_; }

 private:
  std::string pending_;
};

class StopScanner {
 public:
  explicit StopScanner(std::vector<std::string> stops);  // empty strings are ignored

  // Appends text; true when a stop string has now appeared. text() then ends
  // right before the earliest stop string, and further appends are ignored.
  bool append(std::string_view text);
  bool stopped() const { return stopped_; }
  const std::string& text() const { return text_; }
  // Length of the prefix of text() that is final: when not stopped, the text
  // minus its longest tail that is a proper prefix of a stop string.
  std::size_t stable_size() const;
  // Cuts text() to n bytes (a scope ended); n <= text().size().
  void truncate(std::size_t n) { text_.resize(n); }

 private:
  std::vector<std::string> stops_;
  std::string text_;
  std::size_t max_stop_ = 0;
  bool stopped_ = false;
};

}  // namespace codeloom::decode
