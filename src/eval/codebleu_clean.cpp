// Emulation of codebleu's comment/docstring removal; see codebleu_clean.h.
// Columns are counted in code points, as Python's tokenize does.
#include "codebleu_clean.h"

#include <string>
#include <vector>

#include "py_text.h"

namespace codeloom::eval::detail {
namespace {

enum class Tok { kComment, kString, kNewline, kNl, kIndent, kDedent, kOther };

bool is_word(char32_t c) {
  return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c >= 0x80;  // \w and str.isidentifier() accept most non-ASCII letters
}

bool valid_prefix(const std::u32string& p) {
  std::u32string l;
  for (char32_t c : p) l.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return l.empty() || l == U"r" || l == U"u" || l == U"f" || l == U"b" || l == U"br" ||
         l == U"rb" || l == U"fr" || l == U"rf";
}

class PyTokenizer {
 public:
  explicit PyTokenizer(std::string_view source) {
    // StringIO.readline(): lines split after '\n' only, terminator kept.
    std::u32string all = decode_utf8(source);
    std::size_t start = 0;
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i] == '\n') { lines_.push_back(all.substr(start, i + 1 - start)); start = i + 1; }
    if (start < all.size()) lines_.push_back(all.substr(start));
  }

  std::optional<std::string> run();

 private:
  // Re-emission state, mirroring the loop in remove_comments_and_docstrings.
  void emit(Tok type, const std::u32string& text, std::size_t sl, std::size_t sc, std::size_t el,
            std::size_t ec) {
    if (static_cast<long>(sl) > last_lineno_) last_col_ = 0;
    if (sc > last_col_) out_.append(sc - last_col_, U' ');
    if (type == Tok::kComment) {
    } else if (type == Tok::kString) {
      if (prev_ != Tok::kIndent && prev_ != Tok::kNewline && sc > 0) out_ += text;
    } else {
      out_ += text;
    }
    prev_ = type;
    last_col_ = ec;
    last_lineno_ = static_cast<long>(el);
  }
  // Scans one line from pos; false on a tokenize error.
  bool scan_tokens(const std::u32string& line, std::size_t lnum, std::size_t pos);
  // End of a string body starting at i (after the opening quotes); npos if none on this text.
  static std::size_t find_triple_end(const std::u32string& s, std::size_t i, char32_t q);

  std::vector<std::u32string> lines_;
  std::u32string out_;
  Tok prev_ = Tok::kIndent;
  std::size_t last_col_ = 0;
  long last_lineno_ = -1;
  long parenlev_ = 0;
  bool continued_ = false;
  // Multi-line string in progress.
  bool in_str_ = false, needcont_ = false;
  char32_t str_quote_ = 0;
  bool str_triple_ = false;
  std::u32string contstr_;
  std::size_t str_line_ = 0, str_col_ = 0;
};

std::size_t PyTokenizer::find_triple_end(const std::u32string& s, std::size_t i, char32_t q) {
  while (i < s.size()) {
    if (s[i] == '\\') { i += 2; continue; }
    if (s[i] == q && i + 2 < s.size() && s[i + 1] == q && s[i + 2] == q) return i + 3;
    ++i;
  }
  return std::u32string::npos;
}

