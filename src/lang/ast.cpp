// Plain AST export: an iterative copy of the tree-sitter tree.
#include "codeloom/lang/ast.h"

#include "tree_impl.h"

namespace codeloom::lang {

Result<AstNode> to_ast(const SourceTree& tree, const AstOptions& options) {
  const std::string& text = tree.text();
  TSTreeCursor cursor = ts_tree_cursor_new(tree.impl().root());
  auto fill = [&](AstNode& out, TSNode n) {
    out.type = ts_node_type(n);
    const char* f = ts_tree_cursor_current_field_name(&cursor);
    out.field = f ? f : "";
    out.named = ts_node_is_named(n);
    out.missing = ts_node_is_missing(n);
    out.range = detail::node_range(n);
    if (options.leaf_text && ts_node_child_count(n) == 0) out.text = std::string(detail::node_text(text, n));
  };
  AstNode root;
  fill(root, ts_tree_cursor_current_node(&cursor));
  // path[i] is the node being filled at depth i; ancestors' child vectors only
  // grow after their descendants are done, so the pointers stay valid.
  std::vector<AstNode*> path{&root};
  auto wanted = [&](TSNode n) { return !options.named_only || ts_node_is_named(n); };
  bool descend = true;
  for (;;) {
    if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
      if (path.size() > options.max_depth) {
        ts_tree_cursor_delete(&cursor);
        return make_error(ErrorCode::kOutOfRange,
                          "syntax tree is deeper than " + std::to_string(options.max_depth) +
                              " levels (AstOptions::max_depth)");
      }
      path.push_back(nullptr);  // placeholder for the child at this depth
    } else {
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        path.pop_back();
        if (!ts_tree_cursor_goto_parent(&cursor)) { done = true; break; }
      }
      if (done || path.size() <= 1) break;
    }
    TSNode n = ts_tree_cursor_current_node(&cursor);
    AstNode* parent = path[path.size() - 2];
    if (!wanted(n) || parent == nullptr) {
      path.back() = nullptr;  // skipped subtree: its nodes have no parent to join
      descend = false;
      continue;
    }
    parent->children.emplace_back();
    path.back() = &parent->children.back();
    fill(*path.back(), n);
    descend = true;
  }
  ts_tree_cursor_delete(&cursor);
  return root;
}

std::size_t ast_size(const AstNode& root) {
  std::size_t count = 0;
  std::vector<const AstNode*> stack{&root};
  while (!stack.empty()) {
    const AstNode* n = stack.back();
    stack.pop_back();
    ++count;
    for (const AstNode& c : n->children) stack.push_back(&c);
  }
  return count;
}

}  // namespace codeloom::lang
