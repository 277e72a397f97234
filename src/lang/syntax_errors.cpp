// Syntax errors from ERROR nodes (skipped or unexpected input) and MISSING nodes
// (tokens error recovery had to invent).
#include <string>
#include <vector>

#include "codeloom/lang/source_tree.h"
#include "tree_impl.h"

namespace codeloom::lang {
namespace {

constexpr std::size_t kMaxShown = 24;  // bytes of offending text quoted in a message

// The first token of an ERROR node, cut at a newline and at kMaxShown bytes on a
// UTF-8 boundary, so messages stay one readable line.
std::string first_token(const std::string& text, TSNode error) {
  TSNode n = error;
  while (ts_node_child_count(n) > 0) n = ts_node_child(n, 0);
  std::string_view t = detail::node_text(text, n);
  if (t.empty()) t = detail::node_text(text, error);
  if (std::size_t nl = t.find_first_of("\r\n"); nl != std::string_view::npos) t = t.substr(0, nl);
  if (t.size() > kMaxShown) {
    std::size_t cut = kMaxShown;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    return std::string(t.substr(0, cut)) + "...";
  }
  return std::string(t);
}

// Looks inside an ERROR node for the usual culprits, so the message points at the
// cause rather than at the start of the statement error recovery gave up on:
// a lone quote (unterminated string; it also leaves brackets unclosed) or an
// unclosed bracket (the innermost).
bool explain(const std::string& text, TSNode error, SyntaxError* out) {
  constexpr std::size_t kMaxLeaves = 20000;
  std::vector<TSNode> open;
  TSNode quote{};
  // in_error[i]: is the i-th ancestor of the cursor's node (from `error` down) an
  // ERROR node. Kept by the walk because ts_node_parent() rescans from the root:
  // asking it per quote made a flat ERROR node of N strings O(N^2).
  std::vector<bool> in_error{true};
  TSTreeCursor c = ts_tree_cursor_new(error);
  std::size_t leaves = 0;
  bool done = !ts_tree_cursor_goto_first_child(&c);
  while (!done && leaves < kMaxLeaves) {
    TSNode n = ts_tree_cursor_current_node(&c);
    if (ts_node_child_count(n) == 0 || ts_node_is_error(n)) {
      ++leaves;
      std::string_view t = ts_node_type(n);
      if (!ts_node_is_named(n) && (t == "(" || t == "[" || t == "{")) {
        open.push_back(n);
      } else if (!ts_node_is_named(n) && (t == ")" || t == "]" || t == "}")) {
        const char want = t == ")" ? '(' : t == "]" ? '[' : '{';
        if (!open.empty() && ts_node_type(open.back())[0] == want) open.pop_back();
      } else if (ts_node_is_null(quote) &&
                 (t == "\"" || t == "'" || t == "`" || t == "string_start") &&
                 in_error.back()) {  // not part of a whole string
        quote = n;
      }
    }
    if (ts_node_child_count(n) > 0 && !ts_node_is_missing(n) &&
        ts_tree_cursor_goto_first_child(&c)) {
      in_error.push_back(ts_node_is_error(n));
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c) ||
          ts_node_eq(ts_tree_cursor_current_node(&c), error)) { done = true; break; }
      in_error.pop_back();
    }
  }
  ts_tree_cursor_delete(&c);
  (void)text;
  if (!ts_node_is_null(quote)) {
    *out = SyntaxError{detail::to_position(ts_node_start_point(quote)), ts_node_start_byte(quote),
                       "unterminated string"};
    return true;
  }
  if (!open.empty()) {
    TSNode b = open.back();
    *out = SyntaxError{detail::to_position(ts_node_start_point(b)), ts_node_start_byte(b),
                       std::string("unclosed `") + ts_node_type(b) + "`"};
    return true;
  }
  return false;
}

SyntaxError make(TSNode n, std::string message) {
  return SyntaxError{detail::to_position(ts_node_start_point(n)), ts_node_start_byte(n),
                     std::move(message)};
}

}  // namespace

std::vector<SyntaxError> SourceTree::syntax_errors(std::size_t max_errors) const {
  std::vector<SyntaxError> out;
  const std::string& text = impl_->text;
  TSNode root = impl_->root();
  if (!ts_node_has_error(root)) return out;

  // Iterative pre-order walk: deep trees must not exhaust the stack.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool done = false;
  while (!done && out.size() < max_errors) {
    TSNode n = ts_tree_cursor_current_node(&cursor);
    bool descend = ts_node_has_error(n);
    if (ts_node_is_missing(n)) {
      std::string what = ts_node_type(n);
      out.push_back(make(n, ts_node_is_named(n) ? "missing " + what : "missing `" + what + "`"));
      descend = false;
    } else if (ts_node_is_error(n)) {
      SyntaxError explained;
      if (explain(text, n, &explained)) {
        out.push_back(std::move(explained));
      } else {
        std::string tok = first_token(text, n);
        out.push_back(make(n, tok.empty() ? "unexpected end of input" : "unexpected `" + tok + "`"));
      }
      descend = false;  // errors nested in an ERROR node restate the same problem
    }
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) { done = true; break; }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace codeloom::lang