bool PyTokenizer::scan_tokens(const std::u32string& line, std::size_t lnum, std::size_t pos) {
  const std::size_t max = line.size();
  while (pos < max) {
    std::size_t start = pos;
    while (start < max && (line[start] == ' ' || line[start] == '\t' || line[start] == '\f')) ++start;
    if (start == max) return true;  // \Z: trailing whitespace at EOF
    char32_t c = line[start];
    auto error_token = [&]() {  // pseudomatch failed: line[pos] is an ERRORTOKEN
      emit(Tok::kOther, line.substr(pos, 1), lnum, pos, lnum, pos + 1);
      ++pos;
    };
    if (c == '#') {
      std::size_t end = start;
      while (end < max && line[end] != '\r' && line[end] != '\n') ++end;
      emit(Tok::kComment, line.substr(start, end - start), lnum, start, lnum, end);
      pos = end;
    } else if (c == '\\') {
      if (start + 1 < max && (line[start + 1] == '\n' || (line[start + 1] == '\r' && start + 2 < max && line[start + 2] == '\n'))) {
        continued_ = true;
        pos = max;
      } else {
        error_token();
      }
    } else if (c == '\r' || c == '\n') {
      std::size_t end = c == '\r' ? (start + 1 < max && line[start + 1] == '\n' ? start + 2 : start + 1) : start + 1;
      if (c == '\r' && end == start + 1) { error_token(); continue; }
      emit(parenlev_ > 0 ? Tok::kNl : Tok::kNewline, line.substr(start, end - start), lnum, start, lnum, end);
      pos = end;
    } else {
      // A string: optional prefix of letters directly followed by a quote.
      std::size_t q = start;
      while (q < max && q - start < 2 && ((line[q] >= 'a' && line[q] <= 'z') || (line[q] >= 'A' && line[q] <= 'Z'))) ++q;
      bool is_string = false;
      for (std::size_t qq : {start, q}) {
        if (qq < max && (line[qq] == '\'' || line[qq] == '"') && valid_prefix(line.substr(start, qq - start))) {
          q = qq;
          is_string = true;
          break;
        }
      }
      if (is_string) {
        char32_t quote = line[q];
        bool triple = q + 2 < max && line[q + 1] == quote && line[q + 2] == quote;
        if (triple) {
          std::size_t end = find_triple_end(line, q + 3, quote);
          if (end != std::u32string::npos) {
            emit(Tok::kString, line.substr(start, end - start), lnum, start, lnum, end);
            pos = end;
          } else {
            in_str_ = true; needcont_ = false; str_quote_ = quote; str_triple_ = true;
            contstr_ = line.substr(start); str_line_ = lnum; str_col_ = start;
            return true;
          }
        } else {
          std::size_t i = q + 1;
          bool closed = false, cont = false;
          while (i < max) {
            if (line[i] == quote) { closed = true; ++i; break; }
            if (line[i] == '\n') break;
            if (line[i] == '\\') {
              if (i + 1 < max && line[i + 1] == '\n') { cont = true; break; }
              if (i + 2 < max && line[i + 1] == '\r' && line[i + 2] == '\n') { cont = true; break; }
              if (i + 1 >= max) break;
              i += 2;
              continue;
            }
            ++i;
          }
          if (closed) {
            emit(Tok::kString, line.substr(start, i - start), lnum, start, lnum, i);
            pos = i;
          } else if (cont) {
            in_str_ = true; needcont_ = true; str_quote_ = quote; str_triple_ = false;
            contstr_ = line.substr(start); str_line_ = lnum; str_col_ = start;
            return true;
          } else {
            error_token();
          }
        }
      } else if (is_word(c)) {
        std::size_t end = start;
        while (end < max && is_word(line[end])) ++end;
        emit(Tok::kOther, line.substr(start, end - start), lnum, start, lnum, end);
        pos = end;
      } else if (c == '$' || c == '?' || c == '`' || (c == '!' && !(start + 1 < max && line[start + 1] == '='))) {
        error_token();
      } else {
        // Operators and brackets: only bracket depth matters for re-emission.
        if (c == '(' || c == '[' || c == '{') ++parenlev_;
        if (c == ')' || c == ']' || c == '}') --parenlev_;
        emit(Tok::kOther, line.substr(start, 1), lnum, start, lnum, start + 1);
        pos = start + 1;
      }
    }
  }
  return true;
}

