// Block ends for brace languages (C++, Java, JavaScript). A byte-level lexer
// skips braces inside strings, chars, comments, C++ raw strings and preprocessor
// lines, Java text blocks, and JS template literals and regexes; on top of it a
// small statement tracker finds the end of a top-level statement.
#include <string>
#include <vector>

#include "block_internal.h"

namespace codeloom::lang {
namespace {

bool ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || static_cast<unsigned char>(c) >= 0x80;
}
bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool one_of(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }
bool one_of(std::initializer_list<std::string_view> words, std::string_view w) {
  for (std::string_view x : words) if (x == w) return true;
  return false;
}

class BraceScanner final : public BlockTracker::Scanner {
 public:
  explicit BraceScanner(Language language) : lang_(language) {}
  std::unique_ptr<Scanner> clone() const override { return std::make_unique<BraceScanner>(*this); }

  void start_generation() override { target_ = braces_.size(); }

  void step(char c, std::size_t pos) override {
    switch (mode_) {
      case Mode::kCode: return code(c, pos);
      case Mode::kLineComment:
        if (c == '\n') { mode_ = Mode::kCode; code(c, pos); }
        return;
      case Mode::kBlockComment:
        if (star_ && c == '/') mode_ = Mode::kCode;
        star_ = c == '*';
        return;
      case Mode::kString: return quoted(c, pos);
      case Mode::kJavaQuotes: return java_quotes(c, pos);
      case Mode::kTextBlock: return text_block(c);
      case Mode::kTemplate: return template_literal(c);
      case Mode::kRegex: return regex(c, pos);
      case Mode::kRawDelim: return raw_delim(c, pos);
      case Mode::kRaw: return raw(c);
      case Mode::kPreproc: return preproc(c, pos);
    }
  }

 private:
  enum class Mode { kCode, kLineComment, kBlockComment, kString, kJavaQuotes, kTextBlock,
                    kTemplate, kRegex, kRawDelim, kRaw, kPreproc };
  enum class Brace : char { kBlock, kTemplateSubst };

  // ---- lexer -------------------------------------------------------------
  void code(char c, std::size_t pos) {
    if (slash_pending_) {
      slash_pending_ = false;
      if (c == '/') { mode_ = Mode::kLineComment; return; }
      if (c == '*') { mode_ = Mode::kBlockComment; star_ = false; return; }
      if (slash_regex_) { significant('/', slash_pos_); mode_ = Mode::kRegex; return regex(c, pos); }
      significant('/', slash_pos_);
    }
    if (c == '\n') { at_line_start_ = true; newline(pos); return; }
    if (space(c)) { end_word(); return; }
    const bool line_start = at_line_start_;
    at_line_start_ = false;
    if (c == '/') {
      end_word();
      slash_pending_ = true;
      slash_pos_ = pos;
      slash_regex_ = lang_ == Language::kJavaScript && regex_allowed();
      return;
    }
    if (c == '#' && lang_ == Language::kCpp && line_start) {
      end_word();
      preproc_starts_statement_ = top_level() && !stmt_.started;
      mode_ = Mode::kPreproc;
      return;
    }
    if (c == '"' || c == '\'' || c == '`') return open_quote(c, pos);
    significant(c, pos);
  }

  void open_quote(char c, std::size_t pos) {
    const std::string prefix = word_;
    const bool digit_separator = c == '\'' && lang_ == Language::kCpp && !word_.empty() &&
                                 word_[0] >= '0' && word_[0] <= '9';
    if (digit_separator) { word_ += c; return; }  // 1'000'000
    significant(c, pos);
    end_word();
    escape_ = false;
    if (c == '`' && lang_ == Language::kJavaScript) { mode_ = Mode::kTemplate; return; }
    if (c == '"' && lang_ == Language::kJava) { mode_ = Mode::kJavaQuotes; quote_count_ = 1; return; }
    if (c == '"' && lang_ == Language::kCpp &&
        one_of({"R", "LR", "uR", "UR", "u8R"}, std::string_view(prefix))) {
      mode_ = Mode::kRawDelim;
      delim_.clear();
      return;
    }
    quote_ = c;
    mode_ = Mode::kString;
  }

