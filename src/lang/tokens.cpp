// Leaf-token classification over the syntax tree.
#include "codeloom/lang/tokens.h"

#include <unordered_set>

#include "tree_impl.h"

namespace codeloom::lang {
namespace detail {
bool is_word(std::string_view s);
}  // namespace detail

namespace {

using Set = std::unordered_set<std::string_view>;

// Nodes emitted as one literal token even though the grammar gives them children.
const Set kLiterals = {
    "string", "string_literal", "raw_string_literal", "char_literal", "character_literal",
    "template_string", "text_block", "integer", "float", "number", "number_literal",
    "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
    "binary_integer_literal", "decimal_floating_point_literal", "hex_floating_point_literal",
    "true", "false", "none", "null", "null_literal", "nullptr", "undefined", "regex",
    "user_defined_literal", "ellipsis"};
const Set kTypeNodes = {"type_identifier", "primitive_type", "void_type", "sized_type_specifier"};
const Set kTypeParents = {"integral_type", "floating_point_type", "boolean_type",
                          "primitive_type", "sized_type_specifier", "void_type"};
const Set kKeywordNodes = {"this", "super", "auto", "self"};
const Set kPunctuation = {"(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "::", "@", "...",
                          "\"", "'", "`"};
// Calls: node type -> field holding the callee.
const std::pair<std::string_view, std::string_view> kCalls[] = {
    {"call", "function"}, {"call_expression", "function"}, {"method_invocation", "name"},
    {"new_expression", "constructor"}};
// Member-like nodes: type -> field naming the member (the part that is called).
const std::pair<std::string_view, std::string_view> kMembers[] = {
    {"attribute", "attribute"}, {"member_expression", "property"},
    {"field_expression", "field"}, {"qualified_identifier", "name"},
    {"template_function", "name"}, {"template_method", "name"}, {"scoped_identifier", "name"}};

bool matches(const std::pair<std::string_view, std::string_view>* table, std::size_t n,
             std::string_view type, std::string_view field) {
  for (std::size_t i = 0; i < n; ++i)
    if (table[i].first == type && table[i].second == field) return true;
  return false;
}

struct Frame {
  TSNode node;
  const char* field;  // field of `node` within its parent, or nullptr
};

std::string_view field_of(const Frame& f) { return f.field ? f.field : ""; }

// Is the identifier at the top of `path` the callee of a call?
bool is_callee(const std::vector<Frame>& path) {
  std::size_t i = path.size() - 1;
  while (i > 0 && matches(kMembers, std::size(kMembers), ts_node_type(path[i - 1].node),
                          field_of(path[i])))
    --i;
  return i > 0 &&
         matches(kCalls, std::size(kCalls), ts_node_type(path[i - 1].node), field_of(path[i]));
}

TokenClass classify_leaf(const std::vector<Frame>& path, std::string_view text) {
  TSNode n = path.back().node;
  std::string_view type = ts_node_type(n);
  std::string_view parent = path.size() > 1 ? ts_node_type(path[path.size() - 2].node) : "";
  if (!ts_node_is_named(n)) {
    if (detail::is_word(text)) return kTypeParents.count(parent) ? TokenClass::kType
                                                                  : TokenClass::kKeyword;
    return kPunctuation.count(type) ? TokenClass::kPunctuation : TokenClass::kOperator;
  }
  if (kTypeNodes.count(type)) return TokenClass::kType;
  if (kKeywordNodes.count(type)) return TokenClass::kKeyword;
  if (type.find("identifier") != std::string_view::npos) {
    if (is_callee(path)) return TokenClass::kApiCall;
    if (parent == "type") return TokenClass::kType;  // Python annotations
    return TokenClass::kIdentifier;
  }
  return TokenClass::kOther;
}

}  // namespace

std::string_view token_class_name(TokenClass cls) {
  switch (cls) {
    case TokenClass::kIdentifier: return "identifier";
    case TokenClass::kKeyword: return "keyword";
    case TokenClass::kOperator: return "operator";
    case TokenClass::kLiteral: return "literal";
    case TokenClass::kComment: return "comment";
    case TokenClass::kPunctuation: return "punctuation";
    case TokenClass::kApiCall: return "api_call";
    case TokenClass::kType: return "type";
    case TokenClass::kOther: return "other";
  }
  return "other";
}

std::vector<Token> classify_tokens(const SourceTree& tree) {
  const std::string& text = tree.text();
  std::vector<Token> out;
  TSTreeCursor cursor = ts_tree_cursor_new(tree.impl().root());
  std::vector<Frame> path{{ts_tree_cursor_current_node(&cursor), nullptr}};
  for (;;) {
    TSNode n = path.back().node;
    std::string_view type = ts_node_type(n);
    const bool atomic = ts_node_child_count(n) == 0 || kLiterals.count(type) ||
                        type.find("comment") != std::string_view::npos;
    if (atomic) {
      if (ts_node_end_byte(n) > ts_node_start_byte(n)) {  // skip MISSING (zero-width) nodes
        Token t;
        t.start_byte = ts_node_start_byte(n);
        t.end_byte = ts_node_end_byte(n);
        t.start = detail::to_position(ts_node_start_point(n));
        t.text = detail::node_text(text, n);
        t.node_type = type;
        t.cls = type.find("comment") != std::string_view::npos ? TokenClass::kComment
                : ts_node_child_count(n) > 0 || kLiterals.count(type) ? TokenClass::kLiteral
                : ts_node_is_error(n) ? TokenClass::kOther
                                      : classify_leaf(path, t.text);
        out.push_back(t);
      }
    } else if (ts_tree_cursor_goto_first_child(&cursor)) {
      path.push_back({ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_name(&cursor)});
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      path.pop_back();
      if (!ts_tree_cursor_goto_parent(&cursor)) { done = true; break; }
    }
    if (done || path.empty()) break;
    path.back() = {ts_tree_cursor_current_node(&cursor), ts_tree_cursor_current_field_name(&cursor)};
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace codeloom::lang
