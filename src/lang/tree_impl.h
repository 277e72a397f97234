// Module-internal: what a SourceTree holds, and helpers every extractor uses to
// read tree-sitter nodes. Never included from public headers.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string>
#include <string_view>

#include "codeloom/lang/position.h"
#include "codeloom/lang/source_tree.h"

namespace codeloom::lang {

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

struct SourceTree::Impl {
  Language language = Language::kPython;
  ParseOptions options;
  std::string text;
  std::string parsed;  // what tree-sitter saw: text with ignore_macros blanked (C++)
  std::unique_ptr<TSParser, ParserDeleter> parser;
  std::unique_ptr<TSTree, TreeDeleter> tree;

  TSNode root() const { return ts_tree_root_node(tree.get()); }
};

namespace detail {

inline std::string_view node_text(const std::string& text, TSNode n) {
  const std::size_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
  if (b >= text.size() || e <= b) return {};
  return std::string_view(text).substr(b, std::min<std::size_t>(e, text.size()) - b);
}

inline Position to_position(TSPoint p) { return Position{p.row + 1u, p.column + 1u}; }

inline SourceRange node_range(TSNode n) {
  return SourceRange{ts_node_start_byte(n), ts_node_end_byte(n),
                     to_position(ts_node_start_point(n)), to_position(ts_node_end_point(n))};
}

inline bool is_type(TSNode n, std::string_view type) {
  return !ts_node_is_null(n) && type == ts_node_type(n);
}

inline TSNode field(TSNode n, std::string_view name) {
  return ts_node_child_by_field_name(n, name.data(), static_cast<uint32_t>(name.size()));
}

}  // namespace detail
}  // namespace codeloom::lang
