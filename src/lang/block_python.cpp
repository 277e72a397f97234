// Python block ends by indentation. The scanner tracks strings (incl. triple-quoted),
// comments, bracket depth and backslash continuations, so only the first line of a
// logical line is checked against the block's indentation.
#include <string>

#include "block_internal.h"

namespace codeloom::lang {
namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

class PythonScanner final : public BlockTracker::Scanner {
 public:
  std::unique_ptr<Scanner> clone() const override { return std::make_unique<PythonScanner>(*this); }

  void step(char c, std::size_t pos) override {
    switch (mode_) {
      case Mode::kQuotes: return quotes(c, pos);
      case Mode::kString: return string(c, pos);
      case Mode::kComment:
        if (c == '\n') { mode_ = Mode::kCode; code(c, pos); }
        return;
      case Mode::kCode: return code(c, pos);
    }
  }

  void start_generation() override {
    Line cursor = line_.content ? Line{line_.indent, ends_with_colon(), true} : last_;
    if (cursor.colon) {
      rule_ = Rule::kHeader;
      threshold_ = cursor.indent;
    } else if (cursor.indent > 0) {
      rule_ = Rule::kSuite;
      threshold_ = cursor.indent;
    } else {
      rule_ = Rule::kTopLevel;
      seen_statement_ = line_.content;  // the cursor is inside a statement already
    }
  }

 private:
  enum class Mode { kCode, kComment, kString, kQuotes };
  enum class Rule { kHeader, kSuite, kTopLevel };
  struct Line {
    std::size_t indent = 0;
    bool colon = false;
    bool content = false;
  };
  struct Current {
    std::size_t indent = 0;
    std::size_t start = 0;  // absolute offset of the physical line start
    bool content = false;
    char last_sig = 0;      // last significant code character
    char first_char = 0;
    std::string first_word;
    bool word_done = false;
  };

  bool ends_with_colon() const { return line_.last_sig == ':' && depth_ == 0 && mode_ != Mode::kString; }

  void code(char c, std::size_t pos) {
    if (at_line_start_) {
      if (c == ' ') { ++line_.indent; return; }
      if (c == '\t') { line_.indent = (line_.indent / 8 + 1) * 8; return; }
      if (c == '\f') { line_.indent = 0; return; }
      if (c == '\r') return;
      if (c == '\n') { begin_line(pos + 1); return; }  // blank line
      at_line_start_ = false;
      if (c != '#') content_line_starts(c);
      else comment_line_starts();
    }
    if (line_.content && !line_.word_done) {
      if (ident_char(c)) line_.first_word += c;
      else { line_.word_done = true; decide_pending(); }
    }
    const bool continued = backslash_;
    backslash_ = false;
    switch (c) {
      case '#': mode_ = Mode::kComment; return;
      case '\\': backslash_ = true; return;
      case '\n':
        if (depth_ == 0 && !continued) end_logical_line(pos + 1);
        return;
      case '(': case '[': case '{': ++depth_; break;
      case ')': case ']': case '}': if (depth_ > 0) --depth_; break;
      case '"': case '\'':
        quote_ = c;
        quote_count_ = 1;
        mode_ = Mode::kQuotes;
        break;
      default: break;
    }
    if (c != ' ' && c != '\t' && c != '\r') line_.last_sig = c;
  }

  // After an opening quote: "" is an empty string, """ opens a triple-quoted one.
  void quotes(char c, std::size_t pos) {
    if (c == quote_ && quote_count_ < 3) {
      if (++quote_count_ == 3) { triple_ = true; closing_ = 0; mode_ = Mode::kString; }
      return;
    }
    if (quote_count_ == 2) { mode_ = Mode::kCode; return code(c, pos); }  // empty string
    triple_ = false;
    mode_ = Mode::kString;
    string(c, pos);
  }

  void string(char c, std::size_t pos) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; closing_ = 0; return; }
    if (c == quote_) {
      if (!triple_ || ++closing_ == 3) mode_ = Mode::kCode;
      return;
    }
    closing_ = 0;
    if (c == '\n' && !triple_) {  // unterminated single-line string: recover
      mode_ = Mode::kCode;
      code(c, pos);
    }
  }

  void begin_line(std::size_t start) {
    at_line_start_ = true;
    line_ = Current{};
    line_.start = start;
  }

  void end_logical_line(std::size_t next_start) {
    if (line_.content) {
      last_ = Line{line_.indent, line_.last_sig == ':', true};
      prev_decorator_ = line_.first_char == '@';
    }
    begin_line(next_start);
  }

  // Would a line at this indentation end the block (if it were code)?
  bool dedented(std::size_t indent) const {
    switch (rule_) {
      case Rule::kHeader: return indent <= threshold_;
      case Rule::kSuite: return indent < threshold_;
      case Rule::kTopLevel: return seen_statement_ && indent == 0;
    }
    return false;
  }

  // A comment line at the block's end belongs to what follows it (it usually
  // introduces the next definition): if code ending the block follows, with
  // only comment and blank lines between, the block ends before the first of
  // those comment lines.
  void comment_line_starts() {
    if (generating && !end_abs && !hold_abs && dedented(line_.indent)) hold_abs = line_.start;
  }

  void end_here() {
    finish(hold_abs.value_or(line_.start));
    hold_abs.reset();
  }

  void content_line_starts(char first) {
    line_.content = true;
    line_.first_char = first;
    if (!generating || end_abs) return;
    const std::size_t indent = line_.indent;
    switch (rule_) {
      case Rule::kHeader:
      case Rule::kSuite:
        if (dedented(indent)) end_here();
        else hold_abs.reset();
        break;
      case Rule::kTopLevel:
        if (!seen_statement_) { seen_statement_ = true; hold_abs.reset(); break; }
        if (indent == 0) pending_ = true;  // decided once the first word is known
        else hold_abs.reset();
        break;
    }
  }

  // Top level: a column-0 line ends the statement unless it continues it.
  void decide_pending() {
    if (!pending_) return;
    pending_ = false;
    const std::string& w = line_.first_word;
    if (w == "else" || w == "elif" || w == "except" || w == "finally" || prev_decorator_) {
      hold_abs.reset();
      return;
    }
    end_here();
  }

  Mode mode_ = Mode::kCode;
  bool at_line_start_ = true;
  bool backslash_ = false;
  bool escape_ = false;
  bool triple_ = false;
  char quote_ = 0;
  int quote_count_ = 0;
  int closing_ = 0;
  std::size_t depth_ = 0;
  Current line_;
  Line last_;
  bool prev_decorator_ = false;
  Rule rule_ = Rule::kTopLevel;
  std::size_t threshold_ = 0;
  bool seen_statement_ = false;
  bool pending_ = false;
};

}  // namespace

std::unique_ptr<BlockTracker::Scanner> make_python_scanner() {
  return std::make_unique<PythonScanner>();
}

}  // namespace codeloom::lang