  void quoted(char c, std::size_t pos) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; return; }
    if (c == quote_) { mode_ = Mode::kCode; last_sig_ = c; return; }
    if (c == '\n') { mode_ = Mode::kCode; code(c, pos); }  // unterminated: recover at the line end
  }

  // Java: "" is empty, """ opens a text block.
  void java_quotes(char c, std::size_t pos) {
    if (c == '"' && ++quote_count_ == 3) { mode_ = Mode::kTextBlock; quote_count_ = 0; return; }
    if (c == '"') return;
    if (quote_count_ == 2) { mode_ = Mode::kCode; return code(c, pos); }
    quote_ = '"';
    mode_ = Mode::kString;
    quoted(c, pos);
  }

  void text_block(char c) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; quote_count_ = 0; return; }
    quote_count_ = c == '"' ? quote_count_ + 1 : 0;
    if (quote_count_ == 3) { mode_ = Mode::kCode; last_sig_ = '"'; }
  }

  void template_literal(char c) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; dollar_ = false; return; }
    if (c == '`') { mode_ = Mode::kCode; last_sig_ = '`'; return; }
    if (dollar_ && c == '{') { braces_.push_back(Brace::kTemplateSubst); mode_ = Mode::kCode; }
    dollar_ = c == '$';
  }

  void regex(char c, std::size_t pos) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; return; }
    if (c == '\n') { mode_ = Mode::kCode; in_class_ = false; return code(c, pos); }
    if (in_class_) { in_class_ = c != ']'; return; }
    if (c == '[') { in_class_ = true; return; }
    if (c == '/') { mode_ = Mode::kCode; last_sig_ = '/'; last_word_.clear(); }
  }

  // C++ R"delim( ... )delim"
  void raw_delim(char c, std::size_t pos) {
    if (c == '(') { mode_ = Mode::kRaw; tail_.clear(); return; }
    if (delim_.size() >= 16 || space(c) || c == ')' || c == '\\' || c == '"') {
      quote_ = '"';  // not a valid raw string; lex it as an ordinary one
      mode_ = Mode::kString;
      return quoted(c, pos);
    }
    delim_ += c;
  }

  void raw(char c) {
    tail_ += c;
    const std::string closing = ")" + delim_ + "\"";
    if (tail_.size() > closing.size()) tail_.erase(0, tail_.size() - closing.size());
    if (tail_ == closing) { mode_ = Mode::kCode; last_sig_ = '"'; }
  }

  void preproc(char c, std::size_t pos) {
    if (escape_) { escape_ = false; return; }
    if (c == '\\') { escape_ = true; return; }
    if (c != '\n') return;
    mode_ = Mode::kCode;
    if (preproc_starts_statement_) statement_end(pos);
    at_line_start_ = true;
  }

  // ---- significant characters and statements ----------------------------
  void significant(char c, std::size_t pos) {
    stmt_.started = true;
    if (ident_char(c)) {
      if (word_.empty()) {
        word_start_top_ = top_level();
        word_after_dot_ = last_sig_ == '.';  // obj.catch(...) is a call, not a clause
        if (after_close_) end_pending(after_close_);  // `x = {...} foo`: a new statement
        else if (asi_end_) asi_word_pending_ = true;  // decided when the word is complete
        stmt_.started = true;
      }
      word_ += c;
      last_sig_ = c;
      last_sig_pos_ = pos;
      last_close_ctrl_ = false;
      return;
    }
    end_word();
    if (resolve_pending(c, pos)) return;
    if (eq_pending_) {
      eq_pending_ = false;
      if (c != '=' && c != '>' && top_level()) stmt_.assigned = true;
    }
    const bool top = top_level();
    const bool closed_ctrl = c == ')' && parens_ == ctrl_paren_ && ctrl_paren_ > 0;
    switch (c) {
      case '{': braces_.push_back(Brace::kBlock); break;
      case '}': close_brace(pos); break;
      case '(': case '[':
        if (top && c == '(' && !word_after_dot_ &&
            one_of({"if", "for", "while", "with", "switch", "catch"}, last_word_))
          ctrl_paren_ = parens_ + 1;
        ++parens_;
        break;
      case ')': case ']':
        if (closed_ctrl) ctrl_paren_ = 0;
        if (parens_ > 0) --parens_;
        break;
      case ';': if (top) statement_end(pos + 1); break;
      case '=':
        if (top && !one_of("=!<>+-*/%&|^", last_sig_) && angles_ == 0) eq_pending_ = true;
        break;
      case '<': if (top && stmt_.first_word == "template") ++angles_; break;
      case '>': if (top && angles_ > 0) --angles_; break;
      default: break;
    }
    last_close_ctrl_ = closed_ctrl;
    last_sig_ = c;
    last_sig_pos_ = pos;
    last_word_.clear();
  }

  void end_word() {
    if (word_.empty()) return;
    last_word_ = word_;
    if (word_start_top_ && parens_ == 0) {
      if (stmt_.first_word.empty()) stmt_.first_word = word_;
      if (lang_ == Language::kCpp && angles_ == 0 &&
          one_of({"class", "struct", "union", "enum"}, word_))
        stmt_.class_like = true;
    }
    if (asi_word_pending_) {
      asi_word_pending_ = false;
      const std::size_t end = asi_end_;
      asi_end_ = 0;
      // `if (x) a()\nelse b()` and `try {} \n catch` continue the statement.
      if (!one_of({"else", "catch", "finally", "while", "instanceof", "in", "of"}, word_))
        end_pending(end);
    }
    word_.clear();
  }

  bool top_level() const { return braces_.empty() && parens_ == 0; }

  void close_brace(std::size_t pos) {
    if (braces_.empty()) return;  // unbalanced '}' in a fragment: ignore
    const Brace kind = braces_.back();
    braces_.pop_back();
    if (kind == Brace::kTemplateSubst) { mode_ = Mode::kTemplate; return; }
    if (target_ > 0) {
      if (braces_.size() < target_) finish(pos + 1);
      return;
    }
    if (!braces_.empty() || parens_ > 0) return;
    // A top-level body closed. `if {} else {}`, `try {} catch {}`, `do {} while`
    // may go on: the next word decides (see end_word).
    if (one_of({"if", "try", "do"}, stmt_.first_word)) { asi_end_ = pos + 1; return; }
    // C++ class bodies and `= {...}` still need ';'.
    if (!stmt_.class_like && !stmt_.assigned) return statement_end(pos + 1);
    if (lang_ == Language::kJavaScript) after_close_ = pos + 1;  // ';' is optional in JS
  }

  // JS only: a pending end (after `x = {...}` or at a line break) is confirmed or
  // cancelled by the next significant character. True when `c` was the ';' that
  // ended the statement.
  bool resolve_pending(char c, std::size_t pos) {
    const std::size_t end = after_close_ ? after_close_ : asi_end_;
    if (end == 0) return false;
    after_close_ = asi_end_ = 0;
    if (c == ';') { statement_end(pos + 1); return true; }
    if (one_of(".([,?:+-*/%<>=&|^!`{", c)) return false;  // the statement goes on
    statement_end(end);
    stmt_.started = true;  // `c` starts the next statement
    return false;
  }

  void end_pending(std::size_t end) {
    after_close_ = asi_end_ = 0;
    statement_end(end);
    stmt_.started = true;
  }

  // JS automatic semicolon insertion, simplified: a line break after a token that
  // can end a statement is a candidate end.
  void newline(std::size_t) {
    end_word();
    if (lang_ != Language::kJavaScript || !top_level() || !stmt_.started || after_close_) return;
    const bool ender = ident_char(last_sig_) || one_of(")]}\"'`", last_sig_);
    if (!ender || (last_sig_ == ')' && last_close_ctrl_)) return;
    if (one_of({"else", "do", "try", "finally", "typeof", "new", "delete", "void", "in", "of",
                "instanceof", "extends", "async", "await", "yield", "case", "default",
                "function", "class", "const", "let", "var", "import", "export"},
               last_word_))
      return;
    asi_end_ = last_sig_pos_ + 1;
  }

  void statement_end(std::size_t end) {
    // Ends at or before the cursor close statements of the prefix (e.g. a line
    // break after `let a = 1`): the block is the first statement ending later.
    if (target_ == 0 && end > prefix_size) finish(end);
    stmt_ = Statement{};
    eq_pending_ = false;
    angles_ = 0;
  }

  bool regex_allowed() const {
    if (last_sig_ == 0) return true;
    if (ident_char(last_sig_))
      return one_of({"return", "typeof", "case", "in", "of", "new", "delete", "void", "throw",
                     "yield", "await", "instanceof", "else", "do"}, last_word_);
    return one_of("(,=:[!&|?{};+-*%<>~^", last_sig_);
  }

  struct Statement {
    bool started = false;
    bool assigned = false;    // saw a top-level '='
    bool class_like = false;  // C++ class/struct/union/enum
    std::string first_word;
  };

  Language lang_;
  Mode mode_ = Mode::kCode;
  std::vector<Brace> braces_;
  std::size_t target_ = 0;  // braces open at the cursor; 0 = top level
  std::size_t parens_ = 0;
  std::size_t ctrl_paren_ = 0;
  bool last_close_ctrl_ = false;
  int angles_ = 0;
  Statement stmt_;
  std::string word_, last_word_, delim_, tail_;
  bool word_start_top_ = false, word_after_dot_ = false;
  char last_sig_ = 0;
  std::size_t last_sig_pos_ = 0;
  char quote_ = 0;
  int quote_count_ = 0;
  bool escape_ = false, star_ = false, dollar_ = false, in_class_ = false;
  bool slash_pending_ = false, slash_regex_ = false;
  std::size_t slash_pos_ = 0;
  bool at_line_start_ = true, preproc_starts_statement_ = false;
  bool eq_pending_ = false;
  std::size_t after_close_ = 0, asi_end_ = 0;
  bool asi_word_pending_ = false;
};

}  // namespace

std::unique_ptr<BlockTracker::Scanner> make_brace_scanner(Language language) {
  return std::make_unique<BraceScanner>(language);
}

}  // namespace codeloom::lang