std::optional<std::string> PyTokenizer::run() {
  std::vector<std::size_t> indents{0};
  std::size_t lnum = 0;
  for (std::size_t li = 0;; ++li) {
    const bool eof = li >= lines_.size();
    static const std::u32string kEmpty;
    const std::u32string& line = eof ? kEmpty : lines_[li];
    ++lnum;
    std::size_t pos = 0;
    const std::size_t max = line.size();
    if (in_str_) {
      if (eof) return std::nullopt;  // EOF in multi-line string
      std::size_t end = std::u32string::npos;
      if (str_triple_) {
        end = find_triple_end(line, 0, str_quote_);
      } else {
        std::size_t i = 0;
        while (i < max) {
          if (line[i] == str_quote_) { end = i + 1; break; }
          if (line[i] == '\\') { i += 2; continue; }
          ++i;
        }
      }
      if (end != std::u32string::npos) {
        emit(Tok::kString, contstr_ + line.substr(0, end), str_line_, str_col_, lnum, end);
        in_str_ = false;
        pos = end;
      } else if (needcont_ && !(max >= 2 && line.substr(max - 2) == U"\\\n")) {
        emit(Tok::kOther, contstr_ + line, str_line_, str_col_, lnum, max);
        in_str_ = false;
        continue;
      } else {
        contstr_ += line;
        continue;
      }
    } else if (parenlev_ == 0 && !continued_) {
      if (eof) break;
      std::size_t column = 0;
      while (pos < max) {
        if (line[pos] == ' ') ++column;
        else if (line[pos] == '\t') column = (column / 8 + 1) * 8;
        else if (line[pos] == '\f') column = 0;
        else break;
        ++pos;
      }
      if (pos == max) break;
      if (line[pos] == '#' || line[pos] == '\r' || line[pos] == '\n') {
        if (line[pos] == '#') {
          std::size_t end = pos;
          while (end < max && line[end] != '\r' && line[end] != '\n') ++end;
          emit(Tok::kComment, line.substr(pos, end - pos), lnum, pos, lnum, end);
          pos = end;
        }
        emit(Tok::kNl, line.substr(pos), lnum, pos, lnum, max);
        continue;
      }
      if (column > indents.back()) {
        indents.push_back(column);
        emit(Tok::kIndent, line.substr(0, pos), lnum, 0, lnum, pos);
      }
      while (column < indents.back()) {
        bool known = false;
        for (std::size_t v : indents) known = known || v == column;
        if (!known) return std::nullopt;  // IndentationError
        indents.pop_back();
        emit(Tok::kDedent, U"", lnum, pos, lnum, pos);
      }
    } else {
      if (eof) return std::nullopt;  // EOF in multi-line statement
      continued_ = false;
    }
    if (!scan_tokens(line, lnum, pos)) return std::nullopt;
  }
  // A last line without '\n' gets an empty NEWLINE token after it.
  if (!lines_.empty() && lines_.back().back() != '\n' && lines_.back().back() != '\r' &&
      py_strip(encode_utf8(lines_.back())).substr(0, 1) != "#") {
    std::size_t n = lines_.size(), len = lines_.back().size();
    emit(Tok::kNewline, U"", n, len, n, len + 1);
  }
  return encode_utf8(out_);
}

}  // namespace

std::optional<std::string> strip_python_tokenize(std::string_view source) {
  return PyTokenizer(source).run();
}

std::string strip_c_like_regex(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      std::size_t end = s.find('\n', i);  // `.*?$` with MULTILINE stops before '\n'
      out.push_back(' ');
      i = end == std::string_view::npos ? s.size() : end;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      std::size_t end = s.find("*/", i + 2);
      if (end != std::string_view::npos) {
        out.push_back(' ');
        i = end + 2;
        continue;
      }
    }
    if (c == '\'' || c == '"') {
      // `q(?:\\.|[^\\q])*q` (DOTALL): escapes skip any byte; no closing quote -> no match.
      std::size_t j = i + 1;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '\\') {
          if (j + 1 >= s.size()) break;
          j += 2;
          continue;
        }
        if (s[j] == c) { closed = true; ++j; break; }
        ++j;
      }
      if (closed) {
        out.append(s.substr(i, j - i));
        i = j;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::string drop_blank_lines(std::string_view text) {
  std::string out;
  bool first = true;
  for (std::string_view line : split_lines_lf(text)) {
    if (py_strip(line).empty()) continue;
    if (!first) out.push_back('\n');
    out.append(line);
    first = false;
  }
  return out;
}

std::string remove_comments_compat(std::string_view source, lang::Language language) {
  if (language == lang::Language::kPython) {
    auto stripped = strip_python_tokenize(source);
    return stripped ? drop_blank_lines(*stripped) : std::string(source);
  }
  return drop_blank_lines(strip_c_like_regex(source));
}

}  // namespace codeloom::eval::detail
