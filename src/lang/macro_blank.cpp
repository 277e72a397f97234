#include "macro_blank.h"

namespace codeloom::lang::detail {
namespace {

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

bool matches(std::string_view word, const std::vector<std::string>& patterns) {
  for (const std::string& p : patterns) {
    if (!p.empty() && p.back() == '*') {
      if (word.starts_with(std::string_view(p).substr(0, p.size() - 1))) return true;
    } else if (word == p) {
      return true;
    }
  }
  return false;
}

void blank(std::string& out, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i)
    if (out[i] != '\n') out[i] = ' ';
}

// Skips a comment or literal starting at i; returns the index after it, or i.
std::size_t skip_non_code(std::string_view t, std::size_t i) {
  if (t.compare(i, 2, "//") == 0) {
    std::size_t e = t.find('\n', i);
    return e == std::string_view::npos ? t.size() : e;
  }
  if (t.compare(i, 2, "/*") == 0) {
    std::size_t e = t.find("*/", i + 2);
    return e == std::string_view::npos ? t.size() : e + 2;
  }
  if (t[i] == '"' || t[i] == '\'') {
    const char q = t[i];
    std::size_t j = i + 1;
    while (j < t.size() && t[j] != q && t[j] != '\n') j += t[j] == '\\' ? 2 : 1;
    return std::min(j + 1, t.size());
  }
  return i;
}

char prev_significant(std::string_view t, std::size_t i, std::string_view* word) {
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\n' || t[i - 1] == '\r')) --i;
  if (i == 0) return 0;
  std::size_t b = i;
  while (b > 0 && ident_char(t[b - 1])) --b;
  *word = t.substr(b, i - b);
  return t[i - 1];
}

// Whether the "(...)" after a macro name goes too. In an expression
// (`x = _GLIBCXX_MOVE(y)`) only the name goes, leaving a parenthesized
// expression; in a declaration (`namespace std _GLIBCXX_VISIBILITY(default) {`,
// `f() _GLIBCXX_NOEXCEPT_IF(c);`) the arguments go as well. At a statement start
// the next character decides: a declaration continues with a word or '{'.
bool blank_arguments(std::string_view t, std::size_t name, std::size_t group_end) {
  std::string_view word;
  const char prev = prev_significant(t, name, &word);
  if ((prev != 0 && std::string_view("=(,[?!&|+-*/%^~").find(prev) != std::string_view::npos) ||
      word == "return")
    return false;
  if (prev == 0 || prev == ';' || prev == '{' || prev == '}') {
    std::size_t k = group_end;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r')) ++k;
    return k < t.size() && (ident_start(t[k]) || t[k] == '{');
  }
  return true;
}

}  // namespace

std::string blank_macros(std::string_view text, const std::vector<std::string>& patterns) {
  std::string out(text);
  bool line_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') { line_start = true; ++i; continue; }
    if (c == ' ' || c == '\t' || c == '\r') { ++i; continue; }
    if (line_start && c == '#') {  // preprocessor line, with continuations
      while (i < text.size() && !(text[i] == '\n' && text[i - 1] != '\\')) ++i;
      continue;
    }
    line_start = false;
    if (std::size_t next = skip_non_code(text, i); next != i) { i = next; continue; }
    if (!ident_start(c) || (i > 0 && ident_char(text[i - 1]))) { ++i; continue; }
    std::size_t e = i;
    while (e < text.size() && ident_char(text[e])) ++e;
    if (!matches(text.substr(i, e - i), patterns)) { i = e; continue; }
    std::size_t after = e;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after < text.size() && text[after] == '(') {
      int depth = 0;
      std::size_t j = after;
      for (; j < text.size(); ++j) {
        if (text[j] == '(') ++depth;
        else if (text[j] == ')' && --depth == 0) break;
      }
      // unbalanced: blank the name only
      if (j < text.size() && blank_arguments(text, i, j + 1)) e = j + 1;
    }
    blank(out, i, e);
    i = e;
  }
  return out;
}

}  // namespace codeloom::lang::detail
